import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../../src/cli/context';
import { resolveDepartment, resolveDisease, resolveExam, resolveTerm } from '../../../src/brain/llm/resolve';
import { extractJson } from '../../../src/brain/llm/jsonExtract';
import { redact } from '../../../src/brain/llm/redact';

const { kb } = defaultContext();

describe('mapping model answers to the knowledge base', () => {
  it('finds every disease by id, ICD-10, English and Chinese name', () => {
    for (const d of kb.diseases) {
      expect(resolveDisease(kb, d.id)).toBe(d.id);
      expect(resolveDisease(kb, d.name.zh)).toBe(d.id);
      expect(resolveDisease(kb, `  ${d.name.en.toUpperCase()}. `)).toBe(d.id);
    }
    const unique = kb.diseases.filter((d) => kb.diseases.filter((x) => x.icd10 === d.icd10).length === 1);
    for (const d of unique) expect(resolveDisease(kb, d.icd10.toLowerCase())).toBe(d.id);
    const d = unique[0];
    expect(resolveDisease(kb, `${d?.name.en} (${d?.icd10})`)).toBe(d?.id);
    expect(resolveDisease(kb, 'moon fever')).toBeUndefined();
  });

  it('finds examinations, symptoms and departments by id or name, and nothing else', () => {
    for (const e of kb.exams) expect(resolveExam(kb, e.name.en)).toBe(e.id);
    for (const t of kb.terms.slice(0, 200)) expect(resolveTerm(kb, t.id)).toBe(t.id);
    for (const dep of kb.departments) expect(resolveDepartment(kb, dep.name.zh)).toBe(dep.id);
    expect(resolveExam(kb, 'tarot reading')).toBeUndefined();
  });
});

describe('reading JSON out of a reply', () => {
  it('takes fenced, bare and embedded objects; refuses what is not JSON', () => {
    expect(extractJson('```json\n{"a": 1}\n```')).toEqual({ a: 1 });
    expect(extractJson('{"a": [1, 2]}')).toEqual({ a: [1, 2] });
    expect(extractJson('Here it is: {"a": "x}y", "b": {"c": 2}} — done')).toEqual({ a: 'x}y', b: { c: 2 } });
    expect(extractJson('{"a": 1')).toBeUndefined();
    expect(extractJson('no json here')).toBeUndefined();
  });
});

describe('redaction', () => {
  it('masks the key, partial echoes of it, bearer headers and key-shaped strings', () => {
    const key = 'sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX';
    const text = `bad key ${key}; echo: ${key.slice(0, 12)}…; Authorization: Bearer ${key}; other sk-abcdef123456`;
    const out = redact(text, key);
    expect(out).not.toContain(key.slice(0, 12));
    expect(out).not.toContain('sk-abcdef123456');
    expect(out).toContain('[redacted]');
  });
});
