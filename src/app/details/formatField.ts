import { formatArea, formatDateTime, formatNumber, label, translate, type Lang } from '../../i18n';
import type { FieldDisplay } from '../../layers/common/definition';

/** One attribute value as the details panel shows it. `townName` turns a town code into its name. */
export function formatField(lang: Lang, display: FieldDisplay, value: unknown, townName: (code: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  // A list (a case's failed checks): each value as the display says, in order.
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => formatField(lang, display, v, townName)).join(lang === 'zh' ? '、' : ', ');
  if (display.enum && typeof value === 'string') {
    const l = display.enum.labels[value];
    return l ? label(lang, l) : value;
  }
  let text: string;
  switch (display.format) {
    case 'time':
      text = formatDateTime(lang, Date.parse(String(value)));
      break;
    case 'area':
      text = formatArea(lang, Number(value));
      break;
    case 'boolean':
      text = translate(lang, value ? 'yes' : 'no');
      break;
    case 'town':
      text = townName(String(value));
      break;
    case 'year':
      // A year is a name, not a quantity: 2011, never 2,011.
      text = String(value);
      break;
    default:
      text = typeof value === 'number' ? formatNumber(lang, value) : String(value);
  }
  return display.unit ? `${text} ${label(lang, display.unit)}` : text;
}
