// A small caseload for <str-caseload>'s tests and stories: five invented people on str-worker-1's care teams and one
// on someone else's, made through the SDK client so every record is as the kit writes it. "Now" is the fixtures'
// 5 June 2026, 17:00 in London. Synthetic people only: the NHS numbers are in the 999 test range.
import { createClient, memoryDrafts, type CaseloadSummary, type Role, type Store, type StrClient } from '@strkit/sdk';
import { FIXTURE_NOW } from '../contact-log/contact-log.fixtures.js';

export const CASELOAD_WORKER = 'str-worker-1';
export const CASELOAD_COORDINATOR = 'care-coordinator-1';
const LATE_SIGN = '00000000-0000-4000-8000-00000000c5a1';

/** A client for `id` whose clock stands `hoursBefore` the fixtures' now (ticking a second a call, so times differ). */
function clientAt(store: Store, role: Role, id: string, hoursBefore = 0): StrClient {
  let t = FIXTURE_NOW.getTime() - hoursBefore * 3_600_000 - 60_000;
  return createClient({ store, drafts: memoryDrafts(), actor: { id, role }, clock: { now: () => new Date((t += 1000)) } });
}

export interface SeededCaseload {
  /** The people's ids by first name. */
  readonly ids: Readonly<Record<'ada' | 'ben' | 'cat' | 'dan' | 'sian' | 'eve', string>>;
}

/**
 * In order of need on 5 June: Ben (an alert waiting 30 hours), Ada (no contact for 12 days, agreed weekly), Cat
 * (contact due today), then Siân (no frequency agreed) and Dan (seen, a task due on 8 June). Eve is worker-2's.
 */
export async function seedCaseload(store: Store, worker = CASELOAD_WORKER): Promise<SeededCaseload> {
  const cc = clientAt(store, 'care-coordinator', CASELOAD_COORDINATOR, 24 * 40);
  await cc.workers.create({ name: 'Wren Worker', role: 'str-worker', actorId: worker });
  await cc.workers.create({ name: 'Kit Coordinator', role: 'care-coordinator', actorId: CASELOAD_COORDINATOR });
  await cc.workers.create({ name: 'Rowan Worker', role: 'str-worker', actorId: 'str-worker-2' });
  const w = clientAt(store, 'str-worker', worker);
  const person = async (displayName: string, nhsNumber: string, every?: 'weekly' | 'fortnightly', workerId = worker) => {
    const p = await cc.serviceUsers.create({ displayName, nhsNumber });
    await cc.careTeams.create({ serviceUserId: p.id, name: 'North community team', participants: [{ workerId: CASELOAD_COORDINATOR, role: 'care-coordinator' }, { workerId, role: 'str-worker' }] });
    const plan = await cc.carePlans.create({ serviceUserId: p.id, status: 'active', ...(every && { contactFrequency: { every, from: '2026-05-01' } }) });
    return { id: p.id, plan: plan.id };
  };
  const seen = (serviceUserId: string, start: string) =>
    w.contacts.create({ serviceUserId, start, durationMinutes: 45, mechanism: '01', locationType: 'A01', attendance: '5' });

  const ada = await person('Ada Testperson', '9990000018', 'weekly');
  await seen(ada.id, '2026-05-24T10:00:00+01:00');
  const ben = await person('Ben Testperson', '9990000026', 'weekly');
  await seen(ben.id, '2026-06-03T11:00:00+01:00');
  const signs = await cc.warningSignPlans.create({ serviceUserId: ben.id, signs: [{ id: LATE_SIGN, text: 'Hearing voices again', stage: 'late', response: 'Ring the crisis team' }] });
  const raiser = clientAt(store, 'str-worker', worker, 30);
  const check = await raiser.signChecks.create({ planId: signs.id, ratings: { [LATE_SIGN]: 2 } });
  await raiser.alerts.create({ checkId: check.id });
  const cat = await person('Cat Testperson', '9990000034', 'weekly');
  await seen(cat.id, '2026-05-29T14:00:00+01:00');
  const dan = await person('Dan Testperson', '9990000042', 'fortnightly');
  await seen(dan.id, '2026-06-02T10:00:00+01:00');
  const goal = await cc.goals.create({ carePlanId: dan.plan, text: 'Get back to the allotment', lifeArea: 'leisure' });
  await cc.tasks.create({ carePlanId: dan.plan, goalId: goal.id, text: 'Ring the allotment society', owner: { kind: 'worker', workerId: worker }, dueDate: '2026-06-08' });
  const sian = await person('Siân Testperson', '9990000050');
  await seen(sian.id, '2026-06-04T15:00:00+01:00');
  const eve = await person('Eve Testperson', '9990000069', 'weekly', 'str-worker-2');
  return { ids: { ada: ada.id, ben: ben.id, cat: cat.id, dan: dan.id, sian: sian.id, eve: eve.id } };
}

/** A one-person summary as `client.caseload.summary()` gives it, for controlled mode (stories, the widget contract). */
export function fixtureSummary(serviceUserId: string, displayName = 'Sam Storyperson'): CaseloadSummary {
  return {
    workerId: CASELOAD_WORKER, today: '2026-06-05', at: FIXTURE_NOW.toISOString(),
    people: [{
      serviceUserId, displayName, nhsNumber: '9990000018',
      lastContact: { id: '00000000-0000-4000-8000-00000000c0c1', start: '2026-05-25T10:00:00+01:00', date: '2026-05-25', daysSince: 11 },
      contactFrequency: { every: 'weekly', from: '2026-05-01', agreedBy: CASELOAD_COORDINATOR },
      contact: { state: 'overdue', every: 'weekly', due: '2026-06-01', daysOverdue: 4 },
      tasks: { overdue: [] }, review: { state: 'none' }, alerts: [],
      reasons: [{ code: 'contact-overdue', params: { days: 11, every: 'weekly', daysOverdue: 4 }, text: 'No contact for 11 days — agreed weekly' }],
    }],
  };
}
