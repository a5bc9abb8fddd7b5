import type { TownProperties } from './types';

type Setting = TownProperties['setting'];

export interface TownProfile {
  nameEn: string;
  setting: Setting;
  /** Share of the district's street lamps and manhole covers. */
  assetShare: number;
  /** Relative fault rate of a lamp in this town (ageing networks and storms in the hills fail more). */
  faultFactor: number;
}

/** Synthetic but plausible: the urban core (明水, 双山, 圣井) holds most assets; the southern hills few. */
export const TOWN_PROFILES: Record<string, TownProfile> = {
  '370114001': { nameEn: 'Mingshui', setting: 'urban', assetShare: 0.2, faultFactor: 0.9 },
  '370114002': { nameEn: 'Shuangshan', setting: 'urban', assetShare: 0.19, faultFactor: 0.9 },
  '370114003': { nameEn: 'Zaoyuan', setting: 'suburban', assetShare: 0.05, faultFactor: 1.0 },
  '370114004': { nameEn: 'Longshan', setting: 'suburban', assetShare: 0.045, faultFactor: 1.1 },
  '370114005': { nameEn: 'Bucun', setting: 'suburban', assetShare: 0.05, faultFactor: 1.0 },
  '370114006': { nameEn: 'Shengjing', setting: 'urban', assetShare: 0.1, faultFactor: 0.85 },
  '370114007': { nameEn: 'Puji', setting: 'suburban', assetShare: 0.045, faultFactor: 1.1 },
  '370114008': { nameEn: 'Xiuhui', setting: 'rural', assetShare: 0.04, faultFactor: 1.2 },
  '370114009': { nameEn: 'Xianggongzhuang', setting: 'rural', assetShare: 0.04, faultFactor: 1.2 },
  '370114010': { nameEn: 'Wenzu', setting: 'mountain', assetShare: 0.025, faultFactor: 1.9 },
  '370114011': { nameEn: 'Guanzhuang', setting: 'mountain', assetShare: 0.025, faultFactor: 2.1 },
  '370114012': { nameEn: 'Gaoguanzhai', setting: 'rural', assetShare: 0.025, faultFactor: 1.3 },
  '370114013': { nameEn: 'Baiyunhu', setting: 'rural', assetShare: 0.03, faultFactor: 1.2 },
  '370114014': { nameEn: 'Ningjiabu', setting: 'rural', assetShare: 0.03, faultFactor: 1.2 },
  '370114015': { nameEn: 'Caofan', setting: 'mountain', assetShare: 0.02, faultFactor: 1.8 },
  '370114016': { nameEn: 'Diaozhen', setting: 'suburban', assetShare: 0.045, faultFactor: 1.0 },
  '370114017': { nameEn: 'Huanghe', setting: 'rural', assetShare: 0.02, faultFactor: 1.4 },
  '370114101': { nameEn: 'Duozhuang', setting: 'mountain', assetShare: 0.015, faultFactor: 2.4 },
};

export const SETTING_PARAMS: Record<Setting, { gridRadiusM: number; gridSpacingM: number; repairMedianH: number }> = {
  urban: { gridRadiusM: 3400, gridSpacingM: 330, repairMedianH: 6 },
  suburban: { gridRadiusM: 2200, gridSpacingM: 450, repairMedianH: 10 },
  rural: { gridRadiusM: 1700, gridSpacingM: 550, repairMedianH: 16 },
  mountain: { gridRadiusM: 1300, gridSpacingM: 600, repairMedianH: 34 },
};
