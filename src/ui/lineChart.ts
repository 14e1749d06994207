/*
 * The page's line charts (the learning curves, the drill's waiting room), drawn as SVG: a handful
 * of series of at most a few hundred points needs no charting library, and SVG scales to any
 * screen, carries its title for screen readers, and can be read back in tests. The geometry is
 * worked out apart from the DOM so that it is tested headless.
 */

export interface ChartSeries {
  label: string;
  color: string;
  /** One value per x; null where the series has no value (the line is broken there). */
  values: readonly (number | null)[];
  dashed?: boolean;
  /** Marks each value with a dot (sparse checkpoints read better as dots on the line). */
  dots?: boolean;
}

export interface ChartSpec {
  title: string;
  /** The x of each value, increasing. */
  x: readonly number[];
  /** Text of an x tick. */
  xTick: (x: number) => string;
  /** Where x ticks go; by default "nice" round numbers over the range. */
  xTicks?: readonly number[];
  xLabel?: string;
  /** Text of a y tick; by default the number. */
  yTick?: (y: number) => string;
  /** Fixed top of the y axis (100 for percentages); by default the data's nice maximum. */
  yMax?: number;
  width?: number;
  height?: number;
}

interface Box {
  l: number;
  r: number;
  t: number;
  b: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  box: Box;
  /** Each series as runs of points ("x,y x,y"), broken at missing values. */
  lines: { series: number; points: string }[];
  dots: { series: number; cx: number; cy: number }[];
  /** Where each series' key is drawn, in rows under the title. */
  legend: { series: number; x: number; y: number }[];
  xTicks: { at: number; text: string }[];
  yTicks: { at: number; text: string }[];
}

/** A round step (1, 2 or 5 times a power of ten) that cuts `range` into about `count` parts. */
function niceStep(range: number, count: number): number {
  const raw = range / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

/** Round tick values covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const step = niceStep(max - min, count);
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

const Y_TICKS = 5;

const round = (v: number): string => v.toFixed(1);

/** Rough width of a label at 11px: Chinese characters are about twice as wide as Latin ones. */
function labelWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 11 : 6.2;
  return w;
}

const LEGEND_TOP = 30;
const LEGEND_ROW = 15;

/** Keys side by side, wrapping to a new row when the next would pass the right edge. */
function legendLayout(series: readonly ChartSeries[], left: number, right: number): ChartGeometry['legend'] {
  const out: ChartGeometry['legend'] = [];
  let x = left;
  let y = LEGEND_TOP;
  series.forEach((s, k) => {
    const w = 24 + labelWidth(s.label) + 14;
    if (x > left && x + w > right) {
      x = left;
      y += LEGEND_ROW;
    }
    out.push({ series: k, x, y });
    x += w;
  });
  return out;
}

export function chartGeometry(series: readonly ChartSeries[], spec: ChartSpec): ChartGeometry {
  const width = spec.width ?? 560;
  const height = spec.height ?? 240;
  const left = 48;
  const legend = legendLayout(series, left, width - 22);
  const box: Box = { l: left, r: 22, t: (legend.at(-1)?.y ?? LEGEND_TOP - LEGEND_ROW) + 14, b: spec.xLabel ? 40 : 26 };
  const xs = spec.x;
  const x0 = xs[0] ?? 0;
  const x1 = xs.length > 1 ? (xs[xs.length - 1] as number) : x0 + 1;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const dataMax = Math.max(1, ...values);
  // The top of the axis is the first round number at or above the data, so every value is inside.
  const yMax = spec.yMax ?? Math.ceil(dataMax / niceStep(dataMax, Y_TICKS)) * niceStep(dataMax, Y_TICKS);
  const yTickValues = niceTicks(0, yMax, Y_TICKS);
  const px = (x: number): number => box.l + ((width - box.l - box.r) * (x - x0)) / (x1 - x0 || 1);
  const py = (v: number): number => height - box.b - ((height - box.t - box.b) * v) / (yMax || 1);

  const lines: ChartGeometry['lines'] = [];
  const dots: ChartGeometry['dots'] = [];
  series.forEach((s, k) => {
    let run: string[] = [];
    const flush = (): void => {
      if (run.length > 0) lines.push({ series: k, points: run.join(' ') });
      run = [];
    };
    s.values.forEach((v, i) => {
      const x = xs[i];
      if (v === null || x === undefined || !Number.isFinite(v)) return flush();
      run.push(`${round(px(x))},${round(py(v))}`);
      if (s.dots) dots.push({ series: k, cx: px(x), cy: py(v) });
    });
    flush();
  });
  const xTickValues = spec.xTicks ?? (xs.length > 0 ? niceTicks(x0, x1) : []);
  return {
    width,
    height,
    box,
    lines,
    dots,
    legend,
    xTicks: xTickValues.map((v) => ({ at: px(v), text: spec.xTick(v) })),
    yTicks: yTickValues.map((v) => ({ at: py(v), text: spec.yTick ? spec.yTick(v) : String(v) })),
  };
}

const NS = 'http://www.w3.org/2000/svg';

function svgNode<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The chart as an SVG element that scales to its container's width. */
export function lineChart(series: readonly ChartSeries[], spec: ChartSpec, attrs: Record<string, string> = {}): SVGSVGElement {
  const g = chartGeometry(series, spec);
  const { box } = g;
  const bottom = g.height - box.b;
  const svg = svgNode('svg', {
    viewBox: `0 0 ${g.width} ${g.height}`,
    class: 'line-chart',
    role: 'img',
    'aria-label': spec.title,
    ...attrs,
  });
  svg.append(svgNode('title', {}, `${spec.title}: ${series.map((s) => s.label).join(', ')}`));
  svg.append(svgNode('text', { x: box.l, y: 16, 'font-size': 13, 'font-weight': 600 }, spec.title));
  for (const t of g.yTicks)
    svg.append(
      svgNode('line', { x1: box.l, y1: t.at, x2: g.width - box.r, y2: t.at, stroke: '#e5e5e5' }),
      svgNode('text', { x: box.l - 6, y: t.at + 4, 'font-size': 11, 'text-anchor': 'end' }, t.text),
    );
  for (const t of g.xTicks)
    svg.append(
      svgNode('line', { x1: t.at, y1: bottom, x2: t.at, y2: bottom + 4, stroke: '#999' }),
      svgNode('text', { x: t.at, y: bottom + 16, 'font-size': 11, 'text-anchor': 'middle' }, t.text),
    );
  svg.append(
    svgNode('line', { x1: box.l, y1: bottom, x2: g.width - box.r, y2: bottom, stroke: '#999' }),
    svgNode('line', { x1: box.l, y1: box.t, x2: box.l, y2: bottom, stroke: '#999' }),
  );
  if (spec.xLabel)
    svg.append(
      svgNode('text', { x: (box.l + g.width - box.r) / 2, y: g.height - 6, 'font-size': 11, 'text-anchor': 'middle' }, spec.xLabel),
    );
  const dash = (s: ChartSeries): Record<string, string> => (s.dashed ? { 'stroke-dasharray': '6 4' } : {});
  for (const key of g.legend) {
    const s = series[key.series] as ChartSeries;
    svg.append(
      svgNode('line', { x1: key.x, y1: key.y - 4, x2: key.x + 18, y2: key.y - 4, stroke: s.color, 'stroke-width': 2, ...dash(s) }),
      svgNode('text', { x: key.x + 24, y: key.y, 'font-size': 11 }, s.label),
    );
  }
  for (const line of g.lines) {
    const s = series[line.series] as ChartSeries;
    svg.append(svgNode('polyline', { points: line.points, fill: 'none', stroke: s.color, 'stroke-width': 2, ...dash(s) }));
  }
  for (const d of g.dots)
    svg.append(svgNode('circle', { cx: round(d.cx), cy: round(d.cy), r: 2.5, fill: (series[d.series] as ChartSeries).color }));
  return svg;
}
