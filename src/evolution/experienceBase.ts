import type { Bilingual } from '../schema/common';

/**
 * An experience: a lesson written after a mistake (MedAgent-Zero), in words and in a form the
 * reasoner applies.
 * - `prefer`: when the doctor leans to `from` and every cue matches, the true answer was `to`.
 * - `examine`: when `from` is in the differential, order `exam`: it separates `from` from `to`.
 */
export type ExperienceRule = { kind: 'prefer'; cues: { term: number; present: boolean }[] } | { kind: 'examine'; exam: string };

export interface Experience {
  id: number;
  from: number;
  to: number;
  rule: ExperienceRule;
  text: Bilingual;
  /** Consultation count when it was learned. */
  learnedAt: number;
  uses: number;
  successes: number;
  retired: boolean;
}

/** A lesson that fired on a patient and then turned out wrong twice as often as right is retired. */
export const RETIRE_AFTER_USES = 8;
export const RETIRE_BELOW_SUCCESS = 0.5;

export class ExperienceBase {
  readonly all: Experience[] = [];
  private readonly byFrom = new Map<number, Experience[]>();
  private nextId = 1;

  get size(): number {
    return this.all.length;
  }

  get active(): number {
    return this.all.reduce((n, e) => n + (e.retired ? 0 : 1), 0);
  }

  add(e: Omit<Experience, 'id' | 'uses' | 'successes' | 'retired'>): Experience {
    const experience: Experience = { ...e, id: this.nextId++, uses: 0, successes: 0, retired: false };
    this.all.push(experience);
    const list = this.byFrom.get(e.from) ?? [];
    list.push(experience);
    this.byFrom.set(e.from, list);
    return experience;
  }

  /** Active experiences about mistaking something for disease `from`. */
  about(from: number): readonly Experience[] {
    return (this.byFrom.get(from) ?? []).filter((e) => !e.retired);
  }

  /** A fired experience learns whether it helped; a lesson that keeps misleading is retired. */
  recordOutcome(e: Experience, helped: boolean): void {
    e.uses += 1;
    if (helped) e.successes += 1;
    if (e.uses >= RETIRE_AFTER_USES && e.successes / e.uses < RETIRE_BELOW_SUCCESS) e.retired = true;
  }

  /** Restores a saved experience as it was (id, counts, retirement). */
  restore(e: Experience): void {
    this.all.push(e);
    const list = this.byFrom.get(e.from) ?? [];
    list.push(e);
    this.byFrom.set(e.from, list);
    this.nextId = Math.max(this.nextId, e.id + 1);
  }

  /** Take back an experience that failed validation. */
  remove(e: Experience): void {
    const i = this.all.indexOf(e);
    if (i >= 0) this.all.splice(i, 1);
    const list = this.byFrom.get(e.from);
    if (list) list.splice(list.indexOf(e), 1);
  }
}

export function cuesMatch(rule: ExperienceRule, observations: ReadonlyMap<number, boolean>): boolean {
  if (rule.kind !== 'prefer') return false;
  return rule.cues.every((c) => observations.get(c.term) === c.present);
}
