import type { CoordinateColumns } from './records';
import type { FieldMapping } from './checkRecords';
import type { ImportTarget } from './targets';

/** Other names ledgers use for a field, besides its own name and its Chinese and English labels. */
const ALIASES: Partial<Record<string, string[]>> = {
  id: ['编号', '编码', 'ID', 'fid', '序号编号', '资产编号', '案件编号', '图斑编号'],
  assetId: ['设施编号', '灯杆编号', '井盖编号', 'asset'],
  road: ['道路', '道路名称', '路名', '所在道路'],
  townCode: ['镇街代码', '镇街编码', '所属镇街', '镇街', '乡镇', 'town'],
  name: ['名称', '区域名称', '网格名称', '镇街名称', 'NAME', 'XZQMC'],
  nameEn: ['英文名', 'name_en'],
  code: ['代码', '编码', '区划代码', '网格编码', '行政区划代码', 'XZQDM'],
  lampCount: ['灯头数', '灯数', '盏数'],
  status: ['状态', '当前状态'],
  areaM2: ['面积', '面积(平方米)', '图斑面积'],
  reportedAt: ['上报时间', '发现时间', '受理时间'],
};

const normalise = (name: string) => name.toLowerCase().replace(/[\s_\-（）()]/g, '');

/** The column each field most likely comes from: its own name, its labels, or a common alias, ignoring case, spaces and brackets. */
export function suggestMapping(target: ImportTarget, columns: readonly string[], coordinates: CoordinateColumns | null): FieldMapping {
  const taken = new Set<string>(coordinates ? [coordinates.lon, coordinates.lat] : []);
  const byName = new Map<string, string>();
  for (const c of columns) if (!byName.has(normalise(c))) byName.set(normalise(c), c);
  const mapping: FieldMapping = {};
  for (const field of target.fields) {
    // A shapefile's DBF cuts field names to 10 characters (installedYear → installedY).
    const names = [field.name, field.label.zh, field.label.en, ...(ALIASES[field.name] ?? []), ...(field.name.length > 10 ? [field.name.slice(0, 10)] : [])];
    const column = names.map((n) => byName.get(normalise(n))).find((c) => c !== undefined && !taken.has(c));
    mapping[field.name] = column ?? null;
    if (column) taken.add(column);
  }
  return mapping;
}
