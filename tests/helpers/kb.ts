import { fileURLToPath } from 'node:url';
import type { KbFile } from '../../src/knowledge/load';
import { loadKnowledge } from '../../src/knowledge/load';
import { readKbFiles } from '../../src/knowledge/nodeFiles';
import { PatientGenerator } from '../../src/patients/generator';
import { loadDefaultPeople } from '../../src/patients/nodePeople';
import { ExamReader } from '../../src/patients/results';

export const MINI_KB_DIR = fileURLToPath(new URL('../fixtures/kb-mini', import.meta.url));

/** The shipped departments, exams and shared vocabulary with the two diseases of the mini fixture. */
export function miniKbFiles(): KbFile[] {
  const shipped = readKbFiles().filter(
    (f) =>
      f.path === 'departments.json' ||
      f.path === 'exams.json' ||
      f.path === 'vocabulary/symptoms.json' ||
      f.path === 'vocabulary/lab-findings.json',
  );
  return [...shipped, ...readKbFiles(MINI_KB_DIR)];
}

export function miniHospital() {
  const kb = loadKnowledge(miniKbFiles());
  const generator = new PatientGenerator(kb, loadDefaultPeople());
  return { kb, generator, reader: new ExamReader(kb, generator.slots) };
}
