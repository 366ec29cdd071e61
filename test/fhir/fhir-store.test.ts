import { expect } from '@open-wc/testing';
import { contactToEncounter, createClient, fhirStore, isStrError, namespaceFrom, noteToDocumentReference, type Contact, type Store } from '@strkit/sdk';
import { digest } from '../../packages/sdk/src/adapters/fhir/map-common.js';
import '../../packages/components/src/define/str-contact-log.js';
import { html, render } from 'lit';
import { OTHER_PERSON_ID, PERSON_ID, validContact, validServiceUser } from '../helpers/fixtures.js';
import { fhir, fhirBaseUrl, injectFaults, resetEngine } from './engine.js';

async function engineWithPerson(options: Partial<Parameters<typeof fhirStore>[0]> = {}): Promise<Store> {
  await resetEngine();
  const store = fhirStore({ baseUrl: await fhirBaseUrl(), ...options });
  await store.put('serviceUser', validServiceUser({ id: PERSON_ID }));
  return store;
}

/** Encounters on the engine that carry this STR id. */
async function encountersFor(id: string) {
  const { body } = await fhir('GET', `Encounter?identifier=urn:strkit:id|${id}`);
  return ((body?.entry as { resource: { meta: { versionId: string } } }[]) ?? []).map((e) => e.resource);
}

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code: string; retryable: boolean };
  }
  throw new Error('expected a rejection');
}

describe('fhirStore: safe writes against a real engine', () => {
  it('the engine commits a create and drops the connection: the retry leaves exactly one, and version = server versionId', async () => {
    const store = await engineWithPerson();
    await injectFaults([{ method: 'POST', type: 'Encounter', kind: 'drop-after-commit' }]);
    const c = validContact();
    const stored = await store.put('contact', c);
    const onServer = await encountersFor(c.id);
    expect(onServer).to.have.length(1);
    expect(stored.version).to.equal(onServer[0]!.meta.versionId);
    expect(await store.get('contact', c.id)).to.deep.equal(stored);
  });

  it('an update committed but not acknowledged is recognised on retry (412 with our own content), not reported as conflict', async () => {
    const store = await engineWithPerson();
    const v1 = await store.put('contact', validContact({ note: 'one' }));
    await injectFaults([{ method: 'PUT', type: 'Encounter', kind: 'drop-after-commit' }]);
    const v2 = await store.put('contact', { ...v1, note: 'two' }, v1.version);
    expect(v2.version).to.equal((await encountersFor(v1.id))[0]!.meta.versionId);
    expect((await store.history('contact', v1.id)).map((h) => h.note)).to.deep.equal(['one', 'two']);
  });

  it('a stale update gets conflict and changes nothing on the server', async () => {
    const store = await engineWithPerson();
    const v1 = await store.put('contact', validContact({ note: 'one' }));
    const v2 = await store.put('contact', { ...v1, note: 'two' }, v1.version);
    const err = await rejection(store.put('contact', { ...v1, note: 'stale' }, v1.version));
    expect(err.code).to.equal('conflict');
    const onServer = await encountersFor(v1.id);
    expect(onServer[0]!.meta.versionId).to.equal(v2.version);
    expect((await store.get('contact', v1.id))?.note).to.equal('two');
  });

  it('20 parallel retries of one create store one resource', async () => {
    await engineWithPerson();
    const c = validContact();
    const base = await fhirBaseUrl();
    const results = await Promise.all(Array.from({ length: 20 }, () => fhirStore({ baseUrl: base }).put('contact', c)));
    expect(new Set(results.map((r) => r.version)).size).to.equal(1);
    expect(await encountersFor(c.id)).to.have.length(1);
    const { body } = await fhir('GET', `DocumentReference?identifier=urn:strkit:note-id|${c.id}.`);
    expect(body?.total ?? (body?.entry as unknown[] | undefined)?.length ?? 0).to.be.at.most(1);
  });

  it('transient failures (500, 503, 429, a dropped connection) are retried; too many become a retryable transport error', async () => {
    const store = await engineWithPerson();
    await injectFaults([
      { method: 'POST', type: 'Encounter', kind: 'status-500' },
      { method: 'POST', type: 'Encounter', kind: 'status-429' },
    ]);
    const c = await store.put('contact', validContact());
    expect(await encountersFor(c.id)).to.have.length(1);
    await injectFaults([{ method: 'GET', type: 'Encounter', kind: 'status-503', times: 10 }]);
    const err = await rejection(store.get('contact', c.id));
    expect(err).to.deep.include({ code: 'transport', retryable: true });
  });

  it('a stalled request times out as a retryable transport error', async () => {
    const store = await engineWithPerson({ timeoutMs: 300, attempts: 1 });
    await injectFaults([{ method: 'GET', type: 'Encounter', kind: 'stall' }]);
    const err = await rejection(store.get('contact', crypto.randomUUID()));
    expect(err).to.deep.include({ code: 'transport', retryable: true });
  });
});

describe('fhirStore: tokens and refusals', () => {
  it('401 → asks getToken for a fresh token once and retries; still 401 → unauthenticated', async () => {
    await resetEngine();
    const calls: boolean[] = [];
    let current = 'stale-token';
    const store = fhirStore({
      baseUrl: await fhirBaseUrl(),
      getToken: ({ refresh }) => {
        calls.push(refresh);
        if (refresh) current = 'good-token';
        return current;
      },
    });
    await injectFaults([], 'good-token');
    await store.put('serviceUser', validServiceUser({ id: PERSON_ID }));
    expect(calls).to.deep.equal([false, true]);

    const never = fhirStore({ baseUrl: await fhirBaseUrl(), getToken: () => 'wrong' });
    const err = await rejection(never.get('serviceUser', PERSON_ID));
    expect(err.code).to.equal('unauthenticated');
    await injectFaults([]);
  });

  it('never follows a next link to another origin', async () => {
    const store = await engineWithPerson({
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        const text = await res.text();
        // A hostile or misconfigured server pointing the next page elsewhere.
        const tampered = text.replace(/"relation":"self"/, '"relation":"self"').replace(/("link":\[)/, '$1{"relation":"next","url":"http://127.0.0.2:9/fhir/R4/Encounter"},');
        return new Response(tampered, { status: res.status, headers: res.headers });
      },
    });
    const err = await rejection(store.list('contact', { serviceUserId: PERSON_ID }));
    expect(err.code).to.equal('transport');
  });

  it('a server that ignores the subject parameter (and drops its self link) never lists another person’s contacts (issue 21)', async () => {
    const writer = await engineWithPerson();
    await writer.put('serviceUser', validServiceUser({ id: OTHER_PERSON_ID, displayName: 'Bo Testperson', nhsNumber: '9990000026' }));
    const mine = await writer.put('contact', validContact());
    await writer.put('contact', validContact({ id: crypto.randomUUID(), serviceUserId: OTHER_PERSON_ID }));
    const store = fhirStore({
      baseUrl: await fhirBaseUrl(),
      fetch: async (input, init) => {
        const res = await fetch(String(input).replace(/([?&])subject=[^&]*/, '$1'), init);
        const text = await res.text();
        return new Response(text.replace(/\{"relation":"self","url":"[^"]*"\},?/g, ''), { status: res.status, headers: res.headers });
      },
    });
    expect((await store.list('contact', { serviceUserId: PERSON_ID })).items.map((c) => c.id)).to.deep.equal([mine.id]);
  });
});

describe('fhirStore: resources made outside STR Kit', () => {
  it('an Encounter, a CarePlan and a Flag without an STR identifier never crash the client; a broken STR resource is a mapping error', async () => {
    const store = await engineWithPerson();
    const client = createClient({ store, actor: { id: 'w1', role: 'str-worker' } });
    const mine = await client.contacts.create({ serviceUserId: PERSON_ID, start: '2026-06-03T10:00:00+01:00', durationMinutes: 20, mechanism: '02', locationType: 'A01', attendance: '5', note: 'Phone call.' });
    const { body: patients } = await fhir('GET', `Patient?identifier=urn:strkit:id|${PERSON_ID}`);
    const patientRef = `Patient/${(patients!.entry as { resource: { id: string } }[])[0]!.resource.id}`;
    const foreign = [
      { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject: { reference: patientRef }, text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></div>' } },
      { resourceType: 'CarePlan', status: 'active', intent: 'plan', subject: { reference: patientRef } },
      { resourceType: 'Flag', status: 'active', code: { text: 'Risk' }, subject: { reference: patientRef } },
    ];
    for (const r of foreign) expect((await fhir('POST', r.resourceType, r)).status).to.equal(201);
    const page = await client.contacts.list({ serviceUserId: PERSON_ID });
    expect(page.items.map((c) => c.id)).to.deep.equal([mine.id]);

    // Someone else's system wrote an Encounter with our identifier but not our shape.
    const brokenId = crypto.randomUUID();
    await fhir('POST', 'Encounter', { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, identifier: [{ system: 'urn:strkit:id', value: brokenId }], subject: { reference: patientRef } });
    const err = await rejection(client.contacts.get(brokenId));
    expect(isStrError(err, 'mapping')).to.equal(true);
  });
});

describe('fhirStore: a widget over foreign resources', () => {
  it('<str-contact-log> on the FHIR store shows STR contacts and ignores an Encounter, CarePlan and Flag made elsewhere', async function () {
    this.timeout(60_000);
    const store = await engineWithPerson();
    const client = createClient({ store, actor: { id: 'w1', role: 'str-worker' }, clock: { now: () => new Date('2026-06-05T16:00:00Z') } });
    await client.contacts.create({ serviceUserId: PERSON_ID, start: '2026-06-03T10:00:00+01:00', durationMinutes: 20, mechanism: '02', locationType: 'A01', attendance: '5', note: 'Ours' });
    const { body: patients } = await fhir('GET', `Patient?identifier=urn:strkit:id|${PERSON_ID}`);
    const subject = { reference: `Patient/${(patients!.entry as { resource: { id: string } }[])[0]!.resource.id}` };
    for (const r of [
      { resourceType: 'Encounter', status: 'in-progress', class: { code: 'IMP' }, subject, period: { start: '2026-06-04T10:00:00Z' }, text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="window.__pwned=3"/></div>' } },
      { resourceType: 'CarePlan', status: 'active', intent: 'plan', subject },
      { resourceType: 'Flag', status: 'active', code: { text: 'Risk' }, subject },
    ]) expect((await fhir('POST', r.resourceType, r)).status).to.equal(201);
    const host = document.createElement('div');
    document.body.append(host);
    const el = document.createElement('str-contact-log');
    el.client = client;
    el.setAttribute('service-user-id', PERSON_ID);
    host.append(el);
    for (let i = 0; i < 600 && !el.shadowRoot?.querySelector('.history li'); i++) await new Promise((r) => requestAnimationFrame(r));
    const rows = [...el.shadowRoot!.querySelectorAll('.history li')];
    expect(rows.map((r) => r.querySelector('.note')?.textContent)).to.deep.equal(['Ours']);
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    host.remove();
  });
});

describe('fhirStore: paging', () => {
  it('1,000 contacts for one person are listed completely, once each, in order (server pages of 200 with next links)', async function () {
    this.timeout(120_000);
    const store = await engineWithPerson();
    const base = Date.parse('2026-01-01T09:00:00Z');
    const made: Contact[] = [];
    for (let i = 0; i < 1000; i++) {
      // Some share a start time and durations differ, so neither server order nor the start alone decides.
      made.push(validContact({ start: new Date(base + Math.floor(i / 3) * 3_600_000).toISOString(), durationMinutes: 1 + (i % 90), note: i % 4 ? `note ${i}` : '' }));
    }
    // Seed as another system would, in FHIR batches (the store's own writes are tested above).
    const ns = namespaceFrom();
    const { body: patients } = await fhir('GET', `Patient?identifier=urn:strkit:id|${PERSON_ID}`);
    const patientReference = `Patient/${(patients!.entry as { resource: { id: string } }[])[0]!.resource.id}`;
    for (let i = 0; i < made.length; i += 100) {
      const entry = made.slice(i, i + 100).flatMap((c) => {
        const d = c.note ? digest(c.note) : undefined;
        const enc = contactToEncounter(c, { patientReference }, d, ns);
        const doc = d ? [noteToDocumentReference(c, { patientReference }, d, ns)] : [];
        return [enc, ...doc].map((resource) => ({ resource, request: { method: 'POST', url: resource.resourceType } }));
      });
      const res = await fhir('POST', '', { resourceType: 'Bundle', type: 'batch', entry });
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).to.equal(200);
    }
    const seen: Contact[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list<'contact'>('contact', { serviceUserId: PERSON_ID, limit: 150, ...(cursor && { cursor }) });
      seen.push(...page.items);
      cursor = page.next;
    } while (cursor);
    expect(seen).to.have.length(1000);
    expect(new Set(seen.map((c) => c.id)).size).to.equal(1000);
    const keys = seen.map((c) => [Date.parse(c.start), c.id] as const);
    for (let i = 1; i < keys.length; i++) {
      const [k0, id0] = keys[i - 1]!;
      const [k1, id1] = keys[i]!;
      expect(k0 > k1 || (k0 === k1 && id0 > id1), `order at ${i}`).to.equal(true);
    }
    const byId = new Map(made.map((c) => [c.id, c.note]));
    expect(seen.every((c) => byId.get(c.id) === c.note)).to.equal(true);
  });
});

describe('fhirStore: paging reads each page once', () => {
  it('a later page reads only the contacts that start at or before its cursor, not every match again', async function () {
    this.timeout(60_000);
    let read = 0;
    const counting: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (/\/Encounter\?/.test(url)) read += ((await res.clone().json()) as { entry?: unknown[] }).entry?.length ?? 0;
      return res;
    };
    await engineWithPerson();
    const store = fhirStore({ baseUrl: await fhirBaseUrl(), fetch: counting });
    const base = Date.parse('2025-01-01T09:00:00Z');
    const made = Array.from({ length: 300 }, (_, i) => validContact({ id: crypto.randomUUID(), start: new Date(base + i * 86_400_000).toISOString(), note: '' }));
    const ns = namespaceFrom();
    const { body: patients } = await fhir('GET', `Patient?identifier=urn:strkit:id|${PERSON_ID}`);
    const patientReference = `Patient/${(patients!.entry as { resource: { id: string } }[])[0]!.resource.id}`;
    for (let i = 0; i < made.length; i += 100) {
      const entry = made.slice(i, i + 100).map((c) => ({ resource: contactToEncounter(c, { patientReference }, undefined, ns), request: { method: 'POST', url: 'Encounter' } }));
      expect((await fhir('POST', '', { resourceType: 'Bundle', type: 'batch', entry })).status).to.equal(200);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list('contact', { serviceUserId: PERSON_ID, limit: 100, ...(cursor && { cursor }) });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).to.deep.equal([...made].reverse().map((c) => c.id));
    // 300 for the first page, then what starts at or before each cursor (a day's slack each): not 3 × 300.
    expect(read, `Encounters read for 3 pages of 100`).to.be.at.most(300 + 201 + 101);
  });
});

describe('fhirStore: text stays text', () => {
  it('narrative and string fields holding <script> and onerror= come back verbatim and render as text', async function () {
    this.timeout(60_000);
    const store = await engineWithPerson();
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const person = await store.put('serviceUser', validServiceUser({ displayName: hostile }));
    const contact = await store.put('contact', validContact({ note: hostile, othersPresent: [{ kind: 'other', role: '"><svg onload=alert(1)>' }] }));
    // A narrative written by another system is never read (Resource.text.div).
    const { body } = await fhir('GET', `Patient?identifier=urn:strkit:id|${person.id}`);
    const patient = (body!.entry as { resource: Record<string, unknown> }[])[0]!.resource;
    await fhir('PUT', `Patient/${patient.id}`, { ...patient, text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${'&lt;script&gt;'}</div>` } });
    const again = await fhirStore({ baseUrl: await fhirBaseUrl() }).get('serviceUser', person.id);
    expect(again?.displayName).to.equal(hostile);
    expect(again).to.not.have.property('text');
    const got = await store.get('contact', contact.id);
    expect(got?.note).to.equal(hostile);

    // Plain DOM, no fixture(): fixture waits for an animation frame, which a background test page may not get.
    const el = document.createElement('div');
    document.body.append(el);
    render(html`<p>${again!.displayName}</p><p>${got!.note}</p><p>${got!.othersPresent[0]!.role}</p>`, el as HTMLElement);
    expect(el.querySelectorAll('img, script, svg')).to.have.length(0);
    expect(el.textContent).to.include(hostile);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    el.remove();
  });
});
