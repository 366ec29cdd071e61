// Issue 22: a worker's device never receives another worker's private supervision notes. After a sync of the people
// the worker supports, the device's IndexedDB holds no staff record of anyone else, and the pull never asked the
// record system for staff documents at all (docs/adr/0025-staff-records.md). Synthetic people only.
import { expect } from '@open-wc/testing';
import { createClient, fhirStore, indexedDbStore, memoryDrafts, syncedStore, teamClient, type Actor } from '@strkit/sdk';
import { deleteDB } from 'idb';
import { PERSON_ID, validServiceUser } from '../helpers/fixtures.js';
import { fhirBaseUrl, resetEngine } from '../fhir/engine.js';

const PRIVATE_OTHER = 'Private: talked about a bereavement at home.';
const names: string[] = [];
after(async () => {
  for (const n of names) await deleteDB(n);
});

/** Every row of every object store of an IndexedDB database, as JSON text. */
async function everyRow(name: string): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const rows: string[] = [];
  for (const store of [...db.objectStoreNames]) {
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    rows.push(...all.map((r) => JSON.stringify(r)));
  }
  db.close();
  return rows;
}

describe('staff records and a worker’s device', () => {
  it('after a sync, IndexedDB holds none of another worker’s private notes, and the pull never asked for staff documents', async function () {
    this.timeout(60_000);
    await resetEngine();
    const baseUrl = await fhirBaseUrl();
    const server = fhirStore({ baseUrl });
    const as = (actor: Actor) => {
      const client = createClient({ store: server, drafts: memoryDrafts(), actor });
      return { ...client, ...teamClient(client) };
    };
    await server.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const lead = as({ id: 'lead-1', role: 'team-lead' });
    const cc = as({ id: 'cc-1', role: 'care-coordinator' });
    await cc.careTeams.create({ serviceUserId: PERSON_ID, name: 'North community team', participants: [{ workerId: 'worker-1', role: 'str-worker' }] });
    await cc.carePlans.create({ serviceUserId: PERSON_ID, contactFrequency: { every: 'weekly', from: '2026-06-01' } });
    const other = await lead.supervisions.create({ workerId: 'worker-2', heldOn: '2026-06-01', kind: 'clinical' });
    await lead.supervisionNotes.create({ supervisionId: other.id, text: PRIVATE_OTHER });
    const mine = await lead.supervisions.create({ workerId: 'worker-1', heldOn: '2026-06-02', kind: 'clinical' });
    await lead.supervisionNotes.create({ supervisionId: mine.id, text: 'Private: mine.' });
    expect((await lead.supervisionNotes.list()).items, 'the notes are in the record system').to.have.length(2);

    const urls: string[] = [];
    const remote = fhirStore({ baseUrl, fetch: (input, init) => (urls.push(String(input instanceof Request ? input.url : input)), fetch(input, init)) });
    const name = `staff-device-${crypto.randomUUID()}`;
    names.push(name);
    const device = syncedStore({ local: indexedDbStore({ name, persist: false }), remote, auto: false });
    const worker = createClient({ store: device, drafts: memoryDrafts(), actor: { id: 'worker-1', role: 'str-worker' } });
    const pulled = await device.sync.pull(PERSON_ID);
    await device.sync.now();
    expect(pulled, 'the person’s records came').to.be.greaterThan(1);
    expect((await worker.carePlans.list({ serviceUserId: PERSON_ID })).items).to.have.length(1);

    const rows = await everyRow(name);
    expect(rows.length).to.be.greaterThan(0);
    expect(rows.filter((r) => r.includes('bereavement')), 'no row holds the other worker’s private notes').to.deep.equal([]);
    expect(rows.filter((r) => /"type":"(supervision|supervisionNote|training)"/.test(r)), 'a person’s pull brings no staff record').to.deep.equal([]);
    expect(urls.filter((u) => u.includes('staff-')), 'the pull never searched staff documents').to.deep.equal([]);
    expect(urls.length).to.be.greaterThan(0);
    device.close?.();
  });
});
