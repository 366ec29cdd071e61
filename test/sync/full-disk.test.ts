// Issue 16: a full device. Saves are refused in words ("out of storage space"), nothing already saved is lost or
// half-written, and once space is freed the same store saves and syncs again (the tab is not left broken). The quota
// is made tiny through CDP (`Storage.overrideQuotaForOrigin`). Synthetic data only.
import { expect } from '@open-wc/testing';
import { indexedDbStore, isStrError, memoryStore, syncedStore, StrError } from '@strkit/sdk';
import { executeServerCommand } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import { writeError } from '../../packages/sdk/src/adapters/indexeddb/indexeddb-errors.js';
import { validContact } from '../helpers/fixtures.js';

describe('a full device', () => {
  const name = `full-${crypto.randomUUID()}`;
  after(async () => {
    await executeServerCommand('override-quota', {});
    await deleteDB(name);
  });

  it('saves are refused as "out of storage space", nothing saved is lost, and the store saves and syncs again once space is freed', async function () {
    this.timeout(60_000);
    // The browser reads an origin's quota when its storage is first opened: start from a cleared origin (only one test
    // page runs at a time), then shrink the quota, then open the store.
    await executeServerCommand('clear-origin-storage');
    await executeServerCommand('override-quota', { quotaSize: 200_000 });
    const remote = memoryStore();
    const s = syncedStore({ local: indexedDbStore({ name, persist: false }), remote, auto: false });
    const saved: string[] = [];
    let refused: unknown;
    let attempted: string | undefined;
    for (let i = 0; i < 200 && refused === undefined; i++) {
      const c = validContact({ note: `Visit ${i}: ${'a long note '.repeat(400)}` });
      attempted = c.id;
      try {
        saved.push((await s.put('contact', c)).id);
      } catch (e) {
        refused = e;
      }
    }
    expect(isStrError(refused, 'storage'), String(refused)).to.equal(true);
    expect((refused as StrError).details.reason).to.equal('quota');
    expect((refused as Error).message).to.include('out of storage space').and.include(attempted!).and.not.include('UnknownError').and.not.include('a long note');
    expect(saved.length, 'some saves fitted first').to.be.above(0);
    // Nothing saved is lost, and the refused one is not half there.
    for (const id of saved) expect((await s.get('contact', id))?.id).to.equal(id);
    expect(await s.get('contact', attempted!)).to.equal(undefined);
    expect((await s.sync.entries()).map((e) => e.id).sort()).to.deep.equal([...saved].sort());

    await executeServerCommand('override-quota', {}); // space freed
    const after = await s.put('contact', validContact({ note: 'Saved once there was room' }));
    const state = await s.sync.now();
    expect(state.unsynced).to.equal(0);
    for (const id of [...saved, after.id]) expect((await remote.get('contact', id))?.id).to.equal(id);
    s.close?.();
  });

  it('a nameless failure is not called a full device while the browser estimates room to spare', async () => {
    const e = await writeError(new DOMException('Internal error', 'UnknownError'), 'Saving contact c1');
    expect(e.details.reason).to.equal(undefined);
    expect(e.retryable).to.equal(true);
    expect(e.message).to.equal('Saving contact c1: the device store failed (UnknownError)');
  });
});
