// One client API (docs/adr/0007-client-verbs.md): every namespace has the verbs its record type allows, with the same
// names and argument order; `null` clears any optional field an update may set; `current()` has one shape.
import { expect } from '@open-wc/testing';
import { memoryStore } from './adapters/memory/memory-store.js';
import { clientAs, rejectsWith, tickingClock } from './client.fixtures.js';
import type { StrClient } from './client.js';
import type { Store } from './ports.js';
import { OTHER_PERSON_ID } from './records.fixtures.js';

const EARLY = '00000000-0000-4000-8000-00000000e001';
const LATE = '00000000-0000-4000-8000-00000000e002';

/** One record of every type, made through the client by the role that may make it. */
async function seed(store: Store = memoryStore()) {
  const clock = tickingClock();
  const cc = clientAs(store, 'care-coordinator', 'cc-1', clock);
  const worker = clientAs(store, 'str-worker', 'worker-1', clock);
  const person = await cc.serviceUsers.create({ displayName: 'Rae Testperson', nhsNumber: '9990000018', birthDate: '1990-02-01', careCoordinatorId: 'cc-1' });
  const staff = await cc.workers.create({ name: 'Sam Testworker', role: 'str-worker', actorId: 'worker-1' });
  const contact = await worker.contacts.create({
    serviceUserId: person.id, start: '2026-06-02T10:00:00+01:00', durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', interpreterLanguage: 'Polish',
  });
  const carePlan = await cc.carePlans.create({ serviceUserId: person.id, agreedOn: '2026-06-01', nextReviewOn: '2026-09-01', status: 'active' });
  const goal = await cc.goals.create({ carePlanId: carePlan.id, text: 'Get back to the allotment', lifeArea: 'leisure', targetDate: '2026-08-01' });
  const task = await cc.tasks.create({ carePlanId: carePlan.id, goalId: goal.id, text: 'Ring the allotment society', owner: { kind: 'worker', workerId: 'worker-1' }, dueDate: '2026-06-10' });
  const note = await worker.progressNotes.create({ about: { kind: 'task', id: task.id }, text: 'Rang them; a plot is free in July.' });
  const signPlan = await cc.warningSignPlans.create({
    serviceUserId: person.id, agreedOn: '2026-06-01', reviewOn: '2026-12-01', contacts: [{ who: 'Crisis line', how: 'Ring the team office' }],
    signs: [{ id: EARLY, text: 'Sleeping badly', stage: 'early', response: 'Talk about sleep' }, { id: LATE, text: 'Feeling watched', stage: 'late', response: 'Call the crisis team' }],
  });
  const check = await worker.signChecks.create({ planId: signPlan.id, ratings: { [EARLY]: 1, [LATE]: 2 } });
  const alert = await worker.alerts.create({ checkId: check.id });
  const team = await cc.careTeams.create({ serviceUserId: person.id, name: 'North community team', participants: [{ workerId: 'cc-1', role: 'care-coordinator' }] });
  const ids = { serviceUsers: person.id, workers: staff.id, contacts: contact.id, carePlans: carePlan.id, goals: goal.id, tasks: task.id, progressNotes: note.id, warningSignPlans: signPlan.id, signChecks: check.id, alerts: alert.id, careTeams: team.id };
  return { store, clock, cc, worker, person, ids };
}

type Namespace = 'serviceUsers' | 'workers' | 'contacts' | 'carePlans' | 'goals' | 'tasks' | 'progressNotes' | 'warningSignPlans' | 'signChecks' | 'alerts' | 'careTeams';
interface Verbs {
  list(q?: object): Promise<{ items: readonly { id: string }[] }>;
  get(id: string): Promise<{ id: string; version: string } & Record<string, unknown>>;
  history(id: string): Promise<readonly { version: string }[]>;
  update?(id: string, changes: object, v: string): Promise<Record<string, unknown>>;
  markEnteredInError?(id: string, reason: string, v: string): Promise<{ enteredInError?: { reason: string; by: string } }>;
}
const ns = (client: StrClient, name: Namespace) => client[name] as unknown as Verbs;

/** Who marks each type's records entered in error in these tests (the role table's writer of that type). */
const MARKER: Readonly<Record<Exclude<Namespace, 'alerts'>, 'cc' | 'worker'>> = {
  serviceUsers: 'cc', workers: 'cc', contacts: 'worker', carePlans: 'cc', goals: 'cc', tasks: 'cc', progressNotes: 'worker', warningSignPlans: 'cc', signChecks: 'worker', careTeams: 'cc',
};

describe('client verbs: one verb set for every record type (ADR 0007)', () => {
  it('every namespace lists, gets and reads the history of its records', async () => {
    const s = await seed();
    for (const [name, id] of Object.entries(s.ids) as [Namespace, string][]) {
      const api = ns(s.cc, name);
      const got = await api.get(id);
      const page = await api.list(name === 'workers' ? {} : { serviceUserId: s.person.id });
      expect(page.items.map((r) => r.id), name).to.include(id);
      const history = await api.history(id);
      expect(history.at(-1)?.version, name).to.equal(got.version);
    }
  });

  it('records are made with create alone: contacts, sign checks and alerts have no correct, record or raise', async () => {
    const s = await seed();
    expect(Object.keys(s.cc.contacts)).to.not.include('correct');
    expect(Object.keys(s.cc.signChecks)).to.not.include('record');
    expect(Object.keys(s.cc.alerts)).to.not.include('raise');
    expect((await s.cc.alerts.get(s.ids.alerts)).checkId).to.equal(s.ids.signChecks);
    const corrected = await s.worker.contacts.update(s.ids.contacts, { durationMinutes: 45 }, (await s.worker.contacts.get(s.ids.contacts)).version);
    expect(corrected.durationMinutes).to.equal(45);
    expect(await s.worker.contacts.history(s.ids.contacts)).to.have.length(2);
  });

  it('marks a record of every type but alerts entered in error: kept, marked, in history, and never marked twice', async () => {
    const s = await seed();
    for (const [name, who] of Object.entries(MARKER) as [Exclude<Namespace, 'alerts'>, 'cc' | 'worker'][]) {
      const api = ns(s[who], name);
      const id = s.ids[name];
      const before = await api.get(id);
      const versions = (await api.history(id)).length;
      const marked = await api.markEnteredInError!(id, 'Recorded against the wrong person', before.version);
      expect(marked.enteredInError, name).to.deep.include({ reason: 'Recorded against the wrong person', by: s[who].actor.id });
      expect((await api.get(id)).enteredInError, name).to.deep.equal(marked.enteredInError);
      expect(await api.history(id), name).to.have.length(versions + 1);
      const again = await rejectsWith(api.markEnteredInError!(id, 'Twice', (await api.get(id)).version), 'validation');
      expect(again.details.issues?.[0]?.code, name).to.equal('entered-in-error');
    }
    // An alert is answered (acknowledged with what was done), never withdrawn from the co-ordinator's inbox.
    expect(Object.keys(s.cc.alerts)).to.not.include('markEnteredInError');
  });

  it('marking entered in error keeps to the role table and to whose record it is', async () => {
    const s = await seed();
    const other = clientAs(s.store, 'str-worker', 'worker-2', s.clock);
    const viewer = clientAs(s.store, 'viewer', 'viewer-1', s.clock);
    const plan = await s.cc.carePlans.get(s.ids.carePlans);
    await rejectsWith(s.worker.carePlans.markEnteredInError(plan.id, 'Not mine to mark', plan.version), 'forbidden');
    await rejectsWith(s.worker.serviceUsers.markEnteredInError(s.person.id, 'Not mine to mark', s.person.version), 'forbidden');
    const check = await s.cc.signChecks.get(s.ids.signChecks);
    await rejectsWith(other.signChecks.markEnteredInError(check.id, 'Someone else’s check', check.version), 'forbidden');
    await rejectsWith(viewer.contacts.markEnteredInError(s.ids.contacts, 'A viewer cannot', (await s.cc.contacts.get(s.ids.contacts)).version), 'forbidden');
    // Refused marks changed nothing.
    expect((await s.cc.signChecks.get(check.id)).enteredInError).to.equal(undefined);
    expect((await s.cc.carePlans.get(plan.id)).enteredInError).to.equal(undefined);
    // A co-ordinator may mark a worker's check, as a worker's contact.
    expect((await s.cc.signChecks.markEnteredInError(check.id, 'Rated for the wrong plan', check.version)).enteredInError?.by).to.equal('cc-1');
  });

  it('null clears every optional field an update may set, and the earlier value stays in history', async () => {
    const s = await seed();
    const cases: [Namespace, string][] = [
      ['serviceUsers', 'nhsNumber'], ['serviceUsers', 'birthDate'], ['serviceUsers', 'careCoordinatorId'], ['workers', 'actorId'],
      ['contacts', 'interpreterLanguage'], ['carePlans', 'agreedOn'], ['carePlans', 'nextReviewOn'], ['goals', 'targetDate'], ['tasks', 'dueDate'],
      ['warningSignPlans', 'agreedOn'], ['warningSignPlans', 'reviewOn'],
    ];
    for (const [name, field] of cases) {
      const api = ns(name === 'contacts' ? s.worker : s.cc, name);
      const id = s.ids[name];
      const before = await api.get(id);
      expect(before, `${name}.${field} is set to begin with`).to.have.property(field);
      const after = await api.update!(id, { [field]: null }, before.version);
      expect(after, `${name}.${field}`).to.not.have.property(field);
      expect(await api.get(id), `${name}.${field}`).to.not.have.property(field);
      expect((await api.history(id)).some((v) => field in v), `${name}.${field} kept in history`).to.equal(true);
    }
  });

  it('current() has one shape: the record in use, or undefined', async () => {
    const s = await seed();
    expect(await s.cc.carePlans.current(s.person.id)).to.deep.equal(await s.cc.carePlans.get(s.ids.carePlans));
    expect((await s.cc.carePlans.loadCurrent(s.person.id))?.plan).to.deep.equal(await s.cc.carePlans.get(s.ids.carePlans));
    expect(await s.cc.warningSignPlans.current(s.person.id)).to.deep.equal(await s.cc.warningSignPlans.get(s.ids.warningSignPlans));
    expect(await s.cc.careTeams.current(s.person.id)).to.deep.equal(await s.cc.careTeams.get(s.ids.careTeams));
    for (const current of [s.cc.carePlans.current, s.cc.warningSignPlans.current, s.cc.careTeams.current, s.cc.carePlans.loadCurrent]) {
      expect(await current(OTHER_PERSON_ID)).to.equal(undefined);
      await rejectsWith(current(s.person.id, { signal: AbortSignal.abort() }), 'aborted');
    }
  });

  it('tasks.setStatus takes its optional reason in an options object', async () => {
    const s = await seed();
    const task = await s.cc.tasks.get(s.ids.tasks);
    const blocked = await s.worker.tasks.setStatus(task.id, 'cannot-start-yet', task.version, { reason: 'Waiting for the society to ring back' });
    expect(blocked).to.include({ status: 'cannot-start-yet', statusReason: 'Waiting for the society to ring back' });
    const going = await s.worker.tasks.setStatus(task.id, 'in-progress', blocked.version);
    expect(going).to.include({ status: 'in-progress' }).and.not.have.property('statusReason');
    const noReason = await rejectsWith(s.worker.tasks.setStatus(task.id, 'cancelled', going.version), 'validation');
    expect(noReason.details.issues?.[0]?.path).to.equal('statusReason');
    const hostile = { get reason(): string { throw new Error('a hostile getter'); } };
    await rejectsWith(s.worker.tasks.setStatus(task.id, 'cancelled', going.version, hostile), 'validation');
    expect((await s.cc.tasks.get(task.id)).version).to.equal(going.version);
  });
});
