// The caseload summary on the FHIR store (issue 21; docs/adr/0023-caseload-summary.md, "FHIR"): the same synthetic
// records written to the memory store and to a real FHIR engine over HTTP give the same summary; a 40-person caseload
// takes a handful of requests; and a server that ignores the person search parameter never makes it quietly wrong.
// Synthetic people only (NHS numbers from the 999 test range).
import { expect } from '@open-wc/testing';
import { fhirStore, memoryStore, type Store } from '@strkit/sdk';
import { clientAs, rejectsWith, tickingClock } from '../../packages/sdk/src/client.fixtures.js';
import type { CaseloadSummary } from '../../packages/sdk/src/client-caseload.js';
import { fhir, fhirBaseUrl, resetEngine } from './engine.js';

const SUMMARY_AT = '2026-06-09T12:01:00Z'; // Tuesday 9 June 2026, 13:01 in the UK
const EARLY = '00000000-0000-4000-8000-0000000c5e01';
const LATE = '00000000-0000-4000-8000-0000000c5e02';

/** Every write goes to both stores (the FHIR one with its own versions); reads come from the memory store. */
function teeStore(memory: Store, fhir: Store): Store {
  const versions = new Map<string, string>();
  return {
    name: 'tee', durability: 'device',
    get: (type, id) => memory.get(type, id),
    list: (type, q) => memory.list(type, q),
    history: (type, id) => memory.history(type, id),
    subscribe: (l) => memory.subscribe(l),
    async put(type, record, expectedVersion) {
      const saved = await memory.put(type, record, expectedVersion);
      const key = `${type}/${record.id}`;
      const there = await fhir.put(type, record, expectedVersion === undefined ? undefined : versions.get(key));
      versions.set(key, there.version);
      return saved;
    },
  };
}

/** NHS numbers from the 999 test range with a valid modulus-11 check digit. */
function nhsNumbers(n: number): string[] {
  const out: string[] = [];
  for (let i = 1; out.length < n; i++) {
    const digits = `999${String(i).padStart(6, '0')}`;
    const sum = [...digits].reduce((s, d, k) => s + Number(d) * (10 - k), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    out.push(`${digits}${check === 11 ? 0 : check}`);
  }
  return out;
}

const NAMES = ['Ada', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jon', 'Kit', 'Lou', 'Max', 'Nia', 'Oz'];

/**
 * Fifteen people, varied: contacts overdue, due, within, none; did-not-attend and entered-in-error contacts newer than
 * the last attended one; open and overdue alerts; a rising check; tasks overdue; reviews due and overdue; an
 * entered-in-error care plan; a person on two teams (the newer one decides); a team that ended; people on another
 * worker's caseload (so a server that ignores the person parameter returns more than asked).
 */
async function seed(store: Store): Promise<void> {
  const cc = clientAs(store, 'care-coordinator', 'cc-1', tickingClock('2026-05-01T08:00:00Z'));
  const worker = clientAs(store, 'str-worker', 'worker-1', tickingClock('2026-06-08T06:00:00Z'));
  const lateCc = clientAs(store, 'care-coordinator', 'cc-1', tickingClock('2026-06-09T09:00:00Z'));
  const logger = clientAs(store, 'str-worker', 'worker-1', tickingClock('2026-06-09T11:00:00Z'));
  const ahead = clientAs(store, 'str-worker', 'worker-1', tickingClock('2026-06-11T11:00:00Z')); // logs a contact after the summary's day
  const nhs = nhsNumbers(NAMES.length);
  const every = ['weekly', 'twice-weekly', 'fortnightly', 'four-weekly', 'monthly'] as const;
  for (const [i, name] of NAMES.entries()) {
    const p = await cc.serviceUsers.create({ displayName: `${name} Testperson`, nhsNumber: nhs[i]! });
    const mine = i !== 5 && i !== 13; // two people are another worker's
    await cc.careTeams.create({ serviceUserId: p.id, name: 'North community team', participants: [{ workerId: 'cc-1', role: 'care-coordinator' }, { workerId: mine ? 'worker-1' : 'worker-2', role: 'str-worker' }] });
    if (i === 3) await cc.careTeams.create({ serviceUserId: p.id, name: 'Early intervention team', participants: [{ workerId: 'worker-1', role: 'str-worker', from: '2026-05-20' }] }); // two teams: the newer counts
    if (i === 6) {
      const t = await cc.careTeams.create({ serviceUserId: p.id, name: 'Ended team', participants: [{ workerId: 'worker-1', role: 'str-worker' }] });
      await cc.careTeams.update(t.id, { status: 'inactive' }, t.version); // the newest team ended: the older active one counts
    }
    if (i === 7) {
      const t = (await cc.careTeams.current(p.id))!;
      await cc.careTeams.update(t.id, { status: 'inactive' }, t.version); // their only team ended: not on anyone's caseload
    }
    if (i === 10) {
      const wrong = await cc.carePlans.create({ serviceUserId: p.id, status: 'active', contactFrequency: { every: 'twice-weekly', from: '2026-06-01' }, nextReviewOn: '2026-06-01' });
      await cc.carePlans.markEnteredInError(wrong.id, 'Made for the wrong person', wrong.version);
    }
    if (i !== 9) {
      const plan = await cc.carePlans.create({
        serviceUserId: p.id, status: 'active', contactFrequency: { every: every[i % every.length]!, from: '2026-05-01' },
        ...(i % 3 === 0 && { nextReviewOn: i % 2 === 0 ? '2026-06-05' : '2026-06-12' }),
      });
      const goal = await cc.goals.create({ carePlanId: plan.id, text: 'Get out to the allotment each week', lifeArea: 'leisure' });
      if (i % 2 === 1) await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Ring the allotment society', owner: { kind: 'service-user' }, dueDate: `2026-06-0${(i % 7) + 1}` });
      await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Book the bus pass review', owner: { kind: 'worker', workerId: 'worker-1' }, dueDate: '2026-06-20' });
    }
    const seen = (day: string, attendance: '5' | '3' | '2' = '5', by = logger) =>
      by.contacts.create({ serviceUserId: p.id, start: `${day}T10:00:00+01:00`, durationMinutes: 45, mechanism: '02', locationType: 'A01', attendance, note: `Walked to the shops with ${name}.` });
    if (i !== 11) await seen(`2026-05-${String(10 + i).padStart(2, '0')}`);
    if (i % 4 === 0) await seen('2026-06-05', '3'); // did not attend: never resets the count
    if (i % 4 === 1) {
      const c = await seen('2026-06-06');
      await logger.contacts.markEnteredInError(c.id, 'Logged against the wrong person', c.version);
    }
    if (i % 4 === 2) await seen('2026-06-08');
    if (i === 12) await seen('2026-06-10', '5', ahead); // after the summary's day: not the last contact
    if (i % 3 === 1) {
      const signs = await cc.warningSignPlans.create({ serviceUserId: p.id, signs: [{ id: EARLY, text: 'Sleeping badly', stage: 'early', response: 'Talk it through' }, { id: LATE, text: 'Hearing voices again', stage: 'late', response: 'Ring the crisis team' }] });
      for (const [k, r] of ([0, 0, 0] as const).entries()) await worker.signChecks.create({ planId: signs.id, at: `2026-05-2${k}T10:00:00+01:00`, ratings: { [EARLY]: r, [LATE]: 0 } });
      const last = await worker.signChecks.create({ planId: signs.id, ratings: { [EARLY]: i === 1 ? 3 : 1, [LATE]: i === 4 ? 2 : 0 } });
      if (i === 4) await worker.alerts.create({ checkId: last.id }); // raised about 06:00 UTC on 8 June: overdue
      if (i === 1) await lateCc.alerts.create({ checkId: last.id }); // raised at 09:00 on 9 June: open, 3 hours
    }
  }
}

const summaryOf = (store: Store) => clientAs(store, 'str-worker', 'worker-1', tickingClock(SUMMARY_AT)).caseload.summary();

/** Removes what differs by store and by run (the instant the summary was made: the same ticking clock gives the same one). */
const comparable = (s: CaseloadSummary) => JSON.parse(JSON.stringify(s)) as CaseloadSummary;

/** A fetch that counts requests, and can rewrite each before it goes (a proxy in the way). */
function countingFetch(rewrite: (url: string, init?: RequestInit) => [string, RequestInit | undefined] = (u, i) => [u, i]) {
  const seen: string[] = [];
  const f = ((input: RequestInfo | URL, init?: RequestInit) => {
    const [url, rewritten] = rewrite(String(input), init);
    seen.push(`${rewritten?.method ?? 'GET'} ${new URL(url).pathname.split('/').pop()}`);
    return fetch(url, rewritten);
  }) as typeof fetch;
  return { fetch: f, seen };
}

/** A search URL without its `subject` parameter, as a server that does not know it would read it. */
const stripSubject = (url: string) => url.replace(/([?&])subject=[^&]*&?/g, '$1').replace(/[?&]$/, '');

type Linked = { link?: { relation: string }[]; entry?: { resource?: { link?: { relation: string }[] } }[] };
/** A Bundle (and the searchsets of a batch reply) without self links: a server that does not say what it searched. */
function withoutSelfLinks(b: Linked): Linked {
  b.link = b.link?.filter((l) => l.relation !== 'self');
  for (const e of b.entry ?? []) if (e.resource?.link) e.resource.link = e.resource.link.filter((l) => l.relation !== 'self');
  return b;
}

describe('caseload summary on the FHIR store', function () {
  this.timeout(300_000);
  let memory: Store;
  let expected: CaseloadSummary;
  let baseUrl: string;

  before(async () => {
    await resetEngine();
    baseUrl = await fhirBaseUrl();
    memory = memoryStore();
    await seed(teeStore(memory, fhirStore({ baseUrl })));
    expected = comparable(await summaryOf(memory));
  });

  it('the seeded caseload is varied: every kind of reason, and the people who are not on it left out', () => {
    const codes = new Set(expected.people.flatMap((p) => p.reasons.map((r) => r.code)));
    for (const code of ['alert-overdue', 'alert-open', 'sign-check-rise', 'contact-overdue', 'no-contact', 'tasks-overdue', 'review-overdue', 'review-due', 'no-frequency']) {
      expect(codes.has(code as never), code).to.equal(true);
    }
    const names = expected.people.map((p) => p.displayName);
    expect(names).to.include('Dan Testperson').and.include('Gus Testperson');
    expect(names).not.to.include('Hal Testperson'); // their only team ended
    expect(names).not.to.include('Fay Testperson').and.not.include('Nia Testperson'); // another worker's
    expect(expected.people).to.have.length(12);
  });

  it('equals the memory store’s summary for the same records', async () => {
    const unreadable: unknown[] = [];
    const s = await clientAs(fhirStore({ baseUrl }), 'str-worker', 'worker-1', tickingClock(SUMMARY_AT)).caseload.summary({ onUnreadable: (u) => unreadable.push(...u) });
    expect(comparable(s)).to.deep.equal(expected);
    expect(unreadable).to.deep.equal([]);
  });

  for (const path of ['in few round trips', 'person by person (a store without readPeople)'] as const) {
    it(`a server that ignores the person parameter (and says nothing of it) still gives the right caseload: ${path}`, async () => {
      // A proxy drops `subject=` from every search, and the self link that would show it: the server returns everyone's.
      const proxy = countingFetch((url, init) => {
        if (init?.method === 'POST' && typeof init.body === 'string' && init.body.includes('"type":"batch"')) {
          const bundle = JSON.parse(init.body) as { entry: { request: { url: string } }[] };
          for (const e of bundle.entry) e.request.url = stripSubject(e.request.url);
          return [url, { ...init, body: JSON.stringify(bundle) }];
        }
        return [stripSubject(url), init];
      });
      const unlinking: typeof fetch = async (input, init) => {
        const res = await proxy.fetch(input, init);
        const text = await res.text();
        return new Response(text ? JSON.stringify(withoutSelfLinks(JSON.parse(text))) : '', { status: res.status, headers: res.headers });
      };
      const store = fhirStore({ baseUrl, fetch: unlinking });
      const s = await summaryOf(path === 'in few round trips' ? store : { ...store, readPeople: undefined });
      expect(comparable(s)).to.deep.equal(expected);
      expect(proxy.seen.some((r) => r.startsWith('POST') || r.includes('Encounter'))).to.equal(true);
    });
  }

  it('a server that ignores the person parameter and says so (its self link) is a clear error, never a wrong caseload', async () => {
    const proxy = countingFetch((url, init) => {
      if (init?.method === 'POST' && typeof init.body === 'string' && init.body.includes('"type":"batch"')) {
        const bundle = JSON.parse(init.body) as { entry: { request: { url: string } }[] };
        for (const e of bundle.entry) e.request.url = stripSubject(e.request.url);
        return [url, { ...init, body: JSON.stringify(bundle) }];
      }
      return [stripSubject(url), init];
    });
    // Its self link leaves `subject` out: the reply is not to what was asked, so the read fails (retryable), whole.
    const e = await rejectsWith(summaryOf(fhirStore({ baseUrl, fetch: proxy.fetch })), 'transport');
    expect(e.retryable).to.equal(true);
    expect(e.message).to.match(/another subject/);
  });

  it('follows every page: a server that gives 3 results a page, whatever _count asks, gives the same summary', async () => {
    const small = (u: string) => u.replace(/_count=\d+/, '_count=3');
    const paging = countingFetch((url, init) => {
      if (init?.method === 'POST' && typeof init.body === 'string' && init.body.includes('"type":"batch"')) {
        const bundle = JSON.parse(init.body) as { entry: { request: { url: string } }[] };
        for (const e of bundle.entry) e.request.url = small(e.request.url);
        return [url, { ...init, body: JSON.stringify(bundle) }];
      }
      return [small(url), init];
    });
    const s = await summaryOf(fhirStore({ baseUrl, fetch: paging.fetch }));
    expect(comparable(s)).to.deep.equal(expected);
    expect(paging.seen.filter((r) => r === 'GET Encounter').length).to.be.greaterThan(3); // next pages of the batch's search
  });

  it('a record system that refuses batch Bundles gets the searches one by one, with the same summary', async () => {
    const control = (body: object) => fetch(baseUrl.replace(/\/fhir\/R4$/, '/__control'), { method: 'POST', body: JSON.stringify(body) });
    await control({ noBatch: true });
    try {
      const counted = countingFetch();
      const s = await summaryOf(fhirStore({ baseUrl, fetch: counted.fetch }));
      expect(comparable(s)).to.deep.equal(expected);
      // The one refused Bundle, then each of its searches alone.
      expect(counted.seen.filter((r) => r.startsWith('POST'))).to.have.length(1);
      expect(counted.seen.filter((r) => r.startsWith('GET Encounter'))).to.have.length(1);
    } finally {
      await control({});
    }
  });

  it('a resource whose Patient reference and person identifier disagree is reported, never given to either person', async () => {
    // Another system copies an open alert's Flag and points it at someone else's Patient, keeping the first person's
    // identifier: it cannot be checked to be about either, so neither gets an extra alert.
    const flags = (await fhir('GET', 'Flag?_count=100')).body as { entry: { resource: Record<string, unknown> & { subject: { reference: string }; identifier: { system: string; value: string }[] } }[] };
    const original = flags.entry.find((e) => e.resource['status'] === 'active')!.resource;
    const patients = (await fhir('GET', 'Patient?_count=100')).body as { entry: { resource: { id: string } }[] };
    const elsewhere = patients.entry.map((e) => `Patient/${e.resource.id}`).find((ref) => ref !== original.subject.reference)!;
    const plantedId = crypto.randomUUID();
    const { id: _id, meta: _meta, ...copy } = original;
    const planted = await fhir('POST', 'Flag', { ...copy, identifier: [{ system: 'urn:strkit:id', value: plantedId }], subject: { ...original.subject, reference: elsewhere } });
    expect(planted.status).to.equal(201);
    const unreadable: { id: string }[] = [];
    const s = await clientAs(fhirStore({ baseUrl }), 'str-worker', 'worker-1', tickingClock(SUMMARY_AT)).caseload.summary({ onUnreadable: (u) => unreadable.push(...u) });
    expect(comparable(s)).to.deep.equal(expected);
    expect(unreadable.map((u) => u.id)).to.deep.equal([plantedId]);
  });
});

describe('caseload summary on the FHIR store: round trips', function () {
  this.timeout(300_000);

  it('40 people on the caseload take at most 8 HTTP requests', async () => {
    await resetEngine();
    const baseUrl = await fhirBaseUrl();
    const writer = fhirStore({ baseUrl });
    const cc = clientAs(writer, 'care-coordinator', 'cc-1', tickingClock('2026-06-02T08:00:00Z'));
    const nhs = nhsNumbers(40);
    for (let i = 0; i < 40; i++) {
      const p = await cc.serviceUsers.create({ displayName: `Person ${i} Testperson`, nhsNumber: nhs[i]! });
      await cc.careTeams.create({ serviceUserId: p.id, name: 'North community team', participants: [{ workerId: 'worker-1', role: 'str-worker' }] });
      const plan = await cc.carePlans.create({ serviceUserId: p.id, status: 'active', contactFrequency: { every: 'weekly', from: '2026-05-01' } });
      const goal = await cc.goals.create({ carePlanId: plan.id, text: 'Cook a meal each week', lifeArea: 'leisure' });
      await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Buy a slow cooker', owner: { kind: 'service-user' }, dueDate: '2026-06-01' });
      for (const day of ['2026-05-20', '2026-06-01']) await cc.contacts.create({ serviceUserId: p.id, workerId: 'worker-1', start: `${day}T10:00:00+01:00`, durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', note: 'Cooked together.' });
    }
    const counted = countingFetch();
    const s = await clientAs(fhirStore({ baseUrl, fetch: counted.fetch }), 'str-worker', 'worker-1', tickingClock(SUMMARY_AT)).caseload.summary();
    expect(s.people).to.have.length(40);
    expect(s.people.every((p) => p.lastContact?.date === '2026-06-01' && p.tasks.overdue.length === 1)).to.equal(true);
    expect(counted.seen.length, counted.seen.join('\n')).to.be.at.most(8);
  });
});
