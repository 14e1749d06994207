import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** One figure of `bench-results.json` (README: "Benchmarks"). */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value / baseline.value, when a baseline was measured in the same run. */
  ratio?: number;
  /** Target from the product's goals, for the table; not part of the pass/fail of the run. */
  target?: string;
  note?: string;
}

function commit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}

export function writeReport(results: BenchResult[], file = 'bench-results.json'): void {
  const report = { commit: commit(), node: process.version, cpus: cpus().length, results };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const rows = results.map((r) => [
    r.name,
    formatValue(r.value),
    r.unit,
    r.baseline ? `${r.baseline.name} = ${formatValue(r.baseline.value)}` : '',
    r.ratio !== undefined ? r.ratio.toFixed(2) : '',
    r.target ?? '',
    r.note ?? '',
  ]);
  const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'target', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(`\nwritten to ${file}`);
}

function formatValue(v: number): string {
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(3);
}
