// Staff records through the client (issue 22, docs/adr/0025-staff-records.md): who may read and write supervision,
// its private notes and training, on the memory store and a real IndexedDB. Synthetic people only.
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { indexedDbStore } from './adapters/indexeddb/indexeddb-store.js';
import { memoryStore } from './adapters/memory/memory-store.js';
import { staffAs as clientAs, rejectsWith } from './client.fixtures.js';
import type { Store } from './ports.js';

const PRIVATE_A = 'Private: worried about lone visits after dark.';
const PRIVATE_B = 'Private: a hard week at home.';

/** Two workers supervised by the team lead; worker-2 also by a co-ordinator. Returns the records' ids. */
async function seed(store: Store) {
  const lead = clientAs(store, 'team-lead', 'lead-1');
  const cc = clientAs(store, 'care-coordinator', 'cc-1');
  const a = await lead.supervisions.create({ workerId: 'worker-1', heldOn: '2026-06-02', kind: 'clinical', actions: [{ text: 'Shadow a late visit', ownerId: 'worker-1', dueOn: '2026-06-20' }] });
  const aNote = await lead.supervisionNotes.create({ supervisionId: a.id, text: PRIVATE_A });
  const b = await cc.supervisions.create({ workerId: 'worker-2', heldOn: '2026-06-01', kind: 'observational' });
  const bNote = await cc.supervisionNotes.create({ supervisionId: b.id, text: PRIVATE_B });
  const t1 = await lead.training.create({ workerId: 'worker-1', itemId: 'safeguarding-2', title: 'Safeguarding adults, level 2', completedOn: '2026-05-20', expiresOn: '2029-05-20' });
  const t2 = await clientAs(store, 'str-worker', 'worker-2').training.create({ itemId: 'lone-working', title: 'Lone working', completedOn: '2026-05-21' });
  return { a, aNote, b, bNote, t1, t2 };
}

const stores: [string, () => Promise<{ store: Store; done: () => Promise<void> }>][] = [
  ['memoryStore', async () => ({ store: memoryStore(), done: async () => undefined })],
  ['indexedDbStore', async () => {
    const name = `staff-${crypto.randomUUID()}`;
    const store = indexedDbStore({ name, persist: false });
    return { store, done: async () => (store.close?.(), void (await deleteDB(name))) };
  }],
];

for (const [name, open] of stores) {
  describe(`staff records through the client (${name})`, () => {
    let store: Store;
    let done: () => Promise<void>;
    let ids: Awaited<ReturnType<typeof seed>>;
    beforeEach(async () => {
      ({ store, done } = await open());
      ids = await seed(store);
    });
    afterEach(() => done());

    it('a worker reads their own supervision and its private notes, never another worker’s, and cannot write supervision', async () => {
      const w1 = clientAs(store, 'str-worker', 'worker-1');
      expect((await w1.supervisions.list()).items.map((s) => s.id)).to.deep.equal([ids.a.id]);
      expect((await w1.supervisionNotes.list()).items.map((n) => n.text)).to.deep.equal([PRIVATE_A]);
      expect((await w1.supervisionNotes.forSupervision(ids.a.id)).map((n) => n.text)).to.deep.equal([PRIVATE_A]);
      expect(await w1.supervisionNotes.forSupervision(ids.b.id)).to.deep.equal([]);
      await rejectsWith(w1.supervisionNotes.get(ids.bNote.id), 'forbidden');
      await rejectsWith(w1.supervisionNotes.history(ids.bNote.id), 'forbidden');
      await rejectsWith(w1.supervisions.get(ids.b.id), 'forbidden');
      await rejectsWith(w1.supervisions.create({ workerId: 'worker-1', heldOn: '2026-06-03', kind: 'clinical' }), 'forbidden');
      await rejectsWith(w1.supervisionNotes.create({ supervisionId: ids.a.id, text: 'Mine now' }), 'forbidden');
      await rejectsWith(w1.supervisions.update(ids.a.id, { nextDueOn: '2026-06-04' }, ids.a.version), 'forbidden');
      expect(w1.can('supervision.record')).to.equal(false);
      expect(w1.can('caseload.manage'), 'nor edits allocations').to.equal(false);
      const err = await rejectsWith(w1.supervisionNotes.get(ids.bNote.id), 'forbidden');
      expect(err.message, 'the refusal never carries the notes').to.not.include('hard week');
    });

    it('a co-ordinator sees every worker’s supervision dates but only the private notes of supervision they held', async () => {
      const cc = clientAs(store, 'care-coordinator', 'cc-1');
      expect((await cc.supervisions.list()).items.map((s) => s.id).sort()).to.deep.equal([ids.a.id, ids.b.id].sort());
      expect((await cc.supervisionNotes.list()).items.map((n) => n.text)).to.deep.equal([PRIVATE_B]);
      await rejectsWith(cc.supervisionNotes.get(ids.aNote.id), 'forbidden');
      const other = clientAs(store, 'care-coordinator', 'cc-2');
      expect((await other.supervisionNotes.list()).items).to.deep.equal([]);
      await rejectsWith(other.supervisions.create({ workerId: 'worker-1', supervisorId: 'lead-1', heldOn: '2026-06-03', kind: 'clinical' }), 'forbidden');
      await rejectsWith(other.supervisions.update(ids.b.id, { nextDueOn: '2026-07-01' }, ids.b.version), 'forbidden');
      expect((await other.training.list()).items.map((t) => t.id).sort()).to.deep.equal([ids.t1.id, ids.t2.id].sort());
      await rejectsWith(other.training.create({ workerId: 'worker-1', itemId: 'x', title: 'X', completedOn: '2026-06-01' }), 'forbidden');
    });

    it('a team lead sees everything and may change it; changes keep their history; entered in error, never deleted', async () => {
      const lead = clientAs(store, 'team-lead', 'lead-1');
      expect((await lead.supervisionNotes.list()).items.map((n) => n.text).sort()).to.deep.equal([PRIVATE_A, PRIVATE_B].sort());
      const changed = await lead.supervisions.update(ids.b.id, { nextDueOn: '2026-07-13' }, ids.b.version);
      expect(changed.nextDueOn).to.equal('2026-07-13');
      expect((await lead.supervisions.history(ids.b.id)).map((s) => s.nextDueOn)).to.deep.equal([undefined, '2026-07-13']);
      const marked = await lead.training.markEnteredInError(ids.t2.id, 'Recorded against the wrong worker', ids.t2.version);
      expect(marked.enteredInError?.reason).to.equal('Recorded against the wrong worker');
      expect((await lead.training.list({ workerId: 'worker-2' })).items.map((t) => t.id), 'still there, marked').to.deep.equal([ids.t2.id]);
    });

    it('a viewer sees nothing of supervision or training', async () => {
      const viewer = clientAs(store, 'viewer', 'viewer-1');
      await rejectsWith(viewer.supervisions.list(), 'forbidden');
      await rejectsWith(viewer.supervisionNotes.list(), 'forbidden');
      await rejectsWith(viewer.supervisionNotes.forSupervision(ids.a.id), 'forbidden');
      await rejectsWith(viewer.training.list(), 'forbidden');
      await rejectsWith(viewer.supervisions.get(ids.a.id), 'forbidden');
      await rejectsWith(viewer.training.get(ids.t1.id), 'forbidden');
    });

    it('a worker records and reads their own training only; bad input is refused with words and nothing is stored', async () => {
      const w1 = clientAs(store, 'str-worker', 'worker-1');
      expect((await w1.training.list()).items.map((t) => t.id)).to.deep.equal([ids.t1.id]);
      await rejectsWith(w1.training.get(ids.t2.id), 'forbidden');
      await rejectsWith(w1.training.create({ workerId: 'worker-2', itemId: 'x', title: 'X', completedOn: '2026-06-01' }), 'forbidden');
      const err = await rejectsWith(w1.training.create({ itemId: 'first-aid', title: '   ', completedOn: '1 June' } as never), 'validation');
      expect(err.details.issues?.map((i) => i.path).sort()).to.deep.equal(['completedOn', 'title']);
      expect((await w1.training.list()).items).to.have.length(1);
      const mine = await w1.training.create({ itemId: 'first-aid', title: 'First aid at work', completedOn: '2026-06-01', evidence: 'Certificate seen.' });
      expect(mine).to.deep.include({ workerId: 'worker-1', createdBy: 'worker-1' });
    });
  });
}

describe('teamClient', () => {
  it('refuses anything but a client made by createClient, with a validation error', async () => {
    const { teamClient } = await import('./client-team-lead.js');
    for (const bad of [undefined, {}, { supervisions: [] }]) {
      try {
        teamClient(bad as never);
        expect.fail('should throw');
      } catch (e) {
        expect((e as { code?: string }).code).to.equal('validation');
      }
    }
  });
});
