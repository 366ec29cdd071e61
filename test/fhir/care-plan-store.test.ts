// Care plans over HTTP on a real FHIR engine: the client's care-plan namespaces and <str-care-plan> on fhirStore.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, fhirStore, isStrError, orderedTasks, type Clock, type Role, type Store } from '@strkit/sdk';
import '../../packages/components/src/define/str-care-plan.js';
import type { StrCarePlan } from '../../packages/components/src/care-plan/care-plan.js';
import { PERSON_ID, validServiceUser } from '../helpers/fixtures.js';
import { fhir, fhirBaseUrl, injectFaults, resetEngine } from './engine.js';

let t = Date.parse('2026-06-03T12:00:00Z');
const clock: Clock = { now: () => new Date((t += 1000)) };

async function engine(): Promise<Store> {
  await resetEngine();
  const store = fhirStore({ baseUrl: await fhirBaseUrl() });
  await store.put('serviceUser', validServiceUser({ id: PERSON_ID }));
  return store;
}
const as = (store: Store, role: Role, id: string) => createClient({ store, actor: { id, role }, clock });

async function seedPlan(store: Store) {
  const cc = as(store, 'care-coordinator', 'cc-1');
  const plan = await cc.carePlans.create({ serviceUserId: PERSON_ID, agreedWith: [{ kind: 'service-user' }], agreedOn: '2026-05-01', nextReviewOn: '2026-08-01', status: 'active' });
  const goal = await cc.goals.create({ carePlanId: plan.id, text: '  Get back to swimming —\nTuesdays if I can. ', lifeArea: 'leisure' });
  const a = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Find the timetable', owner: { kind: 'service-user' }, dueDate: '2026-06-05' });
  const b = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Go together', owner: { kind: 'worker', workerId: 'w-1' }, dueDate: '2026-06-10', repeat: 'weekly' });
  return { cc, plan, goal, a, b };
}

describe('care plans on a FHIR engine', () => {
  it('stores plan, goal, tasks and notes as CarePlan, Goal, Task and DocumentReference, and reads them back exactly', async () => {
    const store = await engine();
    const { cc, plan, goal, a, b } = await seedPlan(store);
    const worker = as(store, 'str-worker', 'w-1');
    const done = await worker.tasks.complete(b.id, b.version);
    expect(done).to.include({ status: 'in-progress', lastDoneOn: '2026-06-03', dueDate: '2026-06-17' });
    const note = await worker.progressNotes.create({ about: { kind: 'task', id: b.id }, text: 'Went together.\nNervous, but stayed 20 minutes.' });
    const moved = await cc.carePlans.reorderTasks(plan.id, goal.id, [b.id, a.id], plan.version);
    const view = (await cc.carePlans.loadCurrent(PERSON_ID))!;
    expect(view.plan).to.deep.equal(moved);
    expect(view.goals.map((g) => g.text)).to.deep.equal(['  Get back to swimming —\nTuesdays if I can. ']);
    expect(orderedTasks(view.plan, goal.id, view.tasks).map((x) => x.id)).to.deep.equal([b.id, a.id]);
    expect(view.tasks.find((x) => x.id === b.id)).to.deep.equal(done);
    expect(view.notes).to.deep.equal([note]);
    expect((await cc.tasks.list({ serviceUserId: PERSON_ID, status: 'not-started' })).items.map((x) => x.id)).to.deep.equal([a.id]);
    expect((await cc.tasks.history(b.id)).map((v) => v.status)).to.deep.equal(['not-started', 'in-progress']);

    // What another system sees: standard elements it can read.
    const { body } = await fhir('GET', `Task?identifier=urn:strkit:id|${b.id}`);
    const task = (body!.entry as { resource: Record<string, unknown> }[])[0]!.resource;
    expect(task).to.deep.include({ status: 'in-progress', intent: 'plan', description: 'Go together' });
    expect(task['restriction']).to.deep.equal({ period: { end: '2026-06-17' } });
    const { body: plans } = await fhir('GET', `CarePlan?subject=${(task['for'] as { reference: string }).reference}`);
    expect((plans!.entry as unknown[]).length).to.equal(1);
  });

  it('a stale task update is a conflict and changes nothing; a lost reply to a completion is not', async () => {
    const store = await engine();
    const { cc, a } = await seedPlan(store);
    const edited = await cc.tasks.update(a.id, { text: 'Find the pool timetable' }, a.version);
    try {
      await cc.tasks.complete(a.id, a.version);
      expect.fail('a stale completion must not land');
    } catch (e) {
      expect(isStrError(e, 'conflict')).to.equal(true);
    }
    expect(await cc.tasks.get(a.id)).to.deep.equal(edited);
    await injectFaults([{ method: 'PUT', type: 'Task', kind: 'drop-after-commit' }]);
    const done = await cc.tasks.complete(a.id, edited.version);
    expect(done.status).to.equal('completed');
    expect((await cc.tasks.history(a.id)).length).to.equal(3);
  });

  it('a retried create after a dropped reply leaves one Goal', async () => {
    const store = await engine();
    const { cc, plan } = await seedPlan(store);
    await injectFaults([{ method: 'POST', type: 'Goal', kind: 'drop-after-commit' }]);
    const g = await cc.goals.create({ carePlanId: plan.id, text: 'See my brother', lifeArea: 'relationships' });
    const { body } = await fhir('GET', `Goal?identifier=urn:strkit:id|${g.id}`);
    expect((body!.entry as unknown[]).length).to.equal(1);
  });

  it('<str-care-plan> shows the plan from the engine and ignores a Goal and a CarePlan made by another system', async () => {
    const store = await engine();
    const { goal } = await seedPlan(store);
    const { body } = await fhir('GET', `Patient?identifier=urn:strkit:id|${PERSON_ID}`);
    const patientRef = `Patient/${(body!.entry as { resource: { id: string } }[])[0]!.resource.id}`;
    await fhir('POST', 'Goal', { resourceType: 'Goal', lifecycleStatus: 'active', description: { text: 'Foreign goal' }, subject: { reference: patientRef } });
    await fhir('POST', 'CarePlan', { resourceType: 'CarePlan', status: 'active', intent: 'plan', subject: { reference: patientRef } });
    const el = await fixture<StrCarePlan>(html`<str-care-plan service-user-id=${PERSON_ID} .client=${as(store, 'str-worker', 'w-1')} .clock=${clock}></str-care-plan>`);
    await el.whenLoaded();
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.goal-text')].map((h) => h.textContent)).to.deep.equal([goal.text]);
    expect(root.querySelectorAll('li[data-task-id]')).to.have.length(2);
    expect(root.textContent).not.to.include('Foreign goal');
  });

  it('a care team is a CareTeam in the person\u2019s compartment; only co-ordinators and leads allocate it', async () => {
    const store = await engine();
    const lead = as(store, 'team-lead', 'lead-1');
    const team = await lead.careTeams.create({ serviceUserId: PERSON_ID, name: 'North CMHT', participants: [{ workerId: 'cc-1', role: 'care-coordinator', from: '2026-01-05' }, { workerId: 'w-1', role: 'str-worker' }] });
    expect(await lead.careTeams.current(PERSON_ID)).to.deep.equal(team);
    try {
      await as(store, 'str-worker', 'w-1').careTeams.create({ serviceUserId: PERSON_ID, name: 'x', participants: [] });
      expect.fail('a worker may not allocate');
    } catch (e) {
      expect(isStrError(e, 'forbidden')).to.equal(true);
    }
    const { body } = await fhir('GET', `CareTeam?identifier=urn:strkit:id|${team.id}`);
    const resource = (body!.entry as { resource: Record<string, unknown> }[])[0]!.resource;
    expect(resource).to.deep.include({ status: 'active', name: 'North CMHT' });
  });
});
