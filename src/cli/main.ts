import { KbError } from '../knowledge/errors';
import { BundleError } from '../run/bundle';
import { defaultContext, type HospitalContext } from './context';
import { processIo, UsageError, type CliIo } from './io';
import { runKb } from './kb';
import { runPatients } from './patients';
import { runSimulate } from './simulate';
import { runEvaluate } from './evaluate';
import { runUnderstand } from './understand';

export const USAGE = `agent-hospital — the Agent Hospital simulation from the command line
(a simulation for education, not medical advice)

commands:
  kb validate                     check every knowledge file; problems name file and path
  kb stats [--json]               departments, diseases, vocabulary and ICD-10 coverage
  kb diseases [--json]            every disease: id, ICD-10, names, synonyms, department
  patients --count N --seed S [--lang en|zh] [--department ID | --disease ID] [--json]
                                  generated patients, one JSON record per line with --json
  simulate --consultations N --seed S [--exam-per-disease K] [--checkpoints C] [--json]
                                  the hospital headless with learning (offline brain); the
                                  doctors sit the exam before, at checkpoints and after;
                                  --save FILE / --load FILE: the doctors' bases as a bundle
    [--workers W] [--shards S]    train in W worker threads: patients dealt to S shards
                                  (default W), pooled at each checkpoint; the result depends
                                  on S only, never on W
    [--brain llm --base-url URL --model NAME] [--api-key-env NAME] [--concurrency N]
    [--spend-cap TOKENS] [--timeout-ms MS] [--lang en|zh] [--llm-reflect]
                                  the LLM brain answers for the doctors (key from
                                  OPENAI_API_KEY unless --api-key-env names another)
  evaluate --cases FILE [--format cases|osce] [--bases FILE] [--json]
                                  the doctors diagnose written cases, one per line
  understand "TEXT" [--lang en|zh] [--json]
                                  what the hospital reads in a text: each complaint with
                                  present/absent, certainty, whose, site, duration, value`;

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 bad data, 2 bad usage. */
export function runCli(argv: string[], io: CliIo = processIo): number {
  let context: HospitalContext | undefined;
  const lazyContext = (): HospitalContext => (context ??= defaultContext());
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'kb':
        return runKb(rest, io);
      case 'patients':
        return runPatients(rest, io, lazyContext);
      case 'simulate':
        return runSimulate(rest, io, lazyContext);
      case 'evaluate':
        return runEvaluate(rest, io, lazyContext);
      case 'understand':
        return runUnderstand(rest, io, lazyContext);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (err) {
    if (err instanceof KbError || err instanceof BundleError) {
      io.err(err.message);
      return 1;
    }
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`agent-hospital: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = runCli(process.argv.slice(2));
