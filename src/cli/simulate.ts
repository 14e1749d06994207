import { parseArgs } from 'node:util';
import { simulate } from '../run/simulate';
import { ClinicalStaff } from '../run/staff';
import { exportBundle, loadBundle, parseBundle } from '../run/bundle';
import { readJsonFile, writeBundleFile } from './files';
import { POPULATIONS } from '../patients/generator';
import { choiceOption, intOption } from './args';
import { LLM_CLI_OPTIONS, llmConfigFromArgs, runLlmSimulate } from './simulateLlm';
import { simulateSharded } from '../run/shard';
import { runShardsInThreads } from './shardThreads';
import type { SimulationSummary } from '../run/simulate';
import type { HospitalContext } from './context';
import { settleAsync, UsageError, type CliIo } from './io';

/** `agent-hospital simulate`: the hospital headless, with learning, and the exam before and after. */
export function runSimulate(argv: string[], io: CliIo, context: () => HospitalContext): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      consultations: { type: 'string' },
      seed: { type: 'string' },
      'exam-per-disease': { type: 'string' },
      checkpoints: { type: 'string' },
      save: { type: 'string' },
      load: { type: 'string' },
      json: { type: 'boolean' },
      ...LLM_CLI_OPTIONS,
      'llm-reflect': { type: 'boolean' },
      workers: { type: 'string' },
      shards: { type: 'string' },
      population: { type: 'string' },
    },
    strict: true,
  });
  const consultations = intOption('consultations', values.consultations, 10_000, 0, 100_000_000);
  const seed = intOption('seed', values.seed, 1, -2147483648, 2147483647);
  const examPerDisease = intOption('exam-per-disease', values['exam-per-disease'], 10, 1, 1000);
  const checkpoints = intOption('checkpoints', values.checkpoints, 9, 0, 1000);
  const brain = choiceOption('brain', values.brain, ['offline', 'llm'] as const, 'offline');
  const population = choiceOption('population', values.population, POPULATIONS, 'balanced');
  if (values.workers !== undefined || values.shards !== undefined) {
    const workers = intOption('workers', values.workers, 1, 1, 64);
    const shards = intOption('shards', values.shards, workers, 1, 1024);
    if (brain === 'llm')
      throw new UsageError('--workers shards the offline brain only; the LLM brain runs its calls concurrently instead (--concurrency)');
    if (values.load) throw new UsageError('--workers trains from the textbook; --load cannot be combined with it');
    const { generator, reader } = context();
    const run = simulateSharded(
      generator,
      reader,
      { consultations, seed, examPerDisease, checkpoints, shards, clock, population },
      runShardsInThreads(workers, progressBar(consultations, Boolean(values.json))),
    );
    settleAsync(
      run.then(
        ({ summary, staff }) => report(io, summary, staff, values),
        (err: unknown) => {
          io.err(`agent-hospital: the sharded run stopped: ${err instanceof Error ? err.message : String(err)}`);
          return 1;
        },
      ),
    );
    return 0;
  }
  const { generator, reader } = context();
  const staff = new ClinicalStaff(generator.kb, reader);
  if (values.load) loadBundle(staff, parseBundle(generator.kb, readJsonFile(values.load)));
  if (brain === 'llm') {
    llmConfigFromArgs(values);
    // The model answers asynchronously: the exit code is set when the run ends.
    settleAsync(
      runLlmSimulate(io, context(), staff, { values, consultations, seed, examPerDisease, save: values.save, json: Boolean(values.json) }),
    );
    return 0;
  }
  const { summary } = simulate(generator, reader, {
    consultations,
    seed,
    examPerDisease,
    checkpoints,
    clock,
    staff,
    population,
    onProgress: progressBar(consultations, Boolean(values.json)),
  });
  return report(io, summary, staff, values);
}

const clock = (): number => performance.now() / 1000;

/** A progress bar with an ETA on a terminal's stderr; nothing when stderr is not a terminal or the output is JSON. */
function progressBar(total: number, json: boolean): ((done: number) => void) | undefined {
  if (!process.stderr.isTTY || json) return undefined;
  const start = clock();
  return (done) => {
    const elapsed = clock() - start;
    const eta = done > 0 ? (elapsed / done) * (total - done) : 0;
    const width = 30;
    const filled = Math.round((done / Math.max(1, total)) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} consultations, ETA ${eta.toFixed(0)} s `);
    if (done === total) process.stderr.write('\n');
  };
}

/** Saves the bases when asked and prints the summary, as JSON or as a table. */
function report(io: CliIo, summary: SimulationSummary, staff: ClinicalStaff, values: { save?: string; json?: boolean }): number {
  const tty = Boolean(process.stderr.isTTY) && !values.json;
  if (values.save) writeBundleFile(values.save, exportBundle(staff, summary.curve));
  if (values.json) {
    io.out(JSON.stringify(summary));
    return 0;
  }
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const { before, after } = summary.exam;
  io.out(
    `${summary.consultations} consultations in ${summary.seconds.toFixed(1)} s (${Math.round(summary.consultationsPerSecond)}/s); case base ${summary.caseBase}, experience base ${summary.experienceBase}`,
  );
  io.out(`exam            before → after`);
  io.out(`diagnosis top-1 ${pct(before.diagnosisTop1)} → ${pct(after.diagnosisTop1)}`);
  io.out(`diagnosis top-3 ${pct(before.diagnosisTop3)} → ${pct(after.diagnosisTop3)}`);
  io.out(`examination     ${pct(before.examination)} → ${pct(after.examination)}`);
  io.out(`treatment       ${pct(before.treatment)} → ${pct(after.treatment)}`);
  const realistic = summary.realisticExam;
  io.out(`realistic top-1 ${pct(realistic.before.diagnosisTop1)} → ${pct(realistic.after.diagnosisTop1)}  (arrivals at real base rates)`);
  for (const [dep, s] of Object.entries(after.byDepartment))
    io.out(
      `  ${dep.padEnd(24)} top-1 ${pct(before.byDepartment[dep]?.diagnosisTop1 ?? 0).padStart(6)} → ${pct(s.diagnosisTop1).padStart(6)}`,
    );
  if (tty) io.out(`event log ${summary.eventLogHash}`);
  return 0;
}
