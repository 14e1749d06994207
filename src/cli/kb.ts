import { parseArgs } from 'node:util';
import { loadKnowledge } from '../knowledge/load';
import { readKbFiles, DEFAULT_KB_DIR } from '../knowledge/nodeFiles';
import { diseaseListing, kbStats } from '../knowledge/stats';
import { UsageError, type CliIo } from './io';
import { LINKED_ANALYTES } from '../patients/physiology';

const KB_USAGE = `usage: agent-hospital kb <validate|stats|diseases> [--dir DIR] [--json]`;

export function runKb(argv: string[], io: CliIo): number {
  const [sub, ...rest] = argv;
  const { values } = parseArgs({ args: rest, options: { dir: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  const dir = values.dir ?? DEFAULT_KB_DIR;
  // A KbError thrown here carries every problem with file and path; main prints it.
  const kb = loadKnowledge(readKbFiles(dir));
  switch (sub) {
    case 'validate': {
      const missing = LINKED_ANALYTES.flat().filter((a) => !kb.exams.some((e) => e.analytes.some((x) => x.id === a)));
      if (missing.length > 0) {
        io.err(`the catalogue lacks analytes that physiology links: ${missing.join(', ')} (exams.json)`);
        return 1;
      }
      const rates = kb.diseases.map((d) => d.epidemiology?.per100k ?? 0).sort((a, b) => a - b);
      const gated = kb.diseases.filter((d) => (d.epidemiology?.exposure.length ?? 0) > 0).length;
      io.out(
        `knowledge base OK: ${kb.departments.length} departments, ${kb.diseases.length} diseases, ${kb.exams.length} examinations, ${kb.terms.length} vocabulary terms`,
      );
      io.out(
        `base rates ${rates[0]}–${rates[rates.length - 1]} per 100,000 a year (median ${rates[Math.floor(rates.length / 2)]}); ${gated} diseases gated by an exposure; linked analytes ${LINKED_ANALYTES.map((l) => l.join('↔')).join(', ')}`,
      );
      return 0;
    }
    case 'stats': {
      const stats = kbStats(kb);
      if (values.json) io.out(JSON.stringify(stats));
      else {
        for (const d of stats.departments)
          io.out(`${d.id.padEnd(24)} ${d.name.zh.padEnd(8, '　')} ${String(d.diseases).padStart(4)} diseases`);
        io.out(
          `${stats.diseases} diseases, ${stats.symptoms} symptoms, ${stats.findings} findings, ${stats.exams} examinations, ${stats.icd10.uniqueCodes} distinct ICD-10 codes`,
        );
      }
      return 0;
    }
    case 'diseases': {
      const list = diseaseListing(kb);
      if (values.json) io.out(JSON.stringify(list));
      else for (const d of list) io.out(`${d.icd10.padEnd(7)} ${d.id.padEnd(44)} ${d.department.padEnd(22)} ${d.name.en} / ${d.name.zh}`);
      return 0;
    }
    default:
      throw new UsageError(sub ? `unknown kb command "${sub}"\n${KB_USAGE}` : KB_USAGE);
  }
}
