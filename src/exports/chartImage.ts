const SVG_NS = 'http://www.w3.org/2000/svg';
/** Title and the filters line above the chart. */
const TITLE_HEIGHT = 44;
const LEGEND_ROW = 16;

/** An SVG element with its attributes (and text). */
function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A chart's SVG as a standalone file: its title above, a solid background (charts sit on the
 * panel colour, which a file would lose) and the fonts named, so it opens the same in a report.
 */
export function chartSvg(svg: SVGSVGElement, title: string, colors: { background: string; text: string }, legend: { color: string; text: string }[] = [], subtitle = ''): string {
  const { width, height: chartHeight } = svg.getBoundingClientRect();
  const legendHeight = legend.length ? Math.ceil(legend.length / 3) * LEGEND_ROW + 8 : 0;
  const height = chartHeight + legendHeight;
  const w = Math.round(width);
  const h = Math.round(height + TITLE_HEIGHT);
  const out = el('svg', { xmlns: SVG_NS, width: w, height: h, viewBox: `0 0 ${w} ${h}`, 'font-family': '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif' });
  const background = el('rect', { width: '100%', height: '100%', fill: colors.background });
  const heading = el('text', { x: 8, y: 19, 'font-size': 14, 'font-weight': 700, fill: colors.text }, title);
  const note = el('text', { x: 8, y: 36, 'font-size': 11, fill: colors.text }, subtitle);
  const body = el('g', { transform: `translate(0 ${TITLE_HEIGHT})` });
  for (const child of Array.from(svg.childNodes)) body.append(child.cloneNode(true));
  out.append(background, heading, note, body);
  // The legend (HTML beside the chart on screen) drawn into the file, three entries a row.
  const columnWidth = width / 3;
  legend.forEach((entry, i) => {
    const x = 8 + (i % 3) * columnWidth;
    const y = TITLE_HEIGHT + chartHeight + 4 + Math.floor(i / 3) * LEGEND_ROW;
    const swatch = el('rect', { x, y: y + 3, width: 10, height: 10, fill: entry.color });
    const text = el('text', { x: x + 14, y: y + 12, 'font-size': 11, fill: colors.text, class: 'legend-entry' }, entry.text);
    out.append(swatch, text);
  });
  return new XMLSerializer().serializeToString(out);
}

/** The same picture as PNG at `scale` times its size (drawn from the SVG, so lines stay sharp). */
export async function chartPng(svgText: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the chart could not be drawn');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}
