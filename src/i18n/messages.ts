/** Every message in both languages; the type makes a key missing from either one a compile error. */
export const messages = {
  appTitle: { zh: '章丘区城市管理 GIS 指挥平台', en: 'Zhangqiu City Management GIS' },
  district: { zh: '章丘区', en: 'Zhangqiu District' },
  towns: { zh: '镇街', en: 'Towns' },
  layers: { zh: '图层', en: 'Layers' },
  loading: { zh: '加载中', en: 'Loading' },
  loaded: { zh: '已加载', en: 'Loaded' },
  failed: { zh: '加载失败', en: 'Failed' },
  features: { zh: '个要素', en: 'features' },
  rejected: { zh: '个要素未通过校验', en: 'features failed validation' },
  retry: { zh: '重试', en: 'Retry' },
  language: { zh: 'English', en: '中文' },
  darkMode: { zh: '深色模式', en: 'Dark mode' },
  sourceStatic: { zh: '内置数据', en: 'Bundled data' },
  sourceApi: { zh: '数据接口', en: 'Data API' },
  derivedNote: { zh: '镇街边界为推算边界，非测绘成果', en: 'Town boundaries are derived, not surveyed' },
  baseLayers: { zh: '底图要素', en: 'Base map' },
  perYear: { zh: '逐年上报数', en: 'reported per year' },
  lightingRate: { zh: '亮灯率', en: 'Lighting rate' },
  lampsDark: { zh: '盏待修', en: 'lamps awaiting repair' },
  asOf: { zh: '截至', en: 'as of' },
  opacity: { zh: '不透明度', en: 'opacity' },
} as const;

export type MessageKey = keyof typeof messages;
