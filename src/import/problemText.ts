import type { Lang } from '../layers/common/labels';
import { gaussKruger, gaussKrugerLabel, type GaussKrugerCode } from './crs';
import type { FeatureProblem, FeatureProblemReason, FileProblem, ImportNotice } from './problems';
import type { CrsSource } from './declaredCrs';
import { FORMAT_NAMES } from './records';
import { STREAMED_FILE_BYTES } from './limits';

type Wording<T extends { code: string }> = { [C in T['code']]: Record<Lang, (p: Extract<T, { code: C }>) => string> };

const mb = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`;
const BINARY = {
  excel: { zh: 'Excel 工作簿', en: 'an Excel workbook' },
  zip: { zh: 'ZIP 压缩包', en: 'a ZIP archive' },
  shapefile: { zh: 'Shapefile', en: 'a shapefile' },
  pdf: { zh: 'PDF 文档', en: 'a PDF document' },
  image: { zh: '图片', en: 'an image' },
  unknown: { zh: '二进制文件', en: 'a binary file' },
};

const CRS_SOURCE: Record<CrsSource, Record<Lang, string>> = {
  geojson: { zh: 'GeoJSON 的 crs 成员', en: 'the GeoJSON crs member' },
  prj: { zh: '.prj 文件', en: 'the .prj file' },
  gpkg: { zh: 'GeoPackage 的空间参考', en: 'the GeoPackage spatial reference' },
  fgb: { zh: 'FlatGeobuf 文件头', en: 'the FlatGeobuf header' },
  wkt: { zh: 'WKT 的 SRID', en: 'the WKT SRID' },
};
/** Where a file declared its coordinate system, in words. */
export const crsSourceText = (source: CrsSource, lang: Lang): string => CRS_SOURCE[source][lang];

const DATUM: Partial<Record<string, string>> = { gcj02: 'GCJ-02', bd09: 'BD-09' };

/** Web Mercator or a CGCS2000 Gauss–Krüger system by its surveyors' name and EPSG code. */
function projectionName(crs: string, lang: Lang): string {
  if (crs === 'epsg3857' || crs === 'EPSG:3857') return lang === 'zh' ? 'Web 墨卡托（EPSG:3857）' : 'Web Mercator (EPSG:3857)';
  return gaussKruger(crs) ? gaussKrugerLabel(crs as GaussKrugerCode, lang) : crs;
}

const fileWording: Wording<FileProblem> = {
  empty: { zh: () => '文件是空的。', en: () => 'The file is empty.' },
  tooLarge: {
    zh: (p) =>
      p.streamed
        ? `文件 ${mb(p.bytes)}，超过 GeoJSON / CSV 单次导入上限 ${mb(p.limit)}。请按镇街或时间拆分后分批导入；整个城市的台账请载入服务器模式（PostGIS + MapServer，server/load.sh）。`
        : `文件 ${mb(p.bytes)}，超过 ${mb(p.limit)} 的上限：这种格式须整个读入内存。请另存为 GeoJSON 或 CSV（可边读边导入，上限 ${mb(STREAMED_FILE_BYTES)}），或按镇街、时间拆分后分批导入。`,
    en: (p) =>
      p.streamed
        ? `The file is ${mb(p.bytes)}, over the ${mb(p.limit)} limit for GeoJSON and CSV. Split it by town or period and import the parts; a whole city's ledger belongs in server mode (PostGIS + MapServer, server/load.sh).`
        : `The file is ${mb(p.bytes)}, over the ${mb(p.limit)} limit for a format read whole into memory. Save it as GeoJSON or CSV (read as a stream, up to ${mb(STREAMED_FILE_BYTES)}), or split it by town or period and import the parts.`,
  },
  tooManyFeatures: {
    zh: (p) => `文件至少有 ${p.count} 个要素，超过单次导入上限 ${p.limit} 个。请按镇街或时间拆分后分批导入，或载入服务器模式（server/load.sh）。`,
    en: (p) => `The file holds at least ${p.count} features, over the limit of ${p.limit} per import. Split it by town or period, or load it into server mode (server/load.sh).`,
  },
  binary: {
    zh: (p) =>
      `这是${BINARY[p.kind].zh}，无法作为空间数据导入。${p.kind === 'excel' ? '这是旧版 .xls 工作簿：请在 Excel 中另存为 .xlsx 后再导入。' : p.kind === 'zip' ? '压缩包中没有 Shapefile、KML 或 Excel 文件。' : '可导入 GeoJSON、GeoJSONSeq、CSV、Excel（.xlsx）、Shapefile（zip）、KML/KMZ、GeoPackage、FlatGeobuf。'}`,
    en: (p) =>
      `This is ${BINARY[p.kind].en}, which cannot be imported as spatial data.${p.kind === 'excel' ? ' It is an old .xls workbook: save it from Excel as .xlsx and import that.' : p.kind === 'zip' ? ' The archive holds no shapefile, KML or Excel file.' : ' The import reads GeoJSON, GeoJSONSeq, CSV, Excel (.xlsx), Shapefile (zipped), KML / KMZ, GeoPackage and FlatGeobuf.'}`,
  },
  badArchive: {
    zh: (p) => `${p.format === 'zip' ? 'ZIP' : FORMAT_NAMES[p.format]} 文件已损坏或不完整，无法读取：${p.detail}`,
    en: (p) => `The ${p.format === 'zip' ? 'ZIP' : FORMAT_NAMES[p.format]} file is damaged or incomplete and cannot be read: ${p.detail}`,
  },
  shapefilePart: {
    zh: (p) => `Shapefile 缺少 ${p.missing} 文件。请把 .shp、.shx、.dbf、.prj（及 .cpg）一起压缩成一个 zip 再导入。`,
    en: (p) => `The shapefile has no ${p.missing} file. Zip the .shp, .shx, .dbf and .prj (and .cpg) together and import the zip.`,
  },
  xmlEntities: {
    zh: () => '文件中的 XML 声明了实体（<!ENTITY>），出于安全考虑拒绝读取。请从制图软件重新导出 KML。',
    en: () => 'The XML declares entities (<!ENTITY>); it is refused for safety. Export the KML again from the mapping software.',
  },
  noLayers: { zh: (p) => `${FORMAT_NAMES[p.format]} 文件中没有要素图层。`, en: (p) => `The ${FORMAT_NAMES[p.format]} file holds no feature layer.` },
  badEncoding: { zh: () => '文件既不是 UTF-8 也不是 GBK 编码的文本。', en: () => 'The file is neither UTF-8 nor GBK text.' },
  notJson: { zh: (p) => `文件不是有效的 JSON：${p.detail}`, en: (p) => `The file is not valid JSON: ${p.detail}` },
  notGeoJson: {
    zh: (p) => `文件是 JSON，但不是 GeoJSON 要素集合（发现 ${p.found}）。`,
    en: (p) => `The file is JSON but not a GeoJSON FeatureCollection (found ${p.found}).`,
  },
  noFeatures: { zh: () => '文件中没有任何要素。', en: () => 'The file holds no features.' },
  wrongGeometry: {
    zh: (p) => `该图层需要 ${p.expected} 几何，文件中是 ${p.found}。`,
    en: (p) => `This layer needs ${p.expected} geometries; the file has ${p.found}.`,
  },
  csvNoHeader: { zh: () => 'CSV 第一行应为表头（字段名），这里是数字。', en: () => 'The first CSV row must be a header (column names); it holds numbers.' },
  csvNoCoordinates: {
    zh: (p) => `找不到经纬度列（如“经度”“纬度”或 lon、lat）。现有列：${p.columns.join('、')}`,
    en: (p) => `No longitude / latitude columns found (such as 经度 / 纬度 or lon / lat). Columns: ${p.columns.join(', ')}`,
  },
  csvForPolygons: {
    zh: () => '表格只能由经纬度列导入点要素；面状数据请加一列 WKT 几何（如 POLYGON((…))），或用 GeoJSON、Shapefile。',
    en: () => 'A table gives only points from longitude / latitude columns; for polygons add a WKT geometry column (e.g. POLYGON((…))), or use GeoJSON or a shapefile.',
  },
  projected: {
    zh: (p) => `坐标（如 ${p.sample[0]}, ${p.sample[1]}）是投影坐标，不是经纬度。可能是 ${projectionName(p.epsg, 'zh')}：请在“坐标系”中选择它。`,
    en: (p) => `The coordinates (e.g. ${p.sample[0]}, ${p.sample[1]}) are projected, not longitude / latitude. Likely ${projectionName(p.epsg, 'en')}: choose it under "Coordinate system".`,
  },
  missingColumn: { zh: (p) => `必填字段“${p.field}”没有对应的列，请在字段对应中选择。`, en: (p) => `Required field "${p.field}" has no column; choose one in the field mapping.` },
  tooManyRegions: {
    zh: (p) => `文件有 ${p.count} 个区域，地图筛选最多支持 ${p.limit} 个；请合并为较大的区域后导入。`,
    en: (p) => `The file has ${p.count} regions; the map can filter at most ${p.limit}. Merge them into larger regions first.`,
  },
  nothingValid: { zh: (p) => `全部 ${p.rejected} 个要素都未通过校验，未导入任何数据。`, en: (p) => `All ${p.rejected} features failed the checks; nothing was imported.` },
  cancelled: { zh: () => '已取消导入。', en: () => 'Import cancelled.' },
  internal: { zh: (p) => `导入出错：${p.detail}`, en: (p) => `The import failed: ${p.detail}` },
};

const reasonWording: Wording<FeatureProblemReason> = {
  noGeometry: { zh: () => '没有几何', en: () => 'no geometry' },
  geometryType: { zh: (p) => `几何类型为 ${p.found}，应为 ${p.expected}`, en: (p) => `geometry is ${p.found}, expected ${p.expected}` },
  badCoordinate: { zh: (p) => `坐标无效：${p.value}`, en: (p) => `invalid coordinate: ${p.value}` },
  outOfRange: { zh: (p) => `坐标超出经纬度范围：${p.lon}, ${p.lat}`, en: (p) => `coordinate out of longitude / latitude range: ${p.lon}, ${p.lat}` },
  ringNotClosed: { zh: () => '面的环未闭合（首尾坐标不同）', en: () => 'polygon ring is not closed (first and last positions differ)' },
  ringTooShort: { zh: () => '面的环少于 4 个坐标', en: () => 'polygon ring has fewer than 4 positions' },
  selfIntersection: { zh: (p) => `面自相交，位于 ${p.at[0]}, ${p.at[1]}`, en: (p) => `polygon intersects itself at ${p.at[0]}, ${p.at[1]}` },
  missingField: { zh: (p) => `缺少必填字段“${p.field}”`, en: (p) => `required field "${p.field}" is missing` },
  badNumber: { zh: (p) => `字段“${p.field}”不是有效数字：${p.value}`, en: (p) => `field "${p.field}" is not a valid number: ${p.value}` },
  badDate: { zh: (p) => `字段“${p.field}”不是有效日期：${p.value}`, en: (p) => `field "${p.field}" is not a valid date: ${p.value}` },
  badBoolean: { zh: (p) => `字段“${p.field}”应为 是/否：${p.value}`, en: (p) => `field "${p.field}" should be yes / no: ${p.value}` },
  unknownValue: {
    zh: (p) => `字段“${p.field}”的值“${p.value}”不在可选值中（${p.allowed.join('、')}）`,
    en: (p) => `field "${p.field}" has unknown value "${p.value}" (allowed: ${p.allowed.join(', ')})`,
  },
  tooLong: { zh: (p) => `字段“${p.field}”过长（${p.length} 个字符）`, en: (p) => `field "${p.field}" is too long (${p.length} characters)` },
  duplicateId: { zh: (p) => `编号 ${p.id} 重复`, en: (p) => `duplicate id ${p.id}` },
  invalidField: { zh: (p) => `字段“${p.field}”不符合要求：${p.detail}`, en: (p) => `field "${p.field}": ${p.detail}` },
};

const noticeWording: Wording<ImportNotice> = {
  swapped: { zh: (p) => `${p.count} 个要素的经纬度顺序颠倒，已交换。`, en: (p) => `${p.count} features had latitude and longitude swapped; they were swapped back.` },
  datumShift: {
    zh: (p) => `已由 ${DATUM[p.datum] ?? p.datum} 转换为 WGS84，偏移中位数 ${p.medianM} 米，最大 ${p.maxM} 米。`,
    en: (p) => `Converted from ${DATUM[p.datum] ?? p.datum} to WGS84: shift median ${p.medianM} m, largest ${p.maxM} m.`,
  },
  outsideDistrict: { zh: (p) => `${p.count} 个要素位于区界之外，计入“区外”。`, en: (p) => `${p.count} features lie outside the district and count as "outside".` },
  unsafeKeys: { zh: (p) => `已忽略不安全的字段名：${p.keys.join('、')}`, en: (p) => `Unsafe property names ignored: ${p.keys.join(', ')}` },
  idsGenerated: { zh: (p) => `${p.count} 个要素没有编号，已自动编号。`, en: (p) => `${p.count} features had no id and were numbered.` },
  townsAssigned: { zh: (p) => `${p.count} 个要素按位置归属镇街。`, en: (p) => `${p.count} features were placed in their town by location.` },
  projectionConverted: {
    zh: (p) => `已由 ${projectionName(p.crs, 'zh')} 转换为经纬度。`,
    en: (p) => `Converted from ${projectionName(p.crs, 'en')} to longitude / latitude.`,
  },
  crsDeclared: {
    zh: (p) => `坐标系取自${CRS_SOURCE[p.source].zh}：${p.name}（按 ${p.crs === 'wgs84' ? '经纬度' : projectionName(p.crs, 'zh')} 读取）。`,
    en: (p) => `Coordinate system from ${CRS_SOURCE[p.source].en}: ${p.name} (read as ${p.crs === 'wgs84' ? 'longitude / latitude' : projectionName(p.crs, 'en')}).`,
  },
  crsUnknown: {
    zh: (p) => `${CRS_SOURCE[p.source].zh}声明的坐标系“${p.name}”无法自动转换，坐标按对话框中所选坐标系读取。`,
    en: (p) => `The system declared in ${CRS_SOURCE[p.source].en}, "${p.name}", cannot be converted here; coordinates were read in the system chosen in the dialog.`,
  },
};

function word<T extends { code: string }>(table: Wording<T>, p: T, lang: Lang): string {
  return (table[p.code as T['code']][lang] as (p: T) => string)(p);
}

export const fileProblemText = (p: FileProblem, lang: Lang): string => word(fileWording, p, lang);
/** Checks written in the schemas' own words, and how they read in Chinese. */
const DETAIL_ZH: [RegExp, string][] = [
  [/^earlier than the stage before it$/, '早于上一环节的时间'],
  [/^set although (\w+) is empty$/, '已填写，但上一环节 $1 为空'],
  [/^is "(\w+)" but the last stage reached is (\w+)$/, '为“$1”，但最后到达的环节是 $2'],
  [/^missing for status "(\w+)"$/, '状态为“$1”时必填'],
  [/^must be empty for status "(\w+)"$/, '状态为“$1”时应为空'],
  [/^"(\w+)" is not the unit of (\w+)$/, '“$1”不是 $2 的计量单位'],
  [/^Too big: expected number to be <=?(\S+)$/, '不能大于 $1'],
  [/^Too small: expected number to be >=?(\S+)$/, '不能小于 $1'],
];

function detailIn(lang: Lang, detail: string): string {
  if (lang === 'en') return detail;
  for (const [pattern, zh] of DETAIL_ZH) if (pattern.test(detail)) return detail.replace(pattern, zh);
  return detail;
}

/** A skipped feature's reason; `fieldName` words a field by its label rather than its schema name. */
export function reasonText(r: FeatureProblemReason, lang: Lang, fieldName: (field: string) => string = (f) => f): string {
  const named = 'field' in r ? { ...r, field: fieldName(r.field) } : r;
  const worded = named.code === 'invalidField' ? { ...named, detail: detailIn(lang, named.detail) } : named;
  return word(reasonWording, worded, lang);
}
export const noticeText = (n: ImportNotice, lang: Lang): string => word(noticeWording, n, lang);

/** "第 12 行" for a table (CSV, Excel: the header is row 1), "第 12 个要素" for a file of features. */
export function whereText(p: FeatureProblem, tabular: boolean, lang: Lang): string {
  const n = tabular ? p.index + 2 : p.index + 1;
  const where = lang === 'zh' ? (tabular ? `第 ${n} 行` : `第 ${n} 个要素`) : tabular ? `row ${n}` : `feature ${n}`;
  return p.featureId ? `${where} (${p.featureId})` : where;
}
