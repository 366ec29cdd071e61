// client.caseload.summary over the store ports (issue 21; docs/adr/0023-caseload-summary.md): the memory store and a
// real IndexedDB, the role table, and the agreed contact frequency on the care plan. Synthetic people only.
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { indexedDbStore } from './adapters/indexeddb/indexeddb-store.js';
import { memoryStore } from './adapters/memory/memory-store.js';
import { syncedStore } from './sync.js';
import { clientAs, rejectsWith, tickingClock } from './client.fixtures.js';
import type { CaseloadSummary } from './client-caseload.js';
import type { PersonRead, PersonRecordType, Query, Store, Unreadable } from './ports.js';
import type { Role } from './schemas/people.js';
import type { RecordType } from './schemas/registry.js';

const LATE = '00000000-0000-4000-8000-00000000ca01';
const SUMMARY_AT = '2026-06-09T12:01:00Z'; // Tuesday 9 June 2026, 13:01 in the UK

/** Three people on worker-1's care teams, one on someone else's, one who joins worker-1's team next month. */
async function seed(store: Store) {
  const cc = clientAs(store, 'care-coordinator', 'cc-1', tickingClock('2026-06-08T06:00:00Z'));
  const worker = clientAs(store, 'str-worker', 'worker-1', tickingClock('2026-06-08T06:00:00Z'));
  const person = async (displayName: string, nhsNumber: string, workerId = 'worker-1', from?: string) => {
    const p = await cc.serviceUsers.create({ displayName, nhsNumber });
    await cc.careTeams.create({ serviceUserId: p.id, name: 'North community team', participants: [{ workerId: 'cc-1', role: 'care-coordinator' }, { workerId, role: 'str-worker', ...(from && { from }) }] });
    await cc.carePlans.create({ serviceUserId: p.id, status: 'active', contactFrequency: { every: 'weekly', from: '2026-05-01' } });
    return p;
  };
  const seen = (serviceUserId: string, start: string, attendance: '5' | '3' = '5') =>
    worker.contacts.create({ serviceUserId, start, durationMinutes: 45, mechanism: '02', locationType: 'A01', attendance });
  const ada = await person('Ada Testperson', '9990000018');
  await seen(ada.id, '2026-05-28T10:00:00+01:00');
  await seen(ada.id, '2026-06-05T10:00:00+01:00', '3'); // did not attend: not a contact
  const ben = await person('Ben Testperson', '9990000026');
  await seen(ben.id, '2026-06-08T06:30:00+01:00');
  const signs = await cc.warningSignPlans.create({ serviceUserId: ben.id, signs: [{ id: LATE, text: 'Hearing voices again', stage: 'late', response: 'Ring the crisis team' }] });
  const check = await worker.signChecks.create({ planId: signs.id, ratings: { [LATE]: 2 } });
  await worker.alerts.create({ checkId: check.id }); // raised about 06:00 UTC on 8 June: 30 hours before the summary
  const cat = await person('Cat Testperson', '9990000034');
  await seen(cat.id, '2026-06-08T06:45:00+01:00');
  await person('Dan Testperson', '9990000042', 'worker-2');
  await person('Eve Testperson', '9990000050', 'worker-1', '2026-07-01');
  return { cc, ada, ben, cat };
}

const summaryAs = (store: Store, role: Role, id: string, options?: object) =>
  clientAs(store, role, id, tickingClock(SUMMARY_AT)).caseload.summary(options as never);
const brief = (s: CaseloadSummary) => s.people.map((p) => [p.displayName, p.reasons.map((r) => r.text)]);

const EXPECTED = [
  ['Ben Testperson', ['Alert not acknowledged for 30 hours']],
  ['Ada Testperson', ['No contact for 12 days — agreed weekly']],
  ['Cat Testperson', []],
];

describe('client.caseload.summary', () => {
  it('summarises the worker’s own caseload from their care teams, in order of need (memory store)', async () => {
    const store = memoryStore();
    const { ada } = await seed(store);
    const s = await summaryAs(store, 'str-worker', 'worker-1');
    expect(s).to.include({ workerId: 'worker-1', today: '2026-06-09' });
    expect(brief(s)).to.deep.equal(EXPECTED);
    const adaSummary = s.people.find((p) => p.serviceUserId === ada.id)!;
    expect(adaSummary.lastContact).to.include({ date: '2026-05-28', daysSince: 12 });
    expect(adaSummary.contactFrequency).to.deep.equal({ every: 'weekly', from: '2026-05-01', agreedBy: 'cc-1' });
    expect(s.people[0]!.lastSignCheck).to.include({ fires: true });
  });

  it('gives the same summary through a real IndexedDB store', async () => {
    const name = `caseload-${Date.now()}`;
    const store = indexedDbStore({ name, persist: false });
    try {
      await seed(store);
      expect(brief(await summaryAs(store, 'str-worker', 'worker-1'))).to.deep.equal(EXPECTED);
    } finally {
      store.close();
      await deleteDB(name);
    }
  });

  it('plans for another day when asked: `today` moves the day counts, the alert’s hours stay by the clock', async () => {
    const store = memoryStore();
    await seed(store);
    const s = await summaryAs(store, 'str-worker', 'worker-1', { today: '2026-06-15' });
    expect(brief(s)).to.deep.equal([
      ['Ben Testperson', ['Alert not acknowledged for 30 hours', 'Contact due today — agreed weekly']],
      ['Ada Testperson', ['No contact for 18 days — agreed weekly']],
      ['Cat Testperson', ['Contact due today — agreed weekly']],
    ]);
    await rejectsWith(summaryAs(store, 'str-worker', 'worker-1', { today: '2026-02-30' }), 'validation');
    await rejectsWith(summaryAs(store, 'str-worker', 'worker-1', { today: 20260615 }), 'validation');
  });

  it('reads contacts newest first only until the last attended one, never a person’s whole history', async () => {
    const base = memoryStore();
    const cc = clientAs(base, 'care-coordinator', 'cc-1', tickingClock('2026-06-08T06:00:00Z'));
    const p = await cc.serviceUsers.create({ displayName: 'Fay Testperson' });
    await cc.careTeams.create({ serviceUserId: p.id, name: 'North community team', participants: [{ workerId: 'cc-1', role: 'care-coordinator' }] });
    for (let d = 1; d <= 60; d++) {
      const day = new Date(Date.UTC(2026, 3, d)).toISOString().slice(0, 10);
      await cc.contacts.create({ serviceUserId: p.id, start: `${day}T10:00:00+01:00`, durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5' });
    }
    let contactsRead = 0;
    const counting = Object.create(base) as Store;
    counting.list = async <T extends RecordType>(type: T, q?: Query) => {
      const page = await base.list(type, q);
      if (type === 'contact') contactsRead += page.items.length;
      return page;
    };
    const s = await clientAs(counting, 'care-coordinator', 'cc-1', tickingClock(SUMMARY_AT)).caseload.summary();
    expect(s.people[0]!.lastContact).to.include({ date: '2026-05-30' });
    expect(contactsRead).to.be.at.most(20);
  });
});

describe('client.caseload.summary through a store that reads many people at once (readPeople)', () => {
  it('uses it in place of person-by-person reads, and gives the same summary', async () => {
    const base = memoryStore();
    await seed(base);
    let listed = 0;
    const store: Store = {
      ...base,
      list: (type, q) => {
        if (type !== 'careTeam') listed++;
        return base.list(type, q);
      },
      readPeople: async (ids, { contactsUntil }) => {
        const people = new Map<string, PersonRead>();
        for (const id of ids) {
          const all = async <T extends PersonRecordType>(type: T) => (await base.list(type, { serviceUserId: id, limit: 10_000 })).items;
          const contacts = (await base.list('contact', { serviceUserId: id, limit: 10_000 })).items.filter((c) => c.start.slice(0, 10) <= contactsUntil);
          people.set(id, { serviceUser: await base.get('serviceUser', id), contacts, records: { carePlan: await all('carePlan'), task: await all('task'), alert: await all('alert'), warningSignPlan: await all('warningSignPlan'), signCheck: await all('signCheck') } });
        }
        return { people, unreadable: [] };
      },
    };
    expect(brief(await summaryAs(store, 'str-worker', 'worker-1'))).to.deep.equal(EXPECTED);
    expect(listed).to.equal(0);
  });

  it('never counts a record the store gave for another person: it is reported instead', async () => {
    const base = memoryStore();
    const { ben, ada } = await seed(base);
    const benAlert = (await base.list('alert', { serviceUserId: ben.id })).items;
    const store: Store = {
      ...base,
      readPeople: async (ids) => {
        const people = new Map<string, PersonRead>();
        for (const id of ids) {
          const all = async <T extends PersonRecordType>(type: T) => (await base.list(type, { serviceUserId: id, limit: 10_000 })).items;
          const contacts = (await base.list('contact', { serviceUserId: id, limit: 10_000 })).items;
          // A faulty store hands Ben's alert to Ada too.
          const alerts = id === ada.id ? [...(await all('alert')), ...benAlert] : await all('alert');
          people.set(id, { serviceUser: await base.get('serviceUser', id), contacts, records: { carePlan: await all('carePlan'), task: await all('task'), alert: alerts, warningSignPlan: await all('warningSignPlan'), signCheck: await all('signCheck') } });
        }
        return { people, unreadable: [] };
      },
    };
    const unreadable: Unreadable[] = [];
    const s = await summaryAs(store, 'str-worker', 'worker-1', { onUnreadable: (u: readonly Unreadable[]) => unreadable.push(...u) });
    expect(brief(s)).to.deep.equal(EXPECTED);
    expect(unreadable.map((u) => u.id)).to.deep.equal(benAlert.map((a) => a.id));
  });
});

describe('client.caseload.summary with syncedStore', () => {
  it('counts each person’s changes saved on this device and not yet in the record system', async () => {
    const name = `caseload-synced-${Date.now()}`;
    const store = syncedStore({ local: indexedDbStore({ name, persist: false }), remote: memoryStore(), auto: false });
    try {
      const cc = clientAs(store, 'care-coordinator', 'cc-1', tickingClock('2026-06-09T08:00:00Z'));
      const p = await cc.serviceUsers.create({ displayName: 'Jo Testperson' });
      await cc.careTeams.create({ serviceUserId: p.id, name: 'North community team', participants: [{ workerId: 'worker-1', role: 'str-worker' }] });
      await cc.carePlans.create({ serviceUserId: p.id, status: 'active', contactFrequency: { every: 'weekly', from: '2026-06-01' } });
      await cc.contacts.create({ serviceUserId: p.id, workerId: 'worker-1', start: '2026-06-09T08:30:00+01:00', durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5' });
      const s = await summaryAs(store, 'str-worker', 'worker-1');
      expect(s.people.map((x) => [x.unsynced, x.reasons])).to.deep.equal([
        [4, [{ code: 'unsynced', params: { count: 4 }, text: '4 changes not yet sent to the record system' }]],
      ]);
    } finally {
      store.close?.();
      await deleteDB(name);
    }
  });
});

describe('client.caseload.summary: who may see whose caseload', () => {
  let store: Store;
  before(async () => {
    store = memoryStore();
    await seed(store);
  });

  for (const role of ['str-worker', 'peer-support-worker'] as const) {
    it(`${role}: their own, never another worker’s`, async () => {
      expect((await summaryAs(store, role, 'worker-1')).people).to.have.length(3);
      expect((await summaryAs(store, role, 'worker-1', { workerId: 'worker-1' })).people).to.have.length(3);
      await rejectsWith(summaryAs(store, role, 'worker-1', { workerId: 'worker-2' }), 'forbidden');
    });
  }

  for (const role of ['care-coordinator', 'team-lead'] as const) {
    it(`${role}: may choose any worker`, async () => {
      expect(brief(await summaryAs(store, role, 'lead-9', { workerId: 'worker-1' }))).to.deep.equal(EXPECTED);
      expect((await summaryAs(store, role, 'lead-9', { workerId: 'worker-2' })).people.map((p) => p.displayName)).to.deep.equal(['Dan Testperson']);
    });
  }

  it('viewer: their own (empty), never another worker’s', async () => {
    expect((await summaryAs(store, 'viewer', 'viewer-1')).people).to.deep.equal([]);
    await rejectsWith(summaryAs(store, 'viewer', 'viewer-1', { workerId: 'worker-1' }), 'forbidden');
  });

  it('refuses options it cannot read with a validation StrError', async () => {
    for (const bad of [null, 'worker-1', { workerId: '' }, { workerId: 7 }]) await rejectsWith(summaryAs(store, 'team-lead', 'lead-1', bad as object), 'validation');
  });
});

describe('the agreed contact frequency on the care plan', () => {
  it('is stored with who agreed it and from when, round-trips, changes and clears (memory and IndexedDB)', async () => {
    const name = `frequency-${Date.now()}`;
    for (const store of [memoryStore(), indexedDbStore({ name, persist: false })]) {
      const cc = clientAs(store, 'care-coordinator', 'cc-1');
      const p = await cc.serviceUsers.create({ displayName: 'Gus Testperson' });
      const plan = await cc.carePlans.create({ serviceUserId: p.id, contactFrequency: { every: 'twice-weekly', from: '2026-06-01' } });
      expect(plan.contactFrequency).to.deep.equal({ every: 'twice-weekly', from: '2026-06-01', agreedBy: 'cc-1' });
      expect((await cc.carePlans.get(plan.id)).contactFrequency).to.deep.equal(plan.contactFrequency);
      const changed = await cc.carePlans.update(plan.id, { contactFrequency: { every: 'fortnightly', from: '2026-07-01', agreedBy: 'cc-2' } }, plan.version);
      expect((await cc.carePlans.get(plan.id)).contactFrequency).to.deep.equal({ every: 'fortnightly', from: '2026-07-01', agreedBy: 'cc-2' });
      const cleared = await cc.carePlans.update(plan.id, { contactFrequency: null }, changed.version);
      expect(cleared).to.not.have.property('contactFrequency');
      expect((await cc.carePlans.history(plan.id)).map((v) => v.contactFrequency?.every)).to.deep.equal(['twice-weekly', 'fortnightly', undefined]);
      store.close?.();
    }
    await deleteDB(name);
  });

  it('refuses a frequency it does not know, or a date that is not one, with the field and words to fix it', async () => {
    const store = memoryStore();
    const cc = clientAs(store, 'care-coordinator', 'cc-1');
    const p = await cc.serviceUsers.create({ displayName: 'Hal Testperson' });
    const e = await rejectsWith(cc.carePlans.create({ serviceUserId: p.id, contactFrequency: { every: 'daily' as never, from: '2026-06-01' } }), 'validation');
    expect(e.details?.issues?.[0]).to.include({ path: 'contactFrequency.every', message: 'Choose how often to see the person: twice a week, weekly, every 2 weeks, every 4 weeks or monthly' });
    const d = await rejectsWith(cc.carePlans.create({ serviceUserId: p.id, contactFrequency: { every: 'weekly', from: '2026-02-30' } }), 'validation');
    expect(d.details?.issues?.[0]?.path).to.equal('contactFrequency.from');
    expect(e.message + d.message).to.not.include('Hal');
  });

  it('is agreed by co-ordinators and team leads only (the care plan’s role table)', async () => {
    const store = memoryStore();
    const cc = clientAs(store, 'care-coordinator', 'cc-1');
    const p = await cc.serviceUsers.create({ displayName: 'Ivy Testperson' });
    const plan = await cc.carePlans.create({ serviceUserId: p.id });
    await rejectsWith(clientAs(store, 'str-worker', 'worker-1').carePlans.update(plan.id, { contactFrequency: { every: 'weekly', from: '2026-06-01' } }, plan.version), 'forbidden');
    const lead = await clientAs(store, 'team-lead', 'lead-1').carePlans.update(plan.id, { contactFrequency: { every: 'monthly', from: '2026-06-01' } }, plan.version);
    expect(lead.contactFrequency?.agreedBy).to.equal('lead-1');
  });
});

describe('client.caseload.summary: new to you (ADR 0026)', () => {
  it('a person allocated to the worker from a date in the last 14 days is new to them, with the team’s reason; 15 days ago, or no date, is not', async () => {
    const store = memoryStore();
    const cc = clientAs(store, 'care-coordinator', 'cc-1', tickingClock('2026-06-08T06:00:00Z'));
    const allocate = async (displayName: string, nhsNumber: string, from?: string, changeReason?: string) => {
      const p = await cc.serviceUsers.create({ displayName, nhsNumber });
      await cc.careTeams.create({ serviceUserId: p.id, name: 'North community team', participants: [{ workerId: 'worker-1', role: 'str-worker', ...(from && { from }) }], ...(changeReason && { changeReason }) });
    };
    await allocate('Ada Testperson', '9990000018', '2026-05-26', 'Moved from Wren, who is on leave');
    await allocate('Ben Testperson', '9990000026', '2026-05-25', 'Moved long ago');
    await allocate('Cat Testperson', '9990000034');
    await allocate('Dan Testperson', '9990000042', '2026-06-09');
    const summary = await clientAs(store, 'str-worker', 'worker-1', tickingClock(SUMMARY_AT)).caseload.summary();
    const of = (name: string) => summary.people.find((p) => p.displayName === name)!.newToYou;
    expect(of('Ada Testperson'), '14 days ago').to.deep.equal({ since: '2026-05-26', reason: 'Moved from Wren, who is on leave' });
    expect(of('Ben Testperson'), '15 days ago').to.equal(undefined);
    expect(of('Cat Testperson'), 'no start date').to.equal(undefined);
    expect(of('Dan Testperson'), 'today, no reason given').to.deep.equal({ since: '2026-06-09' });
  });
});
