import type { z } from 'zod';
import { DepartmentFile, DiseaseFile, ExamFile, VocabularyFile } from '../schema/knowledge';
import type { Department, Disease, Exam, Term } from '../schema/knowledge';
import { checkReferences } from './crossCheck';
import { KbError, issuesFromZod, type KbIssue } from './errors';
import { KnowledgeBase } from './knowledgeBase';

/** A knowledge file as read from disk or bundled by Vite: its path relative to `assets/kb/` and its parsed JSON. */
export interface KbFile {
  path: string;
  data: unknown;
}

type Section = 'departments' | 'exams' | 'vocabulary' | 'diseases';

function sectionOf(path: string): Section | undefined {
  if (path === 'departments.json') return 'departments';
  if (path === 'exams.json') return 'exams';
  if (/^vocabulary\/[^/]+\.json$/.test(path)) return 'vocabulary';
  if (/^diseases\/[^/]+\.json$/.test(path)) return 'diseases';
  return undefined;
}

function parseInto<T>(schema: z.ZodType<T[]>, file: KbFile, out: T[], issues: KbIssue[]): void {
  const result = schema.safeParse(file.data);
  if (result.success) out.push(...result.data);
  else issues.push(...issuesFromZod(file.path, result.error));
}

/**
 * Parses and cross-checks the whole knowledge base. Every file is parsed with zod and every
 * reference between files is checked; all problems are reported at once in a KbError.
 */
export function loadKnowledge(files: readonly KbFile[]): KnowledgeBase {
  const issues: KbIssue[] = [];
  const departments: Department[] = [];
  const exams: Exam[] = [];
  const terms: Term[] = [];
  const diseases: Disease[] = [];
  /** Which file each record came from, so that cross-file problems name the right file. */
  const termFiles: string[] = [];
  const diseaseFiles: string[] = [];

  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  for (const file of sorted) {
    const section = sectionOf(file.path);
    switch (section) {
      case 'departments':
        parseInto(DepartmentFile, file, departments, issues);
        break;
      case 'exams':
        parseInto(ExamFile, file, exams, issues);
        break;
      case 'vocabulary': {
        const before = terms.length;
        parseInto(VocabularyFile, file, terms, issues);
        for (let i = before; i < terms.length; i++) termFiles.push(file.path);
        break;
      }
      case 'diseases': {
        const before = diseases.length;
        parseInto(DiseaseFile, file, diseases, issues);
        for (let i = before; i < diseases.length; i++) diseaseFiles.push(file.path);
        break;
      }
      case undefined:
        issues.push({
          file: file.path,
          path: '(root)',
          message: 'not a knowledge file: expected departments.json, exams.json, vocabulary/*.json or diseases/*.json',
        });
        break;
      default:
        section satisfies never;
    }
  }
  if (departments.length === 0)
    issues.push({ file: 'departments.json', path: '(root)', message: 'missing: the departments file is required' });
  if (exams.length === 0) issues.push({ file: 'exams.json', path: '(root)', message: 'missing: the examination catalogue is required' });
  if (diseases.length === 0 && issues.length === 0)
    issues.push({ file: 'diseases/', path: '(root)', message: 'no diseases: add at least one diseases/<department>.json' });
  if (issues.length > 0) throw new KbError(issues);

  issues.push(...checkReferences({ departments, exams, terms, diseases, termFiles, diseaseFiles }));
  if (issues.length > 0) throw new KbError(issues);
  return new KnowledgeBase({ departments, exams, terms, diseases });
}
