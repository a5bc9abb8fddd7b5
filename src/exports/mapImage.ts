import type * as maplibregl from 'maplibre-gl';

export interface LegendEntry {
  color: string;
  text: string;
}

export interface MapImageFrame {
  title: string;
  subtitle: string;
  /** Filters in one line. */
  filters: string;
  legend: { title: string; entries: LegendEntry[] }[];
  attribution: string;
  theme: { background: string; text: string; muted: string };
}

/** Output size: a pixel ratio of the map as it is on screen, or a fixed canvas (3840×2160) the map is fitted into. */
export type MapImageSize = { pixelRatio: number } | { width: number; height: number };

const PANEL_WIDTH = 340;

function idle(map: maplibregl.Map): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/** Metres per CSS pixel at the map's centre, and a round scale-bar length that fits in `maxPx`. */
function scaleBar(map: maplibregl.Map, maxPx: number): { px: number; label: string } {
  const c = map.getCenter();
  const metresPerPx = (40_075_016.686 * Math.cos((c.lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
  const maxM = maxPx * metresPerPx;
  const nice = [1, 2, 5].flatMap((k) => [1, 10, 100, 1000, 10_000, 100_000].map((p) => k * p)).filter((m) => m <= maxM).sort((a, b) => b - a)[0] ?? 1;
  return { px: nice / metresPerPx, label: nice >= 1000 ? `${nice / 1000} km` : `${nice} m` };
}

/**
 * The map as a picture for reports: the GL canvas re-rendered at the asked resolution (not
 * scaled up), with a side panel drawn in: title, time range, filters, legend, scale bar, north
 * arrow and the data attribution. The map's own pixel ratio is restored afterwards.
 */
export async function renderMapImage(map: maplibregl.Map, size: MapImageSize, frame: MapImageFrame): Promise<HTMLCanvasElement> {
  const container = map.getContainer();
  const cssW = container.clientWidth;
  const cssH = container.clientHeight;
  const fixed = 'width' in size;
  // Fixed canvas: the map gets the space beside the panel, rendered at the ratio that fills it.
  const scale = fixed ? Math.min((size.width - PANEL_WIDTH * (size.height / 1080)) / cssW, size.height / cssH) : size.pixelRatio;
  const before = map.getPixelRatio();
  map.setPixelRatio(scale);
  try {
    await idle(map);
    const gl = map.getCanvas();
    const ui = fixed ? size.height / 1080 : scale;
    const panel = PANEL_WIDTH * ui;
    const out = document.createElement('canvas');
    out.width = fixed ? size.width : Math.round(gl.width + panel);
    out.height = fixed ? size.height : gl.height;
    const ctx = out.getContext('2d')!;
    ctx.fillStyle = frame.theme.background;
    ctx.fillRect(0, 0, out.width, out.height);
    const mapW = gl.width;
    const mapH = gl.height;
    const mapX = panel + (out.width - panel - mapW) / 2;
    const mapY = (out.height - mapH) / 2;
    ctx.drawImage(gl, mapX, mapY, mapW, mapH);
    drawPanel(ctx, frame, panel, out.height, ui);
    drawNorthArrow(ctx, mapX + mapW - 48 * ui, mapY + 56 * ui, ui, frame.theme.text);
    const bar = scaleBar(map, 160);
    drawScaleBar(ctx, mapX + 24 * ui, mapY + mapH - 28 * ui, bar.px * (mapW / cssW), bar.label, ui, frame.theme.text);
    return out;
  } finally {
    map.setPixelRatio(before);
  }
}

function drawPanel(ctx: CanvasRenderingContext2D, frame: MapImageFrame, width: number, height: number, ui: number) {
  const pad = 20 * ui;
  const font = (px: number, weight = 400) => `${weight} ${px * ui}px "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;
  let y = pad;
  const line = (text: string, px: number, color: string, weight = 400, gap = 6) => {
    ctx.font = font(px, weight);
    ctx.fillStyle = color;
    for (const part of wrap(ctx, text, width - 2 * pad)) {
      y += px * ui;
      ctx.fillText(part, pad, y);
      y += gap * ui;
    }
  };
  line(frame.title, 24, frame.theme.text, 700, 10);
  line(frame.subtitle, 15, frame.theme.text, 400, 4);
  line(frame.filters, 13, frame.theme.muted, 400, 14);
  // Legend entries in two columns, stopping above the attribution rather than running into it.
  const attributionTop = height - pad - 3 * 15 * ui;
  const columnWidth = (width - 2 * pad) / 2;
  for (const group of frame.legend) {
    if (y + 40 * ui > attributionTop) break;
    line(group.title, 15, frame.theme.text, 700, 6);
    group.entries.forEach((entry, i) => {
      const x = pad + (i % 2) * columnWidth;
      const rowY = y + Math.floor(i / 2) * 20 * ui;
      if (rowY + 20 * ui > attributionTop) return;
      ctx.fillStyle = entry.color;
      ctx.fillRect(x, rowY + 2 * ui, 14 * ui, 14 * ui);
      ctx.font = font(13);
      ctx.fillStyle = frame.theme.text;
      ctx.fillText(entry.text, x + 20 * ui, rowY + 14 * ui, columnWidth - 24 * ui);
    });
    y += Math.ceil(group.entries.length / 2) * 20 * ui + 8 * ui;
  }
  ctx.font = font(11);
  ctx.fillStyle = frame.theme.muted;
  let ay = height - pad;
  for (const part of wrap(ctx, frame.attribution, width - 2 * pad).reverse()) {
    ctx.fillText(part, pad, ay);
    ay -= 15 * ui;
  }
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of text) {
    if (ctx.measureText(current + ch).width > width && current) {
      out.push(current);
      current = ch;
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

function drawNorthArrow(ctx: CanvasRenderingContext2D, x: number, y: number, ui: number, color: string) {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(x, y - 22 * ui);
  ctx.lineTo(x + 10 * ui, y + 8 * ui);
  ctx.lineTo(x, y + 2 * ui);
  ctx.lineTo(x - 10 * ui, y + 8 * ui);
  ctx.closePath();
  ctx.fill();
  ctx.font = `700 ${14 * ui}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.fillText('N', x, y + 26 * ui);
  ctx.textAlign = 'start';
}

function drawScaleBar(ctx: CanvasRenderingContext2D, x: number, y: number, px: number, label: string, ui: number, color: string) {
  ctx.strokeStyle = color;
  ctx.lineWidth = 2 * ui;
  ctx.beginPath();
  ctx.moveTo(x, y - 6 * ui);
  ctx.lineTo(x, y);
  ctx.lineTo(x + px, y);
  ctx.lineTo(x + px, y - 6 * ui);
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.font = `${12 * ui}px sans-serif`;
  ctx.fillText(label, x + px + 6 * ui, y);
}
