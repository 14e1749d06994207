/** A small line chart as SVG (no library): one line per series, hours along the bottom. */
export function lineChart(series: { label: string; values: readonly number[]; color: string }[], title: string): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const W = 720;
  const H = 260;
  const pad = { l: 40, r: 12, t: 24, b: 28 };
  const el = <K extends keyof SVGElementTagNameMap>(
    tag: K,
    attrs: Record<string, string | number>,
    text?: string,
  ): SVGElementTagNameMap[K] => {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const n = Math.max(1, ...series.map((s) => s.values.length));
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number): number => pad.l + ((W - pad.l - pad.r) * i) / Math.max(1, n - 1);
  const y = (v: number): number => H - pad.b - ((H - pad.t - pad.b) * v) / max;
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'drill-chart', role: 'img', 'aria-label': title, 'data-testid': 'drill-chart' });
  svg.append(el('text', { x: pad.l, y: 16, 'font-size': 13 }, title));
  svg.append(
    el('line', { x1: pad.l, y1: H - pad.b, x2: W - pad.r, y2: H - pad.b, stroke: '#999' }),
    el('line', { x1: pad.l, y1: pad.t, x2: pad.l, y2: H - pad.b, stroke: '#999' }),
  );
  for (const v of [0, Math.round(max / 2), Math.round(max)])
    svg.append(el('text', { x: pad.l - 6, y: y(v) + 4, 'font-size': 11, 'text-anchor': 'end' }, String(v)));
  for (let i = 0; i < n; i += 6) svg.append(el('text', { x: x(i), y: H - 10, 'font-size': 11, 'text-anchor': 'middle' }, `${i + 1}h`));
  series.forEach((s, k) => {
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    svg.append(el('polyline', { points, fill: 'none', stroke: s.color, 'stroke-width': 2 }));
    svg.append(
      el('rect', { x: W - pad.r - 230, y: pad.t + k * 16, width: 10, height: 10, fill: s.color }),
      el('text', { x: W - pad.r - 215, y: pad.t + 9 + k * 16, 'font-size': 11 }, s.label),
    );
  });
  return svg;
}
