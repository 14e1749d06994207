import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { loadDefaultKnowledge } from '../knowledge/nodeFiles';
import { PatientGenerator } from '../patients/generator';
import { loadDefaultPeople } from '../patients/nodePeople';
import { ExamReader } from '../patients/results';

export interface HospitalContext {
  kb: KnowledgeBase;
  generator: PatientGenerator;
  reader: ExamReader;
}

/** The shipped knowledge base with its generator and examination reader, built once per process. */
export function defaultContext(): HospitalContext {
  const kb = loadDefaultKnowledge();
  const generator = new PatientGenerator(kb, loadDefaultPeople());
  return { kb, generator, reader: new ExamReader(kb, generator.slots) };
}
