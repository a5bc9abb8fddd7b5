import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RangeOverview, type OverviewBucket } from './RangeOverview';

const MONTH = 30 * 86_400_000;
const months: OverviewBucket[] = Array.from({ length: 30 }, (_, i) => ({ label: `m${i}`, from: i * MONTH, to: (i + 1) * MONTH, count: i === 5 ? 40 : 10 }));
const render = (selected: { from: number; to: number }) =>
  renderToStaticMarkup(createElement(RangeOverview, { data: months, selected, title: 'Reports per month', hint: 'drag', onSelect: () => undefined }));
const bars = (html: string) => [...html.matchAll(/<rect x="([\d.]+)%" width="([\d.]+)%" y="([\d.]+)" height="([\d.]+)" fill="(#\w+)" data-month="(\d+)"/g)];

describe('RangeOverview', () => {
  const html = render({ from: 3 * MONTH + 1, to: 6 * MONTH - 1 });

  it('draws a bar a month across the plot in percent, as tall as its count against the largest', () => {
    const drawn = bars(html);
    expect(drawn).toHaveLength(30);
    expect(Number(drawn[10][1])).toBeCloseTo(((10 + 0.1) * 100) / 30, 6);
    expect(Number(drawn[5][4])).toBe(48);
    expect(Number(drawn[6][4])).toBe(12);
    expect(Number(drawn[6][3]) + Number(drawn[6][4])).toBe(50);
  });

  it('marks the months the selected range touches, with a window over them', () => {
    expect(html).toContain('data-first="3" data-last="5"');
    const colours = bars(html).map((b) => b[5]);
    expect(colours.slice(3, 6)).toEqual(['#1565c0', '#1565c0', '#1565c0']);
    expect(colours[2]).toBe('#adb5bd');
    expect(colours[6]).toBe('#adb5bd');
    expect(html).toContain(`class="overview__window" x="10%" width="10%"`);
  });

  it('labels every twelfth month from its left edge, the first one not cut off and none running off the right edge', () => {
    const labels = (data: OverviewBucket[]) =>
      [...renderToStaticMarkup(createElement(RangeOverview, { data, selected: { from: 0, to: 0 }, title: '', hint: '', onSelect: () => undefined })).matchAll(/<text x="([\d.]+)%" y="62"[^>]*>(\w+)<\/text>/g)].map((m) => [m[1], m[2]]);
    const longer = [...months, ...months.slice(0, 4).map((b, i) => ({ ...b, label: `n${i}` }))];
    expect(labels(longer).map(([x, label]) => [Number(x).toFixed(2), label])).toEqual([
      ['0.00', 'm0'],
      [((12 * 100) / 34).toFixed(2), 'm12'],
      [((24 * 100) / 34).toFixed(2), 'm24'],
    ]);
    // Six months after the last January: too few for its label.
    expect(labels(months)).toEqual([
      ['0', 'm0'],
      ['40', 'm12'],
    ]);
    expect(labels(months.slice(0, 4))).toEqual([['0', 'm0']]);
  });

  it('has no window when the range holds none of its months', () => {
    const outside = render({ from: 40 * MONTH, to: 41 * MONTH });
    expect(outside).not.toContain('overview__window');
    expect(bars(outside).every((b) => b[5] === '#adb5bd')).toBe(true);
  });
});
