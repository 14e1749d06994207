/**
 * Knowledge-base authoring aid: how well can a full-information Bayes oracle recover each
 * disease of a department from generated patients, and what does it take it for instead?
 * Usage: npx tsx scripts/kb-oracle.ts [department-id] [patients-per-disease]
 */
import { loadKnowledge } from '../src/knowledge/load';
import { readKbFiles } from '../src/knowledge/nodeFiles';
import { PatientGenerator } from '../src/patients/generator';
import { loadDefaultPeople } from '../src/patients/nodePeople';
import { BayesOracle, evaluateOracle } from '../src/patients/oracle';
import { ExamReader } from '../src/patients/results';

const [department, perDiseaseArg] = process.argv.slice(2);
const kb = loadKnowledge(readKbFiles());
const generator = new PatientGenerator(kb, loadDefaultPeople());
const oracle = new BayesOracle(kb, new ExamReader(kb, generator.slots));
const diseases = kb.diseases.filter((d) => !department || d.department === department).map((d) => d.id);
const report = evaluateOracle(generator, oracle, diseases, Number(perDiseaseArg ?? 40), 97);
for (const row of report.perDisease) {
  const flag = row.accuracy < 0.97 ? '  <-- below 97%' : '';
  const conf = row.confusedWith
    .slice(0, 3)
    .map((c) => `${c.disease}×${c.count}`)
    .join(', ');
  console.log(`${(row.accuracy * 100).toFixed(0).padStart(4)}%  ${row.disease}${conf ? `  (taken for: ${conf})` : ''}${flag}`);
}
console.log(
  `overall ${(report.accuracy * 100).toFixed(1)}% over ${report.patients} patients, ${diseases.length} diseases (of ${kb.diseases.length} in the KB)`,
);
