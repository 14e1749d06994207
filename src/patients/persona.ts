import type { Bilingual, Sex } from '../schema/common';
import type { HistoryItem, Nationality, PeopleFile } from '../schema/people';
import type { Rng } from '../sim/rng';
import type { Persona } from './types';

export function composeName(nationality: Nationality, family: Bilingual, given: Bilingual): Bilingual {
  if (nationality.order === 'family-first') return { en: `${family.en} ${given.en}`, zh: `${family.zh}${given.zh}` };
  return { en: `${given.en} ${family.en}`, zh: `${given.zh}·${family.zh}` };
}

/** Draws who the patient is, given the age and sex the disease's population profile chose. */
export function drawPersona(people: PeopleFile, nationalityWeights: readonly number[], rng: Rng, age: number, sex: Sex): Persona {
  const nationality = people.nationalities[rng.weightedIndex(nationalityWeights)] as Nationality;
  const name = composeName(nationality, rng.pick(nationality.family), rng.pick(nationality.given[sex]));
  const jobs = people.occupations.filter((o) => age >= o.minAge && age <= o.maxAge);
  const job = jobs.length > 0 ? rng.pick(jobs) : { en: 'Not working', zh: '无业' };
  const style = rng.pick(people.personas);
  return {
    name,
    age,
    sex,
    nationality: nationality.name,
    occupation: { en: job.en, zh: job.zh },
    style: style.id,
    personality: style.personality,
    speakingStyle: style.style,
  };
}

/** Draws the items of one history section that fit this patient; at most one per group. */
export function drawHistoryItems(items: readonly HistoryItem[], rng: Rng, age: number, sex: Sex): HistoryItem[] {
  const out: HistoryItem[] = [];
  const groups = new Set<string>();
  for (const item of items) {
    if (age < item.minAge || (item.maxAge !== undefined && age > item.maxAge)) continue;
    if (item.sex && item.sex !== sex) continue;
    if (item.group && groups.has(item.group)) continue;
    if (!rng.chance(item.p)) continue;
    if (item.group) groups.add(item.group);
    out.push(item);
  }
  return out;
}
