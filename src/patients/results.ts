import type { Lang } from '../schema/common';
import type { ExamId, TermId } from '../schema/ids';
import type { ExamResultRecord } from '../schema/patient';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { AnalyteSlot } from './model';
import type { Patient } from './types';
import { ageGroupOf, rangesFor, referenceRange, type RangeColumns } from '../knowledge/referenceRanges';

/** The one thing an examination tells about one patient: values (labs) and findings. */
export interface ExamReport {
  exam: ExamId;
  /** Measured items of the exam: slot index into `Patient.analyteValues`, the analyte, the value and the patient's reference range. */
  values: { slot: number; analyte: string; value: number; low: number; high: number }[];
  /** Abnormal findings this examination shows; empty means a normal report. */
  findings: TermId[];
}

/**
 * Reads examination reports off a patient. Built once per knowledge base: it indexes which
 * analyte slots and which findings belong to each examination.
 */
export class ExamReader {
  private readonly slotsByExam = new Map<string, number[]>();
  private readonly findingTerm: (slot: number, value: number, range: { low: number; high: number }) => TermId | undefined;

  constructor(
    readonly kb: KnowledgeBase,
    readonly slots: readonly AnalyteSlot[],
  ) {
    slots.forEach((slot, i) => {
      const list = this.slotsByExam.get(slot.examId) ?? [];
      list.push(i);
      this.slotsByExam.set(slot.examId, list);
    });
    const high = slots.map((s) => kb.findingForAnalyte(s.id, 'high')?.id);
    const low = slots.map((s) => kb.findingForAnalyte(s.id, 'low')?.id);
    this.findingTerm = (slot, value, range) => {
      if (value > range.high) return high[slot];
      if (value < range.low) return low[slot];
      return undefined;
    };
  }

  /** The patient's reference range for an analyte slot (by age and sex). */
  rangeOf(patient: Patient, slot: number): { low: number; high: number } {
    return referenceRange(this.slots[slot] as AnalyteSlot, ageGroupOf(patient.persona.age, patient.persona.ageDays), patient.persona.sex);
  }

  report(patient: Patient, exam: ExamId): ExamReport {
    const values: ExamReport['values'] = [];
    const findings: TermId[] = [];
    const ranges = this.rangesOf(patient);
    for (const slot of this.slotsByExam.get(exam) ?? []) {
      const value = patient.analyteValues[slot] as number;
      const low = ranges.low[slot] as number;
      const high = ranges.high[slot] as number;
      const entry = { slot, analyte: (this.slots[slot] as AnalyteSlot).id, value, low, high };
      values.push(entry);
      const term = this.findingTerm(slot, value, entry);
      if (term) findings.push(term);
    }
    for (const term of patient.findings) if (this.kb.term(term).exam === exam) findings.push(term);
    return { exam, values, findings };
  }

  /** Every abnormal finding the patient has, over the whole catalogue (what an all-seeing oracle reads). */
  allFindings(patient: Patient): TermId[] {
    const out: TermId[] = [...patient.findings];
    const ranges = this.rangesOf(patient);
    for (let slot = 0; slot < this.slots.length; slot++) {
      const range = { low: ranges.low[slot] as number, high: ranges.high[slot] as number };
      const term = this.findingTerm(slot, patient.analyteValues[slot] as number, range);
      if (term) out.push(term);
    }
    return out;
  }

  /** Every slot's reference range for the patient (worked out once per age group and sex). */
  private rangesOf(patient: Patient): RangeColumns {
    return rangesFor(this.slots, ageGroupOf(patient.persona.age, patient.persona.ageDays), patient.persona.sex);
  }

  /** The report as records in one language, shaped for the public patient record. */
  records(patient: Patient, exam: ExamId, lang: Lang): ExamResultRecord[] {
    const e = this.kb.exam(exam);
    const report = this.report(patient, exam);
    const normal = lang === 'zh' ? '正常' : 'normal';
    const out: ExamResultRecord[] = report.values.map(({ slot, value, low, high }) => {
      const s = this.slots[slot] as AnalyteSlot;
      const analyte = this.kb.analyte(s.id).analyte;
      const term = this.findingTerm(slot, value, { low, high });
      const record: ExamResultRecord = {
        exam: analyte.name[lang] === e.name[lang] ? e.name[lang] : `${e.name[lang]} — ${analyte.name[lang]}`,
        examId: e.id,
        value,
        referenceRange: `${low.toFixed(s.decimals)}–${high.toFixed(s.decimals)}`,
        finding: term ? this.kb.term(term).name[lang] : normal,
      };
      if (analyte.unit) record.unit = analyte.unit;
      return record;
    });
    const qualitative = report.findings.filter((t) => !this.kb.term(t).analyte);
    if (qualitative.length > 0 || e.analytes.length === 0) {
      const text =
        qualitative.length > 0 ? qualitative.map((t) => this.kb.term(t).name[lang]).join(lang === 'zh' ? '；' : '; ') : e.normal[lang];
      out.push({ exam: e.name[lang], examId: e.id, value: text, finding: qualitative.length > 0 ? text : normal });
    }
    return out;
  }
}
