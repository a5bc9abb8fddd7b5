import type { DomainLayerId } from '../layers/registry';
import type { TownMetricId } from '../stats/townMetrics';

/** The dashboard's own choices (which layer a chart shows, which metric towns are compared on): part of the view a link restores. */
export interface PanelState {
  seriesLayer: DomainLayerId;
  barMetric: TownMetricId;
  tableSort: TownMetricId;
  breakdownLayer: DomainLayerId;
  /** Index of the attribute filter the breakdown donut splits by. */
  breakdownChannel: number;
}

export const DEFAULT_PANELS: PanelState = {
  seriesLayer: 'streetLamps',
  barMetric: 'lightingRate',
  tableSort: 'lightingRate',
  breakdownLayer: 'manholes',
  breakdownChannel: 0,
};

export interface MapViewState {
  lng: number;
  lat: number;
  zoom: number;
}
