import { parseArgs } from 'node:util';
import type { DiseaseId } from '../schema/ids';
import { toPatientRecord } from '../patients/record';
import { formatDuration } from '../patients/duration';
import { choiceOption, intOption } from './args';
import { POPULATIONS } from '../patients/generator';
import type { HospitalContext } from './context';
import { UsageError, type CliIo } from './io';

const MAX_COUNT = 10_000_000;

/** `agent-hospital patients`: generated patients, one JSON record per line with --json. */
export function runPatients(argv: string[], io: CliIo, context: () => HospitalContext): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      lang: { type: 'string' },
      department: { type: 'string' },
      disease: { type: 'string' },
      population: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const count = intOption('count', values.count, 10, 1, MAX_COUNT);
  const seed = intOption('seed', values.seed, 1, -2147483648, 2147483647);
  const lang = choiceOption('lang', values.lang, ['en', 'zh'] as const, 'en');
  const population = choiceOption('population', values.population, POPULATIONS, 'balanced');
  const { kb, generator, reader } = context();
  let diseases: DiseaseId[] | undefined;
  if (values.disease) {
    if (!kb.hasDisease(values.disease)) throw new UsageError(`--disease: no disease "${values.disease}" (see: agent-hospital kb diseases)`);
    diseases = [values.disease];
  } else if (values.department) {
    diseases = kb.diseasesOf(values.department).map((d) => d.id);
    if (diseases.length === 0)
      throw new UsageError(`--department: no department "${values.department}" (ids: ${kb.departments.map((d) => d.id).join(', ')})`);
  }
  for (let i = 0; i < count; i++) {
    const patient = generator.generate(seed, i, diseases ? { diseases } : { population });
    if (values.json) {
      io.out(JSON.stringify(toPatientRecord(generator, reader, patient, lang)));
      continue;
    }
    const disease = kb.disease(patient.disease);
    const symptoms = patient.symptoms.map((s) => `${kb.term(s.term).name[lang]} (${formatDuration(s.days, lang)})`).join(', ');
    io.out(
      `${patient.id}  ${patient.persona.name[lang]}, ${patient.persona.age}${patient.persona.sex}  ${disease.name[lang]} [${disease.icd10}, ${patient.severity}]  ${symptoms}`,
    );
  }
  return 0;
}
