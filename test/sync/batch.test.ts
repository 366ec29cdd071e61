// Issue 16: the outbox goes to the record system in FHIR R4 `batch` Bundles (docs/adr/0003-offline-first.md), sized
// by how the network does, each entry's answer checked against its request and fed to the same exactly-once
// bookkeeping; a server that does not take batches gets one request per resource.
import { expect } from '@open-wc/testing';
import { fhirStore, indexedDbStore, namespaceFrom, noteToDocumentReference, syncedStore, type Contact, type Goal, type IndexedDbStore } from '@strkit/sdk';
import { digest } from '../../packages/sdk/src/adapters/fhir/map-common.js';
import { deleteDB } from 'idb';
import { OTHER_PERSON_ID, PERSON_ID, validContact, validRecord, validServiceUser } from '../helpers/fixtures.js';
import { fhir, fhirBaseUrl, injectFaults, resetEngine } from '../fhir/engine.js';
import { proxiedBaseUrl, proxyReport, setProxyFaults } from './fault-proxy.js';

const names: string[] = [];
const dbName = () => {
  const n = `batch-${Math.random().toString(36).slice(2)}`;
  names.push(n);
  return n;
};
const closing: (() => void)[] = [];
afterEach(() => {
  for (const close of closing.splice(0)) close();
});
after(async () => {
  await setProxyFaults([]);
  await injectFaults([]);
  for (const n of names) await deleteDB(n);
});

/** The requests a fhirStore makes: method, path below the base, and for a Bundle the number of its entries. */
function counting() {
  const sent: { method: string; path: string; entries?: number }[] = [];
  const fetchFn: typeof fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { resourceType?: string; entry?: unknown[] }) : undefined;
    sent.push({ method: init?.method ?? 'GET', path: url.pathname.replace(/^.*\/fhir\/R4/, ''), ...(body?.resourceType === 'Bundle' && { entries: body.entry?.length ?? 0 }) });
    return fetch(input, init);
  };
  return { sent, fetchFn };
}

/** STR id → the Encounter the engine holds (read directly). */
async function encounters(): Promise<Map<string, { id: string; versionId: string }[]>> {
  const { body } = await fhir('GET', 'Encounter?_count=1000');
  const out = new Map<string, { id: string; versionId: string }[]>();
  for (const e of (body!.entry as { resource: { id: string; meta: { versionId: string }; identifier: { system: string; value: string }[] } }[] | undefined) ?? []) {
    const id = e.resource.identifier.find((x) => x.system === 'urn:strkit:id')!.value;
    out.set(id, [...(out.get(id) ?? []), { id: e.resource.id, versionId: e.resource.meta.versionId }]);
  }
  return out;
}

async function setup(baseUrl: string) {
  const { sent, fetchFn } = counting();
  const remote = fhirStore({ baseUrl, fetch: fetchFn, timeoutMs: 2_000 });
  const local = indexedDbStore({ name: dbName(), persist: false });
  const s = syncedStore({ local, remote, auto: false, retry: { baseMs: 5, maxMs: 20 } });
  return { sent, s, local };
}

async function drain(s: ReturnType<typeof syncedStore>, rounds = 100) {
  let state = s.sync.state;
  for (let i = 0; i < rounds && (state.unsynced > 0 || i === 0); i++) state = await s.sync.now();
  return state;
}

/** Every contact on the engine once, and on the device as the engine's version. */
async function expectLandedOnce(s: ReturnType<typeof syncedStore>, local: IndexedDbStore, written: readonly Contact[]) {
  const onEngine = await encounters();
  expect(onEngine.size, 'each on the engine').to.equal(written.length);
  for (const c of written) {
    const found = onEngine.get(c.id);
    expect(found?.length, `contact ${c.id} once`).to.equal(1);
    expect(await local.remoteVersion('contact', c.id), `contact ${c.id}: the engine's version known on the device`).to.equal(found![0]!.versionId);
  }
  expect(await s.sync.entries()).to.deep.equal([]);
}

describe('batch pushes (FHIR batch Bundles)', () => {
  beforeEach(async () => {
    await resetEngine();
    await fhirStore({ baseUrl: await fhirBaseUrl() }).put('serviceUser', validServiceUser({ id: PERSON_ID }));
  });

  it('60 contacts with notes reach the engine in a few batch Bundles, not one request per resource, each once with its note linked', async () => {
    const { sent, s, local } = await setup(await fhirBaseUrl());
    const written: Contact[] = [];
    for (let i = 0; i < 60; i++) written.push(await s.put('contact', validContact({ note: `Batch contact ${i}` })));
    const state = await drain(s);
    expect(state.needsAttention).to.deep.equal([]);
    expect(sent.length, JSON.stringify(sent.slice(0, 12))).to.be.at.most(12);
    expect(sent.filter((r) => r.entries !== undefined).length).to.be.at.least(3);
    await expectLandedOnce(s, local, written);
    // The notes are there and linked: a fresh store reads every contact with its own note.
    const { items } = await fhirStore({ baseUrl: await fhirBaseUrl() }).list('contact', { serviceUserId: PERSON_ID, limit: 100 });
    expect(new Map(items.map((c) => [c.id, c.note]))).to.deep.equal(new Map(written.map((c) => [c.id, c.note])));
    const { body } = await fhir('GET', 'DocumentReference?_count=1000');
    const docs = (body!.entry as { resource: { context?: { encounter?: unknown[] } } }[]).map((e) => e.resource);
    expect(docs.length).to.equal(60);
    expect(docs.every((d) => d.context?.encounter?.length === 1), 'every note linked to its Encounter').to.equal(true);
  });

  it('a contact with a note costs two batch entries, its Encounter and then its note naming it, never a third', async () => {
    const { sent, s, local } = await setup(await fhirBaseUrl());
    const written: Contact[] = [];
    for (let i = 0; i < 40; i++) written.push(await s.put('contact', validContact({ note: `Two entries ${i}` })));
    const state = await drain(s);
    expect(state.needsAttention).to.deep.equal([]);
    const entries = sent.reduce((n, r) => n + (r.entries ?? 0), 0);
    expect(entries, `batch entries: ${sent.flatMap((r) => (r.entries !== undefined ? [r.entries] : [])).join(', ')}`).to.equal(80);
    expect(sent.filter((r) => r.method === 'PUT'), 'no request of its own either').to.deep.equal([]);
    await expectLandedOnce(s, local, written);
    // Each note is written once, already naming its Encounter (R4's standard link), as its first version.
    const encs = await encounters();
    const { body } = await fhir('GET', 'DocumentReference?_count=1000');
    const docs = (body!.entry as { resource: { id: string; context?: { encounter?: { reference?: string }[] } } }[]).map((e) => e.resource);
    expect(docs.length).to.equal(40);
    const encounterRefs = new Set([...encs.values()].map((v) => `Encounter/${v[0]!.id}`));
    expect(docs.every((d) => encounterRefs.has(d.context?.encounter?.[0]?.reference ?? '')), 'every note names an Encounter on the engine').to.equal(true);
    for (const d of docs) {
      const { body: history } = await fhir('GET', `DocumentReference/${d.id}/_history`);
      expect((history!.entry as unknown[]).length, `DocumentReference/${d.id} written once`).to.equal(1);
    }
  });

  it('an Encounter that landed while its note did not: the next run sends the note, linked, and each is on the engine once', async () => {
    let bundles = 0;
    const fetchFn: typeof fetch = async (input, init) => {
      const isBundle = typeof init?.body === 'string' && init.body.includes('"type":"batch"');
      if (isBundle) bundles++;
      // The second Bundle (the notes) is lost on the way: nothing of it reaches the engine.
      if (isBundle && bundles === 2) throw new TypeError('Failed to fetch');
      return fetch(input, init);
    };
    const remote = fhirStore({ baseUrl: await fhirBaseUrl(), fetch: fetchFn, timeoutMs: 2_000 });
    const local = indexedDbStore({ name: dbName(), persist: false });
    // A failed run schedules a retry of its own: a minute away, so only this test's own runs push, and the engine is
    // stopped at the end so it never pushes into the next test.
    const s = syncedStore({ local, remote, auto: false, retry: { baseMs: 60_000, maxMs: 60_000 } });
    closing.push(() => s.close?.());
    const written: Contact[] = [];
    for (let i = 0; i < 10; i++) written.push(await s.put('contact', validContact({ note: `Interrupted ${i}` })));
    const first = await s.sync.now();
    expect(first.unsynced, 'nothing settled while its note is missing').to.equal(10);
    // Meanwhile a reader sees each Encounter reported (its note not sent yet), never with an empty note.
    const meanwhile = await fhirStore({ baseUrl: await fhirBaseUrl() }).list('contact', { serviceUserId: PERSON_ID, limit: 100 });
    expect(meanwhile.items).to.deep.equal([]);
    expect(meanwhile.unreadable?.map((u) => u.id).sort()).to.deep.equal(written.map((c) => c.id).sort());
    const state = await drain(s);
    expect(state.needsAttention).to.deep.equal([]);
    await expectLandedOnce(s, local, written);
    const { items } = await fhirStore({ baseUrl: await fhirBaseUrl() }).list('contact', { serviceUserId: PERSON_ID, limit: 100 });
    expect(new Map(items.map((c) => [c.id, c.note]))).to.deep.equal(new Map(written.map((c) => [c.id, c.note])));
    const { body } = await fhir('GET', 'DocumentReference?_count=1000');
    const docs = (body!.entry as { resource: { context?: { encounter?: unknown[] } } }[]).map((e) => e.resource);
    expect(docs.length, 'one note document each').to.equal(10);
    expect(docs.every((d) => d.context?.encounter?.length === 1), 'every note linked to its Encounter').to.equal(true);
  });

  it('a contact corrected on the device after its Encounter landed but its note did not: the correction lands, nothing flagged, once', async () => {
    let bundles = 0;
    const fetchFn: typeof fetch = async (input, init) => {
      const isBundle = typeof init?.body === 'string' && init.body.includes('"type":"batch"');
      if (isBundle && ++bundles === 2) throw new TypeError('Failed to fetch'); // the notes' Bundle is lost
      return fetch(input, init);
    };
    const remote = fhirStore({ baseUrl: await fhirBaseUrl(), fetch: fetchFn, timeoutMs: 2_000 });
    const local = indexedDbStore({ name: dbName(), persist: false });
    const s = syncedStore({ local, remote, auto: false, retry: { baseMs: 60_000, maxMs: 60_000 } });
    closing.push(() => s.close?.());
    const c = await s.put('contact', validContact({ note: 'First words' }));
    expect((await s.sync.now()).unsynced).to.equal(1);
    const corrected = await s.put('contact', { ...c, note: 'Second words' }, c.version);
    const state = await drain(s);
    expect(state.needsAttention, JSON.stringify(state.needsAttention)).to.deep.equal([]);
    await expectLandedOnce(s, local, [corrected]);
    const { items } = await fhirStore({ baseUrl: await fhirBaseUrl() }).list('contact', { serviceUserId: PERSON_ID });
    expect(items.map((x) => x.note)).to.deep.equal(['Second words']);
    const { body } = await fhir('GET', 'DocumentReference?_count=1000');
    const docs = (body!.entry as { resource: { status: string; relatesTo?: unknown[] } }[]).map((e) => e.resource);
    expect(docs.map((d) => [d.status, d.relatesTo]), 'one note, current, replacing nothing that was never written').to.deep.equal([['current', undefined]]);
  });

  it('a note an earlier STR Kit wrote before its Encounter, never linked, is linked when the contact is sent, and not written twice', async () => {
    const { s, local } = await setup(await fhirBaseUrl());
    const c = await s.put('contact', validContact({ note: 'Written by an older version' }));
    // What the older order left behind when it stopped after its first step: the note, naming no Encounter.
    const { body: people } = await fhir('GET', `Patient?identifier=urn:strkit:id|${PERSON_ID}`);
    const patientReference = `Patient/${(people!.entry as { resource: { id: string } }[])[0]!.resource.id}`;
    const planted = await fhir('POST', 'DocumentReference', noteToDocumentReference(c, { patientReference }, digest(c.note), namespaceFrom()));
    expect(planted.status).to.equal(201);
    const state = await drain(s);
    expect(state.needsAttention).to.deep.equal([]);
    await expectLandedOnce(s, local, [c]);
    const { body } = await fhir('GET', 'DocumentReference?_count=1000');
    const docs = (body!.entry as { resource: { context?: { encounter?: { reference?: string }[] } } }[]).map((e) => e.resource);
    const [enc] = (await encounters()).get(c.id)!;
    expect(docs.map((d) => d.context?.encounter?.[0]?.reference)).to.deep.equal([`Encounter/${enc!.id}`]);
  });

  it('a failed batch is halved and clean ones are doubled, and nothing is lost or doubled on the way', async () => {
    const { sent, s, local } = await setup(await fhirBaseUrl());
    const written: Contact[] = [];
    for (let i = 0; i < 100; i++) written.push(await s.put('contact', validContact({ note: '' })));
    await injectFaults([{ method: 'POST', kind: 'status-503', times: 1 }]);
    const state = await drain(s);
    expect(state.needsAttention).to.deep.equal([]);
    const sizes = sent.flatMap((r) => (r.entries !== undefined ? [r.entries] : []));
    expect(sizes[1], `batch sizes ${sizes.join(', ')}`).to.be.below(sizes[0]!);
    expect(sizes[2], `batch sizes ${sizes.join(', ')}`).to.be.above(sizes[1]!);
    await expectLandedOnce(s, local, written);
  });

  it('a batch reply whose entries come back reordered or for another resource is never trusted: sent again, each lands once', async function () {
    this.timeout(60_000);
    const baseUrl = await proxiedBaseUrl();
    const { s, local } = await setup(baseUrl);
    const first: Contact[] = [];
    for (let i = 0; i < 5; i++) first.push(await s.put('contact', validContact({ note: '' })));
    await drain(s); // earlier batch replies for the proxy to mix in
    await setProxyFaults([{ kind: 'entry-reorder', rate: 1, max: 2 }, { kind: 'entry-other', rate: 1, max: 2 }]);
    const written: Contact[] = [...first];
    for (let i = 0; i < 20; i++) written.push(await s.put('contact', validContact({ note: `Mixed up ${i}` })));
    const state = await drain(s);
    const report = await proxyReport();
    await setProxyFaults([]);
    expect(report.injected['entry-reorder'], JSON.stringify(report.injected)).to.equal(2);
    expect(report.injected['entry-other'], JSON.stringify(report.injected)).to.equal(2);
    expect(state.needsAttention).to.deep.equal([]);
    await expectLandedOnce(s, local, written);
  });

  it('a contact corrected on the device while its batch is on the network keeps its correction in the outbox, and the correction lands next', async () => {
    const { sent, s, local } = await setup(await fhirBaseUrl());
    const c = await s.put('contact', validContact({ note: 'First words' }));
    const run = s.sync.now();
    // Correct it as soon as its Encounter is on the way (the second Bundle), before the batch is settled.
    while (sent.filter((r) => r.entries !== undefined).length < 2) await new Promise((r) => setTimeout(r, 1));
    const corrected = await s.put('contact', { ...c, note: 'Second words' }, c.version);
    const after = await run;
    expect(after.unsynced, 'the correction still waits').to.equal(1);
    const state = await drain(s);
    expect(state.needsAttention).to.deep.equal([]);
    const { items } = await fhirStore({ baseUrl: await fhirBaseUrl() }).list('contact', { serviceUserId: PERSON_ID });
    expect(items.map((x) => x.note)).to.deep.equal([corrected.note]);
    await expectLandedOnce(s, local, [corrected]);
  });

  it('a server whose CapabilityStatement has no batch gets one request per resource, and every record lands once', async () => {
    await injectFaults([]);
    await fetch((await fhirBaseUrl()).replace(/\/fhir\/R4$/, '/__control'), { method: 'POST', body: JSON.stringify({ faults: [], noBatch: true }) });
    const { sent, s, local } = await setup(await fhirBaseUrl());
    const written: Contact[] = [];
    for (let i = 0; i < 5; i++) written.push(await s.put('contact', validContact()));
    const state = await drain(s);
    await fetch((await fhirBaseUrl()).replace(/\/fhir\/R4$/, '/__control'), { method: 'POST', body: JSON.stringify({ faults: [] }) });
    expect(state.needsAttention).to.deep.equal([]);
    expect(sent.filter((r) => r.entries !== undefined), 'no Bundle sent').to.deep.equal([]);
    expect(sent.filter((r) => r.method === 'POST' && r.path === '/Encounter').length).to.equal(5);
    await expectLandedOnce(s, local, written);
  });

  it('30 goals corrected on the device go as If-Match updates in batch Bundles (one search finds them all), not a read and a write each', async () => {
    const { sent, s, local } = await setup(await fhirBaseUrl());
    const goals: Goal[] = [];
    for (let i = 0; i < 30; i++) goals.push(await s.put('goal', validRecord('goal', { text: `Batch goal ${i}` })));
    await drain(s);
    sent.length = 0;
    const corrected: Goal[] = [];
    for (const g of goals) corrected.push(await s.put('goal', { ...(await s.get('goal', g.id))!, text: `${g.text}, corrected` }, (await s.get('goal', g.id))!.version));
    const state = await drain(s);
    expect(state.needsAttention).to.deep.equal([]);
    expect(await s.sync.entries()).to.deep.equal([]);
    // Before: a search and a PUT of its own for each (60 requests). Now: one search for the ids and the Bundles.
    expect(sent.filter((r) => r.method === 'PUT'), 'no update of its own').to.deep.equal([]);
    expect(sent.length, JSON.stringify(sent)).to.be.at.most(4);
    // Each on the engine once, at its corrected words, and the engine's version known on the device.
    const { body } = await fhir('GET', 'Goal?_count=1000');
    const onEngine = (body!.entry as { resource: { id: string; meta: { versionId: string }; identifier: { system: string; value: string }[] } }[]).map((e) => e.resource);
    expect(onEngine.length).to.equal(30);
    const { items } = await fhirStore({ baseUrl: await fhirBaseUrl() }).list('goal', { serviceUserId: PERSON_ID, limit: 100 });
    expect(new Map(items.map((g) => [g.id, g.text]))).to.deep.equal(new Map(corrected.map((g) => [g.id, g.text])));
    for (const r of onEngine) {
      const id = r.identifier.find((x) => x.system === 'urn:strkit:id')!.value;
      expect(await local.remoteVersion('goal', id), `goal ${id}: the engine's version known on the device`).to.equal(r.meta.versionId);
    }
  });

  it('a batched update of a record someone else changed meanwhile is a conflict with both versions kept, and the others land', async () => {
    const { s } = await setup(await fhirBaseUrl());
    const goals: Goal[] = [];
    for (let i = 0; i < 5; i++) goals.push(await s.put('goal', validRecord('goal', { text: `Shared goal ${i}` })));
    await drain(s);
    // Another client changes the first goal on the record system.
    const other = fhirStore({ baseUrl: await fhirBaseUrl() });
    const theirs = (await other.get('goal', goals[0]!.id))!;
    await other.put('goal', { ...theirs, text: 'Changed elsewhere' }, theirs.version);
    for (const g of goals) {
      const mine = (await s.get('goal', g.id))!;
      await s.put('goal', { ...mine, text: `${g.text}, corrected here` }, mine.version);
    }
    const state = await drain(s, 5);
    expect(state.needsAttention.map((a) => [a.id, a.code, a.theirsKnown])).to.deep.equal([[goals[0]!.id, 'conflict', true]]);
    const { items } = await other.list('goal', { serviceUserId: PERSON_ID, limit: 100 });
    expect(new Map(items.map((g) => [g.id, g.text]))).to.deep.equal(new Map(goals.map((g, i) => [g.id, i === 0 ? 'Changed elsewhere' : `${g.text}, corrected here`])));
  });

  it('a new person at the end of one batch and their contacts in the next: the next waits for the person, every contact lands once, nothing flagged', async function () {
    this.timeout(60_000);
    const { fetchFn } = counting();
    const remote = fhirStore({ baseUrl: await fhirBaseUrl(), fetch: fetchFn, timeoutMs: 5_000 });
    const local = indexedDbStore({ name: dbName(), persist: false });
    // A clock a millisecond on at every reading, so the outbox order is the order of the writes.
    let at = Date.parse('2026-11-27T09:00:00Z');
    const s = syncedStore({ local, remote, auto: false, clock: { now: () => new Date(at++) }, retry: { baseMs: 5, maxMs: 20 } });
    // Batches of 25, 50, 100: the person is the last record of the second, their contacts fill the third.
    const written: Contact[] = [];
    for (let i = 0; i < 74; i++) written.push(await s.put('contact', validContact({ note: `Before ${i}` })));
    const person = await s.put('serviceUser', validServiceUser({ id: OTHER_PERSON_ID, displayName: 'Robin Testperson' }));
    for (let i = 0; i < 60; i++) written.push(await s.put('contact', validContact({ serviceUserId: person.id, note: `Robin ${i}` })));
    const state = await s.sync.now();
    expect(state.needsAttention, 'nothing flagged').to.deep.equal([]);
    expect(state.unsynced, 'all sent in one run').to.equal(0);
    await expectLandedOnce(s, local, written);
    const { items } = await fhirStore({ baseUrl: await fhirBaseUrl() }).list('contact', { serviceUserId: person.id, limit: 100 });
    expect(items.length, "the person's contacts under their Patient").to.equal(60);
  });

  it('a warning-sign plan at the end of one batch and checks of it in the next: the checks wait for the plan, so each check says its signs in words', async function () {
    this.timeout(60_000);
    const remote = fhirStore({ baseUrl: await fhirBaseUrl(), timeoutMs: 5_000 });
    const local = indexedDbStore({ name: dbName(), persist: false });
    let at = Date.parse('2026-11-27T09:00:00Z');
    const s = syncedStore({ local, remote, auto: false, clock: { now: () => new Date(at++) }, retry: { baseMs: 5, maxMs: 20 } });
    // Batches of 25, 50, 100: the plan is the last record of the second, the checks of it fill the third.
    for (let i = 0; i < 74; i++) await s.put('contact', validContact({ note: `Before the plan ${i}` }));
    const plan = await s.put('warningSignPlan', validRecord('warningSignPlan'));
    for (let i = 0; i < 30; i++) await s.put('signCheck', validRecord('signCheck', { planId: plan.id }));
    const state = await s.sync.now();
    expect(state.needsAttention, 'nothing flagged').to.deep.equal([]);
    expect(state.unsynced, 'all sent in one run').to.equal(0);
    const { body } = await fhir('GET', 'Observation?_count=1000');
    const observations = (body!.entry as { resource: { component?: { code: { text?: string } }[] } }[]).map((e) => e.resource);
    expect(observations.length).to.equal(30);
    const words = observations.flatMap((o) => (o.component ?? []).map((c) => c.code.text));
    expect(words.length, 'a component per rated sign').to.be.at.least(30);
    expect(new Set(words), 'every rated sign in the words of the plan').to.deep.equal(new Set([plan.signs[0]!.text]));
  });

  it('a 429 on the question whether batches are taken: nothing more is sent until Retry-After has passed, then every contact lands once', async () => {
    // Found by the fault battery: a throttled CapabilityStatement read fell back to one request per record at once.
    const base = await fhirBaseUrl();
    const times: { at: number; what: string }[] = [];
    let throttled = false;
    const fetchFn: typeof fetch = async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      times.push({ at: performance.now(), what: `${init?.method ?? 'GET'} ${url.pathname}` });
      if (!throttled && url.pathname.endsWith('/metadata')) {
        throttled = true;
        return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'throttled' }] }), { status: 429, headers: { 'content-type': 'application/fhir+json', 'retry-after': '1' } });
      }
      return fetch(input, init);
    };
    const local = indexedDbStore({ name: dbName(), persist: false });
    const s = syncedStore({ local, remote: fhirStore({ baseUrl: base, fetch: fetchFn, timeoutMs: 2_000 }), auto: false, retry: { baseMs: 5, maxMs: 20 } });
    closing.push(() => s.close?.());
    const written: Contact[] = [];
    for (let i = 0; i < 5; i++) written.push(await s.put('contact', validContact({ note: `Throttled contact ${i}` })));
    const state = await drain(s);
    expect(state.needsAttention).to.deep.equal([]);
    const first = times.findIndex((t) => t.what.endsWith('/metadata'));
    expect(first, 'metadata asked').to.be.at.least(0);
    const next = times[first + 1];
    expect(next, 'something sent after the 429').to.not.equal(undefined);
    expect(next!.at - times[first]!.at, `the next request (${next!.what}) waited the second asked for`).to.be.at.least(950);
    await expectLandedOnce(s, local, written);
  });
});
