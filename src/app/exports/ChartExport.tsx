import type { RefObject } from 'react';
import { translate } from '../../i18n';
import { chartPng, chartSvg } from '../../exports/chartImage';
import { downloadFile } from '../../exports/download';
import { useAppStore } from '../../state/store';
import { currentExport, exportColors } from './exportContext';

/** The largest chart surface in a panel (a panel may hold a small overview beside its main chart). */
function mainSurface(panel: HTMLElement): SVGSVGElement | null {
  const surfaces = Array.from(panel.querySelectorAll<SVGSVGElement>('svg.chart-surface'));
  const area = (s: SVGSVGElement) => s.getBoundingClientRect().width * s.getBoundingClientRect().height;
  return surfaces.sort((a, b) => area(b) - area(a))[0] ?? null;
}

/** The legend shown beside a chart: the panel's own list of swatches. */
function legendOf(panel: HTMLElement): { color: string; text: string }[] {
  return Array.from(panel.querySelectorAll<HTMLElement>('[data-class]')).flatMap((item) => {
    const swatch = item.querySelector<HTMLElement>('.legend__swatch');
    return swatch ? [{ color: swatch.style.background, text: item.textContent?.trim() ?? '' }] : [];
  });
}

/** PNG and SVG of a panel's chart, named after the panel, the district and the range. */
export function ChartExport({ panel, title, name }: { panel: RefObject<HTMLElement | null>; title: string; name: string }) {
  const lang = useAppStore((s) => s.lang);
  const run = async (format: 'svg' | 'png') => {
    const surface = panel.current && mainSurface(panel.current);
    if (!surface) return;
    const { context, fileName } = currentExport(lang, Date.now());
    const colors = exportColors(useAppStore.getState().theme);
    const svg = chartSvg(surface, `${title} · ${context.range}`, colors, legendOf(panel.current!), context.filters);
    if (format === 'svg') downloadFile(fileName(name, 'svg'), svg, 'image/svg+xml');
    else downloadFile(fileName(name, 'png'), await chartPng(svg), 'image/png');
  };
  return (
    <span className="chart-export" role="group" aria-label={`${translate(lang, 'exportChart')} ${title}`}>
      <button type="button" data-format="png" onClick={() => void run('png')}>
        PNG
      </button>
      <button type="button" data-format="svg" onClick={() => void run('svg')}>
        SVG
      </button>
    </span>
  );
}
