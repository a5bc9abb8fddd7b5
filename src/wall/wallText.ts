import type { Label, Lang } from '../layers/common/labels';

/** The wall's own words (the dashboard's are in i18n/messages); each needs both languages, as Label does. */
export const WALL_TEXT = {
  title: { zh: '章丘区城市管理指挥中心', en: 'Zhangqiu Command Centre' },
  paused: { zh: '已暂停轮播', en: 'Tour paused' },
  resumesIn: { zh: '秒后继续', en: 's to resume' },
  stale: { zh: '数据过期', en: 'Stale' },
  current: { zh: '正常', en: 'Current' },
  lastGood: { zh: '上次更新', en: 'Last updated' },
  never: { zh: '尚未成功', en: 'never' },
  retryIn: { zh: '重试', en: 'retry in' },
  retrying: { zh: '正在重试', en: 'retrying' },
  seconds: { zh: '秒', en: 's' },
  noAlerts: { zh: '暂无告警', en: 'No alerts' },
  alerts: { zh: '告警', en: 'Alerts' },
  acknowledge: { zh: '确认', en: 'Acknowledge' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  sources: { zh: '数据源', en: 'Data sources' },
  features: { zh: '要素', en: 'features' },
  dataAsOf: { zh: '数据截至', en: 'Data as of' },
  window: { zh: '统计时段', en: 'Period' },
  configProblems: { zh: '配置有误', en: 'Config problems' },
  worst: { zh: '后三名', en: 'Bottom three' },
  hotAreas: { zh: '高发区域', en: 'Busiest areas' },
  previous: { zh: '较上期', en: 'vs previous' },
  loading: { zh: '正在加载', en: 'Loading' },
} satisfies Record<string, Label>;

export type WallTextKey = keyof typeof WALL_TEXT;

export const wallText = (lang: Lang, key: WallTextKey): string => WALL_TEXT[key][lang];

export const WINDOW_NAMES: Record<string, Label> = {
  today: { zh: '今日', en: 'Today' },
  last7Days: { zh: '近7日', en: 'Last 7 days' },
  last30Days: { zh: '近30日', en: 'Last 30 days' },
  thisMonth: { zh: '本月', en: 'This month' },
  thisYear: { zh: '本年', en: 'This year' },
};

export const ALERT_TEXT = {
  lightingRate: { zh: '亮灯率低于', en: 'Lighting rate below' },
  overdueCases: { zh: '超期案件多于', en: 'Overdue cases above' },
  newPatches: { zh: '新发现图斑待核查', en: 'New patches to verify' },
  railwayOpen: { zh: '铁路沿线问题超期未办结', en: 'Railway issues open over' },
  days: { zh: '天', en: 'days' },
} satisfies Record<string, Label>;
