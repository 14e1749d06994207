import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues, formatPath } from '../../src/knowledge/errors';

const Visit = z.strictObject({ patient: z.string(), exams: z.array(z.strictObject({ id: z.string() })) });

describe('one way to name where a record is wrong', () => {
  it('writes paths as one writes them by hand, with a name for the record itself', () => {
    expect(formatPath([3, 'findings', 2, 'term'])).toBe('[3].findings[2].term');
    expect(formatPath(['exams', 0, 'id'])).toBe('exams[0].id');
    expect(formatPath([])).toBe('(root)');
    expect(formatPath([], '(config)')).toBe('(config)');
  });

  it('lists every issue on one line, or the first few', () => {
    const bad = Visit.safeParse({ patient: 7, exams: [{ id: 1 }] });
    expect(bad.success).toBe(false);
    const all = formatIssues(bad.error!);
    expect(all).toMatch(/^patient: .*; exams\[0\]\.id: /);
    expect(formatIssues(bad.error!, { max: 1 })).toMatch(/^patient: [^;]*$/);
    expect(formatIssues(z.string().safeParse(1).error!, { root: '(session)' })).toMatch(/^\(session\): /);
  });
});
