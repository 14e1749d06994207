import type { Analyte, Department, Disease, Exam, Term } from '../schema/knowledge';
import type { AnalyteId, DepartmentId, DiseaseId, ExamId, TermId } from '../schema/ids';

export interface KnowledgeParts {
  departments: readonly Department[];
  exams: readonly Exam[];
  terms: readonly Term[];
  diseases: readonly Disease[];
}

/**
 * The loaded, cross-checked knowledge base with the indexes everyone needs. Immutable after
 * construction: the generator, the reasoner and the UI all read the same instance.
 *
 * Records also get a dense integer index (`termIndex`, `diseaseIndex`) so hot loops can use
 * typed arrays instead of maps.
 */
export class KnowledgeBase {
  readonly departments: readonly Department[];
  readonly exams: readonly Exam[];
  readonly terms: readonly Term[];
  readonly diseases: readonly Disease[];

  private readonly departmentById = new Map<string, Department>();
  private readonly examById = new Map<string, Exam>();
  private readonly termById = new Map<string, Term>();
  private readonly diseaseById = new Map<string, Disease>();
  private readonly analyteById = new Map<string, { exam: Exam; analyte: Analyte }>();
  private readonly termIdx = new Map<string, number>();
  private readonly diseaseIdx = new Map<string, number>();
  private readonly findingByAnalyte = new Map<string, Term>();

  constructor(parts: KnowledgeParts) {
    this.departments = parts.departments;
    this.exams = parts.exams;
    this.terms = parts.terms;
    this.diseases = parts.diseases;
    for (const d of this.departments) this.departmentById.set(d.id, d);
    for (const e of this.exams) {
      this.examById.set(e.id, e);
      for (const a of e.analytes) this.analyteById.set(a.id, { exam: e, analyte: a });
    }
    this.terms.forEach((t, i) => {
      this.termById.set(t.id, t);
      this.termIdx.set(t.id, i);
      if (t.analyte && t.direction) this.findingByAnalyte.set(`${t.analyte}:${t.direction}`, t);
    });
    this.diseases.forEach((d, i) => {
      this.diseaseById.set(d.id, d);
      this.diseaseIdx.set(d.id, i);
    });
  }

  department(id: DepartmentId | string): Department {
    return required(this.departmentById.get(id), 'department', id);
  }
  exam(id: ExamId | string): Exam {
    return required(this.examById.get(id), 'exam', id);
  }
  term(id: TermId | string): Term {
    return required(this.termById.get(id), 'term', id);
  }
  disease(id: DiseaseId | string): Disease {
    return required(this.diseaseById.get(id), 'disease', id);
  }
  analyte(id: AnalyteId | string): { exam: Exam; analyte: Analyte } {
    return required(this.analyteById.get(id), 'analyte', id);
  }
  hasDisease(id: string): id is DiseaseId {
    return this.diseaseById.has(id);
  }
  hasTerm(id: string): id is TermId {
    return this.termById.has(id);
  }
  termIndex(id: TermId | string): number {
    return required(this.termIdx.get(id), 'term', id);
  }
  diseaseIndex(id: DiseaseId | string): number {
    return required(this.diseaseIdx.get(id), 'disease', id);
  }
  /** The vocabulary finding that names an out-of-range value, e.g. wbc high → leukocytosis. */
  findingForAnalyte(analyte: AnalyteId | string, direction: 'high' | 'low'): Term | undefined {
    return this.findingByAnalyte.get(`${analyte}:${direction}`);
  }
  diseasesOf(department: DepartmentId | string): Disease[] {
    return this.diseases.filter((d) => d.department === department);
  }
}

function required<T>(value: T | undefined, kind: string, id: string): T {
  if (value === undefined) throw new Error(`unknown ${kind} "${id}"`);
  return value;
}
