import type { MetricPoint } from '../../schema/store';
import { lineChart, type ChartSeries } from '../lineChart';

/*
 * The dashboard's two charts over consultations: exam accuracy (top-1 and top-3, overall or of
 * one department) and the size of the case and experience bases.
 */

export interface ChartLabels {
  top1: string;
  top3: string;
  realistic: string;
  caseBase: string;
  experienceBase: string;
  consultations: string;
}

/** The x of each checkpoint and, per series, its values (null where a checkpoint has none). */
export interface ChartData {
  x: number[];
  values: (number | null)[][];
}

export function accuracyData(points: readonly MetricPoint[], department: string | undefined): ChartData {
  const rows = department ? points.filter((p) => p.byDepartment[department]) : points;
  return {
    x: rows.map((p) => p.consultations),
    values: [
      rows.map((p) => 100 * (department ? (p.byDepartment[department]?.top1 ?? 0) : p.diagnosisTop1)),
      rows.map((p) => 100 * (department ? (p.byDepartment[department]?.top3 ?? 0) : p.diagnosisTop3)),
      // The realistic exam is reported overall only.
      rows.map((p) => (department || p.realisticTop1 === undefined ? null : 100 * p.realisticTop1)),
    ],
  };
}

export function growthData(points: readonly MetricPoint[]): ChartData {
  return { x: points.map((p) => p.consultations), values: [points.map((p) => p.caseBase), points.map((p) => p.experienceBase)] };
}

const withValues = (series: Omit<ChartSeries, 'values'>[], data: ChartData): ChartSeries[] =>
  series.map((s, i) => ({ ...s, values: data.values[i] ?? [] })).filter((s) => s.values.some((v) => v !== null));

export function accuracyChart(data: ChartData, labels: ChartLabels, title: string, count: (n: number) => string): SVGSVGElement {
  const series = withValues(
    [
      { label: labels.top1, color: '#c0392b', dots: true },
      { label: labels.top3, color: '#2471a3', dots: true },
      { label: labels.realistic, color: '#7d3c98', dashed: true, dots: true },
    ],
    data,
  );
  return lineChart(series, { title, x: data.x, xTick: count, xLabel: labels.consultations, yMax: 100, yTick: (v) => `${v}%` });
}

export function growthChart(data: ChartData, labels: ChartLabels, title: string, count: (n: number) => string): SVGSVGElement {
  const series = withValues(
    [
      { label: labels.caseBase, color: '#1e8449' },
      { label: labels.experienceBase, color: '#b9770e' },
    ],
    data,
  );
  return lineChart(series, { title, x: data.x, xTick: count, yTick: count, xLabel: labels.consultations });
}
