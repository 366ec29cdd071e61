// client.team.summary (issue 22, docs/adr/0025-staff-records.md) over the memory store and a real IndexedDB, and a
// reallocation on every store, the FHIR engine included. Fixed clocks; synthetic people only.
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { fhirStore } from './adapters/fhir/fhir-store.js';
import { indexedDbStore } from './adapters/indexeddb/indexeddb-store.js';
import { memoryStore } from './adapters/memory/memory-store.js';
import { staffAs as clientAs, rejectsWith, tickingClock } from './client.fixtures.js';
import type { Store } from './ports.js';
import type { TrainingItem } from './schemas/staff.js';
import { fhirBaseUrl, resetEngine } from '../../../test/fhir/engine.js';

const LATE = '00000000-0000-4000-8000-0000000a7e01';
const TODAY = '2026-06-09'; // a Tuesday; the UK week began on Monday 8 June
const AT = '2026-06-09T12:00:00Z';
const CHECKLIST: TrainingItem[] = [
  { id: 'safeguarding-2', title: 'Safeguarding adults, level 2', roles: ['str-worker', 'peer-support-worker'], renewEveryMonths: 36 },
  { id: 'peer-values', title: 'Peer support values', roles: ['peer-support-worker'] },
];

async function seed(store: Store) {
  const lead = clientAs(store, 'team-lead', 'lead-1', tickingClock('2026-06-08T06:00:00Z'));
  const w1 = clientAs(store, 'str-worker', 'worker-1', tickingClock('2026-06-08T06:00:00Z'));
  const w1Later = clientAs(store, 'str-worker', 'worker-1', tickingClock('2026-06-09T06:00:00Z'));
  await lead.workers.create({ name: 'Ash Testworker', role: 'str-worker', actorId: 'worker-1' });
  await lead.workers.create({ name: 'Bo Testpeer', role: 'peer-support-worker', actorId: 'worker-2' });
  await lead.workers.create({ name: 'Cy Testcoordinator', role: 'care-coordinator', actorId: 'cc-1' });
  const person = async (displayName: string, nhsNumber: string, workerId: string) => {
    const p = await lead.serviceUsers.create({ displayName, nhsNumber });
    const team = await lead.careTeams.create({ serviceUserId: p.id, name: 'North community team', participants: [{ workerId: 'cc-1', role: 'care-coordinator' }, { workerId, role: 'str-worker' }] });
    return { p, team };
  };
  const ada = await person('Ada Testperson', '9990000018', 'worker-1');
  const ben = await person('Ben Testperson', '9990000026', 'worker-1');
  await person('Cat Testperson', '9990000034', 'worker-2');
  const seen = (serviceUserId: string, start: string, attendance: '5' | '3' = '5') =>
    w1Later.contacts.create({ serviceUserId, start, durationMinutes: 45, mechanism: '02', locationType: 'A01', attendance });
  await seen(ada.p.id, '2026-06-08T10:00:00+01:00'); // this week
  await seen(ben.p.id, '2026-06-02T10:00:00+01:00'); // last week, in the 28 days
  await seen(ben.p.id, '2026-05-20T10:00:00+01:00', '3'); // did not attend, in the 28 days
  await seen(ada.p.id, '2026-05-01T10:00:00+01:00'); // before the 28 days
  const signs = await lead.warningSignPlans.create({ serviceUserId: ada.p.id, signs: [{ id: LATE, text: 'Hearing voices again', stage: 'late', response: 'Ring the crisis team' }] });
  const check = await w1.signChecks.create({ planId: signs.id, ratings: { [LATE]: 2 } });
  await w1.alerts.create({ checkId: check.id }); // about 06:00 UTC on 8 June: 30 hours before AT
  await lead.supervisions.create({ workerId: 'worker-1', heldOn: '2026-04-20', kind: 'clinical' }); // due 1 June
  await lead.training.create({ workerId: 'worker-1', itemId: 'safeguarding-2', title: 'Safeguarding adults, level 2', completedOn: '2023-06-20' }); // expires 20 June 2026
  return { ada, ben };
}

const stores: [string, () => Promise<{ store: Store; done: () => Promise<void> }>][] = [
  ['memoryStore', async () => ({ store: memoryStore(), done: async () => undefined })],
  ['indexedDbStore', async () => {
    const name = `team-${crypto.randomUUID()}`;
    const store = indexedDbStore({ name, persist: false });
    return { store, done: async () => (store.close?.(), void (await deleteDB(name))) };
  }],
];

for (const [name, open] of stores) {
  describe(`client.team.summary (${name})`, () => {
    let store: Store;
    let done: () => Promise<void>;
    let seeded: Awaited<ReturnType<typeof seed>>;
    beforeEach(async () => {
      ({ store, done } = await open());
      seeded = await seed(store);
    });
    afterEach(() => done());

    it('each worker’s caseload, contacts this week and in 28 days, DNA rate, alerts, supervision and training', async () => {
      const lead = clientAs(store, 'team-lead', 'lead-1', { now: () => new Date(AT) });
      const { workers } = await lead.team.summary({ today: TODAY, checklist: CHECKLIST });
      expect(workers.map((w) => w.worker.name), 'STR and peer support workers, by name').to.deep.equal(['Ash Testworker', 'Bo Testpeer']);
      const [ash, bo] = workers as [typeof workers[number], typeof workers[number]];
      expect(ash.caseload).to.equal(2);
      expect(ash.attended).to.deep.equal({ thisWeek: 1, last4Weeks: 2 });
      expect(ash.dna).to.deep.equal({ rate: 1 / 3, notAttended: 1, due: 3 });
      expect([ash.openAlerts, ash.overdueAlerts]).to.deep.equal([1, 1]);
      expect(ash.supervision).to.deep.include({ state: 'overdue', dueOn: '2026-06-01', daysOverdue: 8 });
      expect(ash.training.items.map((t) => [t.item.id, t.state])).to.deep.equal([['safeguarding-2', 'expiring']]);
      expect(bo).to.deep.include({ caseload: 1, attended: { thisWeek: 0, last4Weeks: 0 }, openAlerts: 0 });
      expect(bo.supervision).to.deep.equal({ state: 'never' });
      expect(bo.training).to.deep.include({ missing: 2, expiring: 0, expired: 0 });
    });

    it('co-ordinators see it too; a worker and a viewer are refused', async () => {
      expect((await clientAs(store, 'care-coordinator', 'cc-1').team.summary({ today: TODAY })).workers).to.have.length(2);
      await rejectsWith(clientAs(store, 'str-worker', 'worker-1').team.summary({ today: TODAY }), 'forbidden');
      await rejectsWith(clientAs(store, 'viewer', 'viewer-1').team.summary({ today: TODAY }), 'forbidden');
      await rejectsWith(clientAs(store, 'team-lead', 'lead-1').team.summary({ today: '9 June' }), 'validation');
    });

    it('reallocating a person keeps the old allocation in history, with the reason for each change, and moves them between the two workers’ caseloads', async () => {
      await reallocates(store, seeded.ben.team.id);
    });
  });
}

/** Moves Ben from worker-1 to worker-2 and checks both caseloads, the team summary and the care team's history. */
async function reallocates(store: Store, teamId: string) {
  const lead = clientAs(store, 'team-lead', 'lead-1', { now: () => new Date(AT) });
  const team = await lead.careTeams.get(teamId);
  const moved = await lead.careTeams.update(team.id, { participants: [{ workerId: 'cc-1', role: 'care-coordinator' }, { workerId: 'worker-2', role: 'str-worker', from: TODAY }], changeReason: 'Worker 1 is on leave for three months' }, team.version);
  const names = async (workerId: string) => (await lead.caseload.summary({ workerId, today: TODAY })).people.map((p) => p.displayName).sort();
  expect(await names('worker-2')).to.include('Ben Testperson');
  expect(await names('worker-1')).to.not.include('Ben Testperson');
  const history = await lead.careTeams.history(team.id);
  expect(history.map((t) => t.participants.map((p) => p.workerId))).to.deep.equal([['cc-1', 'worker-1'], ['cc-1', 'worker-2']]);
  expect(history.map((t) => t.changeReason), 'why each version was made').to.deep.equal([undefined, 'Worker 1 is on leave for three months']);
  const renamed = await lead.careTeams.update(team.id, { name: 'North community team' }, moved.version);
  expect(renamed.changeReason, 'a later change without a reason does not borrow the last one').to.equal(undefined);
  expect((await lead.careTeams.history(team.id)).map((t) => t.changeReason)).to.deep.equal([undefined, 'Worker 1 is on leave for three months', undefined]);
  const named = await lead.careTeams.update(team.id, { changeReason: 'Renamed after the merger' }, renamed.version);
  const marked = await lead.careTeams.markEnteredInError(team.id, 'Allocated to the wrong person', named.version);
  expect(marked.changeReason, 'marking it entered in error does not carry the last reason').to.equal(undefined);
}

describe('reallocation on the FHIR engine', () => {
  it('reallocating a person keeps the old allocation in history, with the reason for each change, and moves them between the two workers’ caseloads', async function () {
    this.timeout(60_000);
    await resetEngine();
    const store = fhirStore({ baseUrl: await fhirBaseUrl() });
    const { ben } = await seed(store);
    await reallocates(store, ben.team.id);
  });
});
