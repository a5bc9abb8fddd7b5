import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { linePath, PlainBar, PlainTick, PlainValueLabel } from './plainShapes';

const svg = (element: ReturnType<typeof createElement>) => renderToStaticMarkup(element);

describe('linePath', () => {
  it('joins the points with straight segments', () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 5, y: 20 }, { x: 10, y: 15 }])).toBe('M0,10L5,20L10,15');
  });

  it('lifts the pen at a missing point, as an unconnected Recharts line does', () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 5, y: null }, { x: 10, y: 15 }, { x: 15, y: 5 }])).toBe('M0,10M10,15L15,5');
  });

  it('draws nothing without points', () => {
    expect(linePath(undefined)).toBe('');
    expect(linePath([])).toBe('');
  });
});

describe('PlainBar', () => {
  it('is the bar’s rectangle with its cell’s fill, stroke and data attributes, and nothing else of its props', () => {
    const props = { x: 3, y: 4, width: 10, height: 20, fill: '#e03131', stroke: '#0b3d91', 'data-town': '370181001', payload: { code: '370181001' }, value: 7 };
    expect(svg(createElement(PlainBar, props))).toBe('<rect class="recharts-rectangle" x="3" y="4" width="10" height="20" fill="#e03131" stroke="#0b3d91" data-town="370181001"></rect>');
  });

  it('draws a bar reaching below its base from its top edge', () => {
    expect(svg(createElement(PlainBar, { x: 0, y: 50, width: 4, height: -20 }))).toContain('y="30" width="4" height="20"');
  });
});

describe('PlainTick', () => {
  it('writes the formatted label on one line, shifted as the axis anchors it', () => {
    const tick = createElement(PlainTick, { x: 10, y: 100, payload: { value: 1200 }, tickFormatter: (v: unknown) => `${String(v)} 件`, textAnchor: 'end', verticalAnchor: 'middle', fontSize: 10 });
    expect(svg(tick)).toBe('<text x="10" y="100" dy="0.355em" text-anchor="end" font-size="10" fill="#666" class="recharts-cartesian-axis-tick-value">1200 件</text>');
  });

  it('hangs a bottom axis’s label below its tick', () => {
    expect(svg(createElement(PlainTick, { x: 0, y: 0, payload: { value: '2026年1月' }, verticalAnchor: 'start' }))).toContain('dy="0.71em"');
  });
});

describe('PlainValueLabel', () => {
  it('puts the formatted value past the end of a horizontal bar, at its middle', () => {
    const label = createElement(PlainValueLabel, { x: 100, y: 40, width: 80, height: 12, value: 0.996, fill: '#e03131', fontSize: 10, format: (v: number) => `${(v * 100).toFixed(1)}%` });
    expect(svg(label)).toBe('<text x="185" y="46" dy="0.355em" text-anchor="start" font-size="10" fill="#e03131" class="recharts-text recharts-label">99.6%</text>');
  });
});
