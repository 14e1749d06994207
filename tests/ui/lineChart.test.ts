import { describe, expect, it } from 'vitest';
import { chartGeometry, niceTicks, type ChartSeries } from '../../src/ui/lineChart';

const spec = { title: 'Accuracy', x: [0, 500, 1000], xTick: (x: number) => String(x), width: 400, height: 200 };

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten and covers the range', () => {
    expect(niceTicks(0, 100, 4)).toEqual([0, 50, 100]);
    expect(niceTicks(0, 100_000)).toEqual([0, 20_000, 40_000, 60_000, 80_000, 100_000]);
    expect(niceTicks(0, 7)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(0.1, 0.35, 5)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
  });
  it('gives one tick for an empty range', () => {
    expect(niceTicks(5, 5)).toEqual([5]);
  });
});

describe('chartGeometry', () => {
  const series: ChartSeries[] = [
    { label: 'top-1', color: '#c00', values: [0, 50, 100], dots: true },
    { label: 'realistic', color: '#70a', values: [null, 40, null] },
  ];
  const g = chartGeometry(series, { ...spec, yMax: 100 });

  it('maps the first and last values to the corners of the plot box', () => {
    const line = g.lines.find((l) => l.series === 0)!;
    const pts = line.points.split(' ').map((p) => p.split(',').map(Number));
    expect(pts[0]).toEqual([g.box.l, g.height - g.box.b]);
    expect(pts[2]).toEqual([g.width - g.box.r, g.box.t]);
    expect(pts[1]![0]).toBeCloseTo((g.box.l + g.width - g.box.r) / 2, 1);
  });
  it('breaks a line where a value is missing, and dots only the series that asks', () => {
    expect(g.lines.filter((l) => l.series === 1).map((l) => l.points.split(' ').length)).toEqual([1]);
    expect(g.dots.map((d) => d.series)).toEqual([0, 0, 0]);
  });
  it('puts a key for every series under the title, above the plot', () => {
    expect(g.legend.map((k) => k.series)).toEqual([0, 1]);
    for (const k of g.legend) expect(k.y).toBeLessThan(g.box.t);
  });
  it('wraps keys that do not fit on one row', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ label: `a rather long series name ${i}`, color: '#000', values: [1, 2, 3] }));
    const rows = new Set(chartGeometry(many, spec).legend.map((k) => k.y));
    expect(rows.size).toBeGreaterThan(1);
  });
  it('scales y to the data when no maximum is given, and labels the ticks', () => {
    const growth = chartGeometry([{ label: 'cases', color: '#000', values: [10, 900, 4_300] }], { ...spec, yTick: (v) => `${v / 1000}K` });
    expect(growth.yTicks.at(-1)!.text).toBe('5K');
    expect(growth.xTicks.map((t) => t.text)).toEqual(['0', '200', '400', '600', '800', '1000']);
  });
  it('draws nothing and does not fail without points', () => {
    const empty = chartGeometry([{ label: 'top-1', color: '#000', values: [] }], { ...spec, x: [] });
    expect(empty.lines).toEqual([]);
    expect(empty.xTicks).toEqual([]);
  });
});
