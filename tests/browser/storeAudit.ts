import type { Page } from 'playwright-core';

/** A figure as the page prints it ("12,000") as a number. */
export const count = (text: string | null): number => Number((text ?? '').replace(/,/g, ''));

/** What the page's database holds, read raw (no app code), and every inconsistency found in it. */
export interface StoreAudit {
  consultations: number;
  doctors: number;
  /** Sum of the doctors' saved case counts. */
  cases: number;
  /** Checkpoints, by consultations. */
  checkpoints: { consultations: number; caseBase: number }[];
  problems: string[];
}

/**
 * Opens the hospital's database in the page with the bare IndexedDB API and checks that its
 * parts agree: one doctor per listed department, every doctor's saved cases present in
 * contiguous chunks, and no checkpoint ahead of the saved staff or duplicated.
 */
export function auditStore(page: Page, dbName = 'agent-hospital'): Promise<StoreAudit> {
  return page.evaluate(async (name) => {
    const req = (r: IDBRequest): Promise<unknown> =>
      new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['meta', 'doctors', 'cases', 'metrics'], 'readonly');
    const meta = (await req(tx.objectStore('meta').get('staff'))) as { consultations: number; departments: string[] } | undefined;
    const doctors = (await req(tx.objectStore('doctors').getAll())) as { department: string; caseCount: number }[];
    const chunks = (await req(tx.objectStore('cases').getAll())) as { department: string; from: number; cases: unknown[] }[];
    const metrics = (await req(tx.objectStore('metrics').getAll())) as { consultations: number; caseBase: number }[];
    db.close();
    const problems: string[] = [];
    const consultations = meta?.consultations ?? 0;
    if (meta && meta.departments.length !== doctors.length)
      problems.push(`meta lists ${meta.departments.length} departments but ${doctors.length} doctors are stored`);
    for (const d of doctors) {
      let covered = 0;
      for (const c of chunks.filter((c) => c.department === d.department).sort((a, b) => a.from - b.from)) {
        if (c.from > covered) break;
        covered = Math.max(covered, c.from + c.cases.length);
      }
      if (covered < d.caseCount) problems.push(`${d.department}: ${d.caseCount} cases saved but chunks hold only ${covered}`);
    }
    const checkpoints = metrics
      .map((m) => ({ consultations: m.consultations, caseBase: m.caseBase }))
      .sort((a, b) => a.consultations - b.consultations);
    const cases = doctors.reduce((n, d) => n + d.caseCount, 0);
    checkpoints.forEach((p, i) => {
      if (p.consultations > consultations)
        problems.push(`a checkpoint at ${p.consultations} consultations is ahead of the saved staff (${consultations})`);
      if (p.caseBase > cases)
        problems.push(`the checkpoint at ${p.consultations} counts ${p.caseBase} cases, more than the ${cases} saved`);
      if (i > 0 && checkpoints[i - 1]!.consultations === p.consultations)
        problems.push(`two checkpoints at ${p.consultations} consultations`);
    });
    return { consultations, doctors: doctors.length, cases, checkpoints, problems };
  }, dbName);
}
