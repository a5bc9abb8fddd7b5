import type { Theme } from '../state/store';

export interface BasemapPalette {
  background: string;
  outside: string;
  townTints: string[];
  townLine: string;
  selection: string;
  districtLine: string;
  road: Record<'arterial' | 'secondary' | 'local', string>;
  railway: string;
  railwayDash: string;
  corridor: string;
  label: [number, number, number, number];
  labelHalo: [number, number, number, number];
}

export const PALETTES: Record<Theme, BasemapPalette> = {
  light: {
    background: '#e9eef2',
    outside: '#dfe4e8',
    townTints: ['#f6efd9', '#e1efdb', '#ece1f2', '#d9e9f5', '#f7e2d7', '#e6eed2'],
    townLine: '#8c96a3',
    selection: '#0077c8',
    districtLine: '#3d4b5c',
    road: { arterial: '#98a6b8', secondary: '#b7c0cc', local: '#cdd3db' },
    railway: '#4a4a4a',
    railwayDash: '#ffffff',
    corridor: '#7b61ff',
    label: [35, 45, 60, 255],
    labelHalo: [255, 255, 255, 230],
  },
  dark: {
    background: '#0b1320',
    outside: '#0a101a',
    townTints: ['#15233a', '#132a33', '#1c2238', '#102636', '#1f2533', '#16283a'],
    townLine: '#3f5978',
    selection: '#00e5ff',
    districtLine: '#5fb3ff',
    road: { arterial: '#50647f', secondary: '#3a4a60', local: '#2b384a' },
    railway: '#b8c4d6',
    railwayDash: '#0b1320',
    corridor: '#9d8bff',
    label: [225, 235, 250, 255],
    labelHalo: [8, 14, 24, 230],
  },
};
