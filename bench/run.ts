/**
 * `npm run bench [-- --quick]`: prints a table and writes bench-results.json (README: "Benchmarks").
 */
import { defaultContext } from '../src/cli/context';
import { loadKnowledge } from '../src/knowledge/load';
import { readKbFiles } from '../src/knowledge/nodeFiles';
import { benchConsultations } from './consultations';
import { benchPatients } from './patients';
import { benchLanguage } from './language';
import { benchOpenWorld } from './openworld';
import { benchRetrieval } from './retrieval';
import { benchLlm } from './llm';
import { benchWorker } from './worker';
import { benchWorkers } from './workers';
import { benchRender } from './render';
import { benchA11y } from './a11y';
import { writeReport, type BenchResult } from './report';

const quick = process.argv.includes('--quick');
const results: BenchResult[] = [];

const files = readKbFiles();
const loadStart = process.hrtime.bigint();
loadKnowledge(files);
results.push({
  name: 'kb.loadMs',
  value: Number(process.hrtime.bigint() - loadStart) / 1e6,
  unit: 'ms',
  note: 'parse and cross-check every knowledge file',
});

const ctx = defaultContext();
results.push(...benchPatients(ctx, quick));
results.push(...benchLanguage(ctx, quick));
results.push(...benchOpenWorld(ctx));
results.push(...benchConsultations(ctx, quick));
results.push(...(await benchWorkers(ctx, quick)));
results.push(...benchRetrieval(ctx, quick));
results.push(...(await benchLlm(ctx, quick)));
results.push(...(await benchWorker(ctx, quick)));
results.push(...(await benchRender()));
results.push(...(await benchA11y()));
writeReport(results);
