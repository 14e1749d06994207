import { describe, expect, it } from 'vitest';
import { KbError } from '../../src/knowledge/errors';
import { loadKnowledge, type KbFile } from '../../src/knowledge/load';
import { miniKbFiles } from '../helpers/kb';

function withDiseaseEdit(edit: (d: Record<string, unknown>) => void): KbFile[] {
  return miniKbFiles().map((f) => {
    if (f.path !== 'diseases/respiratory.json') return f;
    const diseases = structuredClone(f.data) as Record<string, unknown>[];
    edit(diseases[0] as Record<string, unknown>);
    return { path: f.path, data: diseases };
  });
}

function issuesOf(files: KbFile[]): KbError['issues'] {
  try {
    loadKnowledge(files);
  } catch (err) {
    if (err instanceof KbError) return err.issues;
    throw err;
  }
  throw new Error('expected the knowledge base to be refused');
}

describe('loadKnowledge', () => {
  it('loads a coherent knowledge base and indexes it', () => {
    const kb = loadKnowledge(miniKbFiles());
    expect(kb.diseases.map((d) => d.id)).toEqual(['community-acquired-pneumonia', 'acute-bronchitis']);
    expect(kb.findingForAnalyte('wbc', 'high')?.id).toBe('leukocytosis');
    expect(kb.disease('acute-bronchitis').department).toBe('respiratory');
  });

  it('refuses an unknown term, naming the file and the path inside it', () => {
    const issues = issuesOf(withDiseaseEdit((d) => ((d['symptoms'] as { term: string }[])[1]!.term = 'tummy-rumble')));
    expect(issues).toContainEqual({
      file: 'diseases/respiratory.json',
      path: '[0].symptoms[1].term',
      message: expect.stringContaining('unknown term "tummy-rumble"'),
    });
  });

  it('refuses a lab value that lies inside the reference range', () => {
    const issues = issuesOf(
      withDiseaseEdit((d) => {
        const wbc = (d['findings'] as { term: string; value?: number[] }[]).find((f) => f.term === 'leukocytosis')!;
        wbc.value = [8, 20];
      }),
    );
    expect(issues[0]).toMatchObject({ path: '[0].findings[1].value', message: expect.stringContaining('above 10') });
  });

  it('refuses a malformed ICD-10 code and a missing field with zod paths', () => {
    const issues = issuesOf(
      withDiseaseEdit((d) => {
        d['icd10'] = 'pneumonia';
        delete d['teaching'];
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['[0].icd10', '[0].teaching']);
    expect(issues.find((i) => i.path === '[0].icd10')?.message).toMatch(/ICD-10/);
  });

  it('refuses duplicate ICD-10 codes and self-confusion', () => {
    const issues = issuesOf(
      withDiseaseEdit((d) => {
        d['icd10'] = 'J20.9';
        d['confusedWith'] = ['community-acquired-pneumonia'];
      }),
    );
    expect(issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('J20.9 is already used'), 'a disease is not confused with itself']),
    );
  });

  it('reports every problem at once and says which file is not a knowledge file', () => {
    const files = [...miniKbFiles(), { path: 'notes.json', data: {} }];
    const issues = issuesOf(files);
    expect(issues).toContainEqual(expect.objectContaining({ file: 'notes.json' }));
    expect(() => loadKnowledge(files)).toThrow(/notes\.json/);
  });
});
