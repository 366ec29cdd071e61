// Issue 16: records and databases from other STR Kit versions. A record a newer STR Kit wrote (an older tab on the
// same device) is reported as made by a newer version and the rest of the person's list loads; a database an older
// STR Kit made (layout 1, before the outbox) migrates, and its records reach the record system. Synthetic data only.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, fhirStore, indexedDbStore, memoryDrafts, syncedStore, type CarePlan, type Clock, type Contact } from '@strkit/sdk';
import { deleteDB } from 'idb';
import type { StrContactLog } from '../../packages/components/src/contact-log/contact-log.js';
import '../../packages/components/src/define/str-contact-log.js';
import { serviceUserIdOf, sortKeyOf } from '../../packages/sdk/src/schemas/registry.js';
import { fhir, fhirBaseUrl, resetEngine } from '../fhir/engine.js';
import { PERSON_ID, validContact, validRecord, validServiceUser } from '../helpers/fixtures.js';

const clock: Clock = { now: () => new Date('2026-06-05T16:00:00Z') };
const names: string[] = [];
after(async () => {
  for (const n of names) await deleteDB(n);
});
const newName = (prefix: string) => {
  const name = `${prefix}-${crypto.randomUUID()}`;
  names.push(name);
  return name;
};

const done = (req: IDBRequest | IDBTransaction) =>
  new Promise((resolve, reject) => {
    if (req instanceof IDBTransaction) {
      req.oncomplete = resolve;
      req.onerror = () => reject(req.error);
    } else {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    }
  });

/** One row as the store keeps it (the layout every STR Kit so far has used for `records`). */
const rowOf = (record: Contact) => ({
  type: 'contact', id: record.id, suid: serviceUserIdOf('contact', record) ?? '', key: sortKeyOf('contact', record), status: '', version: Number(record.version), record,
});

/** Writes a record straight into the database, as another STR Kit (newer or older) in another tab would. */
async function writeAsNewerKit(db: string, record: Record<string, unknown>, type: 'contact' | 'carePlan' | 'careTeam' = 'contact') {
  const open = indexedDB.open(db);
  const database = (await done(open)) as IDBDatabase;
  const tx = database.transaction(['records', 'history'], 'readwrite');
  const row = type === 'contact' ? rowOf(record as unknown as Contact) : { type, id: record.id, suid: serviceUserIdOf(type, record as unknown as CarePlan) ?? '', key: sortKeyOf(type, record as unknown as CarePlan), status: '', version: 1 };
  tx.objectStore('records').put({ ...row, record });
  tx.objectStore('history').put({ type, id: record.id, version: 1, record });
  await done(tx);
  database.close();
}

/** Writes a record and its outbox entry straight into the database, as a newer STR Kit saving offline would. */
async function saveAsNewerKit(db: string, record: Record<string, unknown> & { id: string; serviceUserId: string }) {
  await writeAsNewerKit(db, record);
  const database = (await done(indexedDB.open(db))) as IDBDatabase;
  const tx = database.transaction('outbox', 'readwrite');
  tx.objectStore('outbox').put({ type: 'contact', id: record.id, serviceUserId: record.serviceUserId, since: new Date().toISOString(), localVersion: '1', attempts: 0 });
  await done(tx);
  database.close();
}

/** A database exactly as the layout-1 STR Kit made it (records and history, no outbox), with these contacts in it. */
async function layout1Database(db: string, contacts: readonly Contact[]) {
  const open = indexedDB.open(db, 1);
  open.onupgradeneeded = () => {
    const records = open.result.createObjectStore('records', { keyPath: ['type', 'id'] });
    records.createIndex('bySuid', ['type', 'suid', 'key', 'id']);
    records.createIndex('byType', ['type', 'key', 'id']);
    open.result.createObjectStore('history', { keyPath: ['type', 'id', 'version'] });
  };
  const database = (await done(open)) as IDBDatabase;
  const tx = database.transaction(['records', 'history'], 'readwrite');
  for (const c of contacts) {
    tx.objectStore('records').put(rowOf(c));
    tx.objectStore('history').put({ type: 'contact', id: c.id, version: 1, record: c });
  }
  await done(tx);
  database.close();
}

describe('records and databases from other STR Kit versions', () => {
  it('a record a newer STR Kit wrote is reported as made by a newer version; the rest of the person’s contacts load and show', async () => {
    const db = newName('newer');
    const store = indexedDbStore({ name: db, persist: false });
    const client = createClient({ store, drafts: memoryDrafts(), actor: { id: 'w1', role: 'str-worker' }, clock });
    await store.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const a = await store.put('contact', validContact({ note: 'First visit, readable' }));
    const b = await store.put('contact', validContact({ note: 'Second visit, readable' }));
    const fromNewer = { ...validContact({ note: 'Written by a newer kit' }), schemaVersion: 2, mood: 'settled' };
    await writeAsNewerKit(db, fromNewer);

    const page = await client.contacts.list({ serviceUserId: PERSON_ID });
    expect(page.items.map((c) => c.id).sort()).to.deep.equal([a.id, b.id].sort());
    expect(page.unreadable?.map((u) => [u.id, u.code])).to.deep.equal([[fromNewer.id, 'newer-version']]);
    expect(page.unreadable![0]!.reason).to.include('newer STR Kit').and.not.include('Written by a newer kit');

    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${PERSON_ID} .client=${client} .clock=${clock}></str-contact-log>`);
    for (let i = 0; i < 200 && !el.shadowRoot!.querySelector('.unreadable'); i++) await new Promise((r) => setTimeout(r, 10));
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(el.shadowRoot!.querySelector('.unreadable')?.textContent).to.include('1 record was made by a newer version of STR Kit');
    expect(text).to.include('First visit, readable').and.include('Second visit, readable').and.not.include('Written by a newer kit');
    store.close();
  });

  it('an older tab’s sync leaves a newer STR Kit’s unsent record for it to send, and still sends its own', async function () {
    this.timeout(30_000);
    await resetEngine();
    const remote = fhirStore({ baseUrl: await fhirBaseUrl() });
    await remote.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const db = newName('older-tab');
    const s = syncedStore({ local: indexedDbStore({ name: db, persist: false }), remote, auto: false });
    const mine = await s.put('contact', validContact({ note: 'Saved in the older tab' }));
    const fromNewer = { ...validContact({ note: 'Saved in the newer tab' }), schemaVersion: 2, mood: 'settled' };
    await saveAsNewerKit(db, fromNewer);
    const state = await s.sync.now();
    expect(((await remote.get('contact', mine.id)) as Contact | undefined)?.note).to.equal('Saved in the older tab');
    expect(await remote.get('contact', fromNewer.id), 'not sent by a version that cannot read it').to.equal(undefined);
    expect(state.needsAttention).to.deep.equal([]);
    expect((await s.sync.entries()).map((e) => e.id), 'kept for the newer tab').to.deep.equal([fromNewer.id]);
    s.close?.();
  });

  it('a layout-1 database migrates its records into the outbox, and they reach the record system once', async function () {
    this.timeout(30_000);
    await resetEngine();
    const remote = fhirStore({ baseUrl: await fhirBaseUrl() });
    await remote.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const db = newName('layout1');
    const old = [validContact({ note: 'Logged before sync existed' }), validContact({ note: 'Also logged on the old layout' })].map((c) => ({ ...c, version: '1' }));
    await layout1Database(db, old);

    const s = syncedStore({ local: indexedDbStore({ name: db, persist: false }), remote, auto: false });
    expect((await s.sync.entries()).map((e) => e.id).sort(), 'each old record waits in the outbox').to.deep.equal(old.map((c) => c.id).sort());
    const state = await s.sync.now();
    expect(state.unsynced).to.equal(0);
    expect(state.needsAttention).to.deep.equal([]);
    for (const c of old) expect(((await remote.get('contact', c.id)) as Contact | undefined)?.note).to.equal(c.note);
    expect((await s.get('contact', old[0]!.id))?.note, 'still on the device').to.equal(old[0]!.note);
    s.close?.();
  });

  // H37: a plan's agreed contact frequency (issue 21) must never be dropped by an STR Kit from before it.
  it('a care plan is saved at schema 2 (the agreed frequency), so an STR Kit that reads only 1 refuses it; one stored at 1 still reads, unchanged', async () => {
    const db = newName('plan-versions');
    const store = indexedDbStore({ name: db, persist: false });
    const client = createClient({ store, drafts: memoryDrafts(), actor: { id: 'cc-1', role: 'care-coordinator' }, clock });
    await store.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const plan = await client.carePlans.create({ serviceUserId: PERSON_ID, contactFrequency: { every: 'weekly', from: '2026-06-01' } });
    expect(plan.schemaVersion, 'above the 1 an STR Kit from before the frequency reads').to.equal(2);
    expect((await store.get('carePlan', plan.id))?.contactFrequency).to.deep.equal({ every: 'weekly', from: '2026-06-01', agreedBy: 'cc-1' });

    const before = validRecord('carePlan', { serviceUserId: '2a8b1f3e-5c6d-4e7f-8a9b-0c1d2e3f4a5b', schemaVersion: 1 });
    await writeAsNewerKit(db, { ...before }, 'carePlan');
    const read = await store.get('carePlan', before.id);
    expect(read).to.deep.equal({ ...before, schemaVersion: 2 });
    store.close();
  });

  // H37 for care teams: the reason for a change (ADR 0026) must never be dropped by an STR Kit from before it.
  it('a care team is saved at schema 2 (the reason for a change), so an STR Kit that reads only 1 refuses it; one stored at 1 still reads, unchanged', async () => {
    const db = newName('team-versions');
    const store = indexedDbStore({ name: db, persist: false });
    const client = createClient({ store, drafts: memoryDrafts(), actor: { id: 'lead-1', role: 'team-lead' }, clock });
    await store.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const team = await client.careTeams.create({ serviceUserId: PERSON_ID, name: 'North team', participants: [{ workerId: 'w1', role: 'str-worker' }], changeReason: 'First allocation' });
    expect(team.schemaVersion, 'above the 1 an STR Kit from before the reason reads').to.equal(2);
    expect((await store.get('careTeam', team.id))?.changeReason).to.equal('First allocation');

    const before = validRecord('careTeam', { serviceUserId: '2a8b1f3e-5c6d-4e7f-8a9b-0c1d2e3f4a5b', schemaVersion: 1 });
    await writeAsNewerKit(db, { ...before }, 'careTeam');
    expect(await store.get('careTeam', before.id)).to.deep.equal({ ...before, schemaVersion: 2 });
    store.close();
  });

  it('on FHIR too, a resource a newer STR Kit wrote is reported as made by a newer version, not read with its new parts dropped', async function () {
    this.timeout(30_000);
    await resetEngine();
    const remote = fhirStore({ baseUrl: await fhirBaseUrl() });
    await remote.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    const plan = await remote.put('carePlan', validRecord('carePlan', { contactFrequency: { every: 'fortnightly', from: '2026-06-01', agreedBy: 'cc-1' } }));
    const other = await remote.put('carePlan', validRecord('carePlan', { status: 'draft' }));
    expect((await remote.list('carePlan', { serviceUserId: PERSON_ID })).items.map((p) => p.id).sort()).to.deep.equal([plan.id, other.id].sort());

    // A newer STR Kit rewrites the plan at schema 3, with a part this one has never heard of.
    const found = await fhir('GET', `CarePlan?identifier=${encodeURIComponent(`urn:strkit:id|${plan.id}`)}`);
    const resource = ((found.body!.entry as { resource: Record<string, unknown> }[])[0]!).resource as { id: string; extension: { url: string; extension?: { url: string; valueInteger?: number }[] }[] };
    const envelope = resource.extension.find((e) => e.url === 'urn:strkit:extension:record')!;
    envelope.extension!.find((e) => e.url === 'schemaVersion')!.valueInteger = 3;
    expect((await fhir('PUT', `CarePlan/${resource.id}`, resource)).status).to.equal(200);

    const page = await remote.list('carePlan', { serviceUserId: PERSON_ID });
    expect(page.items.map((p) => p.id), 'the readable plan still loads').to.deep.equal([other.id]);
    expect(page.unreadable?.map((u) => [u.id, u.code])).to.deep.equal([[plan.id, 'newer-version']]);
    expect(page.unreadable![0]!.reason).to.include('newer STR Kit');
  });
});
