import type { DepartmentId, TermId } from '../../schema/ids';
import type { KnowledgeBase } from '../../knowledge/knowledgeBase';
import type { Textbook } from '../../knowledge/textbook';
import { PAEDIATRICS, pastPaediatrics } from '../../knowledge/clinicalRules';

/** How much the textbook's complaint → department table is worth, in patients. */
const TEXTBOOK_WEIGHT = 2;

/**
 * The triage nurse: sends a patient to a department from the chief complaint. Starts from the
 * textbook (which departments list the complaint as typical), sends red-flag complaints to
 * Emergency, and learns from follow-ups where patients with each complaint really belonged.
 */
export class TriageNurse {
  private readonly counts: Float64Array;
  /** What follow-ups taught (counts minus the textbook's), kept apart so it can be saved. */
  private readonly learned = new Map<number, number>();
  private readonly departments: DepartmentId[];
  private readonly redFlagComplaints = new Set<number>();
  private readonly emergency: number;

  constructor(
    readonly kb: KnowledgeBase,
    textbook: Textbook,
  ) {
    this.departments = kb.departments.map((d) => d.id);
    this.emergency = this.departments.indexOf('emergency' as DepartmentId);
    const T = kb.terms.length;
    const K = this.departments.length;
    this.counts = new Float64Array(T * K);
    const perTerm = new Float64Array(T);
    for (const entry of textbook)
      for (const s of entry.typicalSymptoms) perTerm[kb.termIndex(s)] = (perTerm[kb.termIndex(s)] as number) + 1;
    for (const entry of textbook) {
      const k = this.departments.indexOf(entry.department);
      for (const s of entry.typicalSymptoms) {
        const t = kb.termIndex(s);
        this.counts[t * K + k] = (this.counts[t * K + k] as number) + TEXTBOOK_WEIGHT / (perTerm[t] as number);
      }
      if (entry.department === 'emergency')
        for (const f of entry.redFlags) if (kb.term(f).kind === 'symptom') this.redFlagComplaints.add(kb.termIndex(f));
    }
  }

  isRedFlag(complaint: TermId): boolean {
    return this.redFlagComplaints.has(this.kb.termIndex(complaint));
  }

  /** Where the complaint is seen; `ageYears`, when known, keeps adults out of paediatrics. */
  triage(complaint: TermId, ageYears?: number): DepartmentId {
    const t = this.kb.termIndex(complaint);
    if (this.emergency >= 0 && this.redFlagComplaints.has(t)) return this.departments[this.emergency] as DepartmentId;
    const K = this.departments.length;
    const barred = pastPaediatrics(ageYears) ? this.departments.indexOf(PAEDIATRICS) : -1;
    let best = 0;
    let bestCount = -1;
    for (let k = 0; k < K; k++) {
      if (k === barred) continue;
      const c = this.counts[t * K + k] as number;
      if (c > bestCount) {
        bestCount = c;
        best = k;
      }
    }
    // A complaint no textbook entry lists: Emergency sees undifferentiated patients.
    if (bestCount <= 0 && this.emergency >= 0) return this.departments[this.emergency] as DepartmentId;
    return this.departments[best] as DepartmentId;
  }

  /** The follow-up showed where the patient belonged. */
  learn(complaint: TermId, department: DepartmentId): void {
    const k = this.departments.indexOf(department);
    if (k < 0) return;
    const i = this.kb.termIndex(complaint) * this.departments.length + k;
    this.counts[i] = (this.counts[i] as number) + 1;
    this.learned.set(i, (this.learned.get(i) ?? 0) + 1);
  }

  exportLearned(): [TermId, DepartmentId, number][] {
    const K = this.departments.length;
    return [...this.learned].map(([i, n]) => [this.kb.terms[Math.floor(i / K)]?.id as TermId, this.departments[i % K] as DepartmentId, n]);
  }

  importLearned(rows: readonly (readonly [string, string, number])[]): void {
    for (const [term, department, n] of rows) {
      const k = this.departments.indexOf(department as DepartmentId);
      if (k < 0 || !this.kb.hasTerm(term)) continue;
      const i = this.kb.termIndex(term) * this.departments.length + k;
      this.counts[i] = (this.counts[i] as number) + n;
      this.learned.set(i, (this.learned.get(i) ?? 0) + n);
    }
  }
}
