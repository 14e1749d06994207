import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MetricPoint } from '../../schema/store';

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

const WIDTH = 560;
const HEIGHT = 240;

function axes(xLabel: string, yLabel: string): uPlot.Axis[] {
  return [{ label: xLabel }, { label: yLabel, size: 56 }];
}

export function accuracyData(points: readonly MetricPoint[], department: string | undefined): uPlot.AlignedData {
  const rows = department ? points.filter((p) => p.byDepartment[department]) : points;
  return [
    rows.map((p) => p.consultations),
    rows.map((p) => 100 * (department ? (p.byDepartment[department]?.top1 ?? 0) : p.diagnosisTop1)),
    rows.map((p) => 100 * (department ? (p.byDepartment[department]?.top3 ?? 0) : p.diagnosisTop3)),
    // The realistic exam is reported overall only.
    rows.map((p) => (department || p.realisticTop1 === undefined ? null : 100 * p.realisticTop1)),
  ];
}

export function growthData(points: readonly MetricPoint[]): uPlot.AlignedData {
  return [points.map((p) => p.consultations), points.map((p) => p.caseBase), points.map((p) => p.experienceBase)];
}

export function accuracyChart(el: HTMLElement, labels: ChartLabels, title: string): uPlot {
  return new uPlot(
    {
      title,
      width: WIDTH,
      height: HEIGHT,
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: axes(labels.consultations, '%'),
      series: [
        { label: labels.consultations },
        { label: labels.top1, stroke: '#c0392b', width: 2, points: { show: true } },
        { label: labels.top3, stroke: '#2471a3', width: 2, points: { show: true } },
        { label: labels.realistic, stroke: '#7d3c98', width: 2, dash: [6, 4], points: { show: true } },
      ],
    },
    [[], [], [], []],
    el,
  );
}

export function growthChart(el: HTMLElement, labels: ChartLabels, title: string): uPlot {
  return new uPlot(
    {
      title,
      width: WIDTH,
      height: HEIGHT,
      scales: { x: { time: false } },
      axes: axes(labels.consultations, ''),
      series: [
        { label: labels.consultations },
        { label: labels.caseBase, stroke: '#1e8449', width: 2 },
        { label: labels.experienceBase, stroke: '#b9770e', width: 2 },
      ],
    },
    [[], [], []],
    el,
  );
}
