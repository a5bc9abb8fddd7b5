import type { DomainLayerId } from '../layers/registry';
import type { TownMetricId } from '../stats/townMetrics';
import type { PlaybackWindow } from './playback';

/** The early warnings' horizons a user may choose: a day, two, three (the longest time limits are working days). */
export const DUE_HORIZONS = [24, 48, 72] as const;

/** The dashboard's own choices (which layer a chart shows, which metric towns are compared on): part of the view a link restores. */
export interface PanelState {
  seriesLayer: DomainLayerId;
  barMetric: TownMetricId;
  tableSort: TownMetricId;
  breakdownLayer: DomainLayerId;
  /** Index of the attribute filter the breakdown donut splits by. */
  breakdownChannel: number;
  /** Which case layers the hot spots count. */
  hotspotLayer: 'all' | 'lamps' | 'manholes' | 'railway';
  /** Whether the hot-spot hexagons are drawn on the map. */
  hotspotMap: boolean;
  /** Whether the early warnings (cells, cases due soon, assets failing again) are drawn on the map. */
  warningMap: boolean;
  /** How far ahead the early warnings look for cases due (hours). */
  dueHours: (typeof DUE_HORIZONS)[number];
  /** The month the assessment panel ranks ('YYYY-MM'; '' for the last whole month of the data), and whether towns or units. */
  assessMonth: string;
  assessView: 'towns' | 'units';
  /** Time playback: the window each step shows, and steps per second. */
  playWindow: PlaybackWindow;
  playSpeed: number;
}

export const DEFAULT_PANELS: PanelState = {
  seriesLayer: 'streetLamps',
  barMetric: 'lightingRate',
  tableSort: 'lightingRate',
  breakdownLayer: 'manholes',
  breakdownChannel: 0,
  hotspotLayer: 'all',
  hotspotMap: false,
  warningMap: false,
  dueHours: 24,
  assessMonth: '',
  assessView: 'towns',
  playWindow: 'month',
  playSpeed: 1,
};

export interface MapViewState {
  lng: number;
  lat: number;
  zoom: number;
}
