const SVG_NS = 'http://www.w3.org/2000/svg';
/** Title and the filters line above the chart. */
const TITLE_HEIGHT = 44;
const LEGEND_ROW = 16;

/**
 * A chart's SVG as a standalone file: its title above, a solid background (charts sit on the
 * panel colour, which a file would lose) and the fonts named, so it opens the same in a report.
 */
export function chartSvg(svg: SVGSVGElement, title: string, colors: { background: string; text: string }, legend: { color: string; text: string }[] = [], subtitle = ''): string {
  const { width, height: chartHeight } = svg.getBoundingClientRect();
  const legendHeight = legend.length ? Math.ceil(legend.length / 3) * LEGEND_ROW + 8 : 0;
  const height = chartHeight + legendHeight;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(Math.round(width)));
  out.setAttribute('height', String(Math.round(height + TITLE_HEIGHT)));
  out.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height + TITLE_HEIGHT)}`);
  out.setAttribute('font-family', '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', colors.background);
  const heading = document.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', '8');
  heading.setAttribute('y', '19');
  heading.setAttribute('font-size', '14');
  heading.setAttribute('font-weight', '700');
  heading.setAttribute('fill', colors.text);
  heading.textContent = title;
  const note = document.createElementNS(SVG_NS, 'text');
  note.setAttribute('x', '8');
  note.setAttribute('y', '36');
  note.setAttribute('font-size', '11');
  note.setAttribute('fill', colors.text);
  note.textContent = subtitle;
  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0 ${TITLE_HEIGHT})`);
  for (const child of Array.from(svg.childNodes)) body.append(child.cloneNode(true));
  out.append(background, heading, note, body);
  // The legend (HTML beside the chart on screen) drawn into the file, three entries a row.
  const columnWidth = width / 3;
  legend.forEach((entry, i) => {
    const x = 8 + (i % 3) * columnWidth;
    const y = TITLE_HEIGHT + chartHeight + 4 + Math.floor(i / 3) * LEGEND_ROW;
    const swatch = document.createElementNS(SVG_NS, 'rect');
    swatch.setAttribute('x', String(x));
    swatch.setAttribute('y', String(y + 3));
    swatch.setAttribute('width', '10');
    swatch.setAttribute('height', '10');
    swatch.setAttribute('fill', entry.color);
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(x + 14));
    text.setAttribute('y', String(y + 12));
    text.setAttribute('font-size', '11');
    text.setAttribute('fill', colors.text);
    text.setAttribute('class', 'legend-entry');
    text.textContent = entry.text;
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
