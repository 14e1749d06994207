import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openHospitalDb } from '../../src/store/db';
import { explainWriteError, StoreError } from '../../src/store/errors';
import { saveSnapshot } from '../../src/store/staffStore';
import { dump, freshName, learnedBundle } from './fixtures';

describe('write errors', () => {
  it('explains a full disk and says nothing stored was lost', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const e = explainWriteError(quota, 'the doctors\u2019 bases');
    expect(e).toBeInstanceOf(StoreError);
    expect(e.message).toMatch(/storage for this page is full, so the doctors’ bases could not be saved\. Nothing stored before was lost/);
    expect(e.cause).toBe(quota);
  });

  it('a batch refused by a full disk leaves the store as it was', async () => {
    const db = await openHospitalDb({ name: freshName() });
    await saveSnapshot(db, learnedBundle(200, 51), { mode: 'replace' });
    const before = await dump(db);
    // The store refuses the third write of the batch as a browser out of quota would.
    const store = IDBObjectStore.prototype;
    const put = store.put;
    let writes = 0;
    store.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++writes === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(saveSnapshot(db, learnedBundle(600, 51), { mode: 'append' })).rejects.toThrow(/storage for this page is full/);
    } finally {
      store.put = put;
    }
    expect(await dump(db)).toBe(before);
    db.close();
  });
});
