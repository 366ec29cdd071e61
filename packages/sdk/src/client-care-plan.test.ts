import { expect } from '@open-wc/testing';
import { clientAs, rejectsWith as rejects } from './client.fixtures.js';
import { memoryStore } from './adapters/memory/memory-store.js';
import type { StrClient } from './client.js';
import { orderedTasks } from './domain/care-plan.js';
import type { Clock, Store } from './ports.js';
import type { CarePlan, Goal } from './schemas/care-plan.js';
import { ROLES, type Role } from './schemas/people.js';

// clientAs (client.fixtures.ts) ticks a second per reading from Wednesday 3 June 2026, 12:00Z (13:00 in the UK).

/** A person with an agreed plan and one goal, made by a co-ordinator. */
async function seed(store: Store) {
  const cc = clientAs(store, 'care-coordinator', 'cc-1');
  const person = await cc.serviceUsers.create({ displayName: 'Sam Testperson', nhsNumber: '9990000018' });
  const plan = await cc.carePlans.create({
    serviceUserId: person.id,
    agreedWith: [{ kind: 'service-user' }, { kind: 'carer', name: 'Jo Testcarer' }],
    agreedOn: '2026-05-01',
    nextReviewOn: '2026-08-01',
    status: 'active',
  });
  const goal = await cc.goals.create({ carePlanId: plan.id, text: 'I want my own flat by the spring.', lifeArea: 'housing' });
  return { cc, person, plan, goal };
}

describe('client.carePlans, goals, tasks and progress notes', () => {
  let store: Store;
  let cc: StrClient;
  let plan: CarePlan;
  let goal: Goal;
  beforeEach(async () => {
    store = memoryStore();
    ({ cc, plan, goal } = await seed(store));
  });

  it('creates a plan with the co-ordinator, agreed-with people and dates', async () => {
    expect(plan).to.include({ coordinatorId: 'cc-1', agreedOn: '2026-05-01', nextReviewOn: '2026-08-01', status: 'active' });
    expect(plan.agreedWith).to.deep.equal([{ kind: 'service-user' }, { kind: 'carer', name: 'Jo Testcarer' }]);
    expect(goal).to.include({ status: 'active', serviceUserId: plan.serviceUserId, carePlanId: plan.id });
  });

  it('refuses a plan for a person who is not on record', async () => {
    await rejects(cc.carePlans.create({ serviceUserId: '0b5e8c71-2f3a-4d6b-8e9c-1a2b3c4d5e6f' }), 'not-found');
  });

  it('keeps the goal in the person\u2019s own words, exactly', async () => {
    const text = '  I\u2019d like to get back to swimming \u2014 maybe Tuesdays?\n(with my sister) \uD83C\uDFCA ';
    const g = await cc.goals.create({ carePlanId: plan.id, text, lifeArea: 'leisure' });
    expect((await cc.goals.get(g.id)).text).to.equal(text);
  });

  it('adds a task in one write, after the ordered ones, and reorders it in one plan write', async () => {
    const a = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Fill in the housing form', owner: { kind: 'service-user' }, dueDate: '2026-06-10' });
    const b = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Visit the housing office', owner: { kind: 'worker', workerId: 'w-1' } });
    expect(a.status).to.equal('not-started');
    const view = await cc.carePlans.load(plan.id);
    expect(orderedTasks(view.plan, goal.id, view.tasks).map((t) => t.id)).to.deep.equal([a.id, b.id]);
    const moved = await cc.carePlans.reorderTasks(plan.id, goal.id, [b.id, a.id], plan.version);
    expect(orderedTasks(moved, goal.id, view.tasks).map((t) => t.id)).to.deep.equal([b.id, a.id]);
    const c = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Ask about a bond scheme', owner: { kind: 'other-service', name: 'Housing Options' } });
    const again = await cc.carePlans.load(plan.id);
    expect(orderedTasks(again.plan, goal.id, again.tasks).map((t) => t.id)).to.deep.equal([b.id, a.id, c.id]);
  });

  it('refuses a task order with an id twice, and a goal of another plan', async () => {
    const a = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'A', owner: { kind: 'service-user' } });
    await rejects(cc.carePlans.reorderTasks(plan.id, goal.id, [a.id, a.id], plan.version), 'validation');
    const person2 = await cc.serviceUsers.create({ displayName: 'Ro Testperson' });
    const plan2 = await cc.carePlans.create({ serviceUserId: person2.id });
    await rejects(cc.carePlans.reorderTasks(plan2.id, goal.id, [a.id], plan2.version), 'validation');
    await rejects(cc.tasks.create({ carePlanId: plan2.id, goalId: goal.id, text: 'x', owner: { kind: 'service-user' } }), 'validation');
  });

  it('completes and reopens a one-off task, recording the UK date it was done', async () => {
    const t = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Fill in the form', owner: { kind: 'service-user' } });
    const done = await cc.tasks.complete(t.id, t.version);
    expect(done).to.include({ status: 'completed', lastDoneOn: '2026-06-03' });
    await rejects(cc.tasks.complete(t.id, done.version), 'validation');
    const back = await cc.tasks.reopen(t.id, done.version);
    expect(back.status).to.equal('in-progress');
    expect(back).not.to.have.property('lastDoneOn');
    expect(await cc.tasks.history(t.id)).to.have.length(3);
  });

  it('moves a repeating task to its next due date when done, keeping its rhythm', async () => {
    const t = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Weekly shop', owner: { kind: 'worker', workerId: 'cc-1' }, dueDate: '2026-05-27', repeat: 'weekly' });
    const done = await cc.tasks.complete(t.id, t.version);
    expect(done).to.include({ status: 'in-progress', lastDoneOn: '2026-06-03', dueDate: '2026-06-10' });
  });

  it('a monthly task done on each due day keeps its anchor day (31st), until its due date is edited', async () => {
    let today = '2028-01-31';
    const clock: Clock = { now: () => new Date(`${today}T12:00:00Z`) };
    const lead = clientAs(store, 'care-coordinator', 'cc-1', clock);
    let t = await lead.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Pay the rent', owner: { kind: 'service-user' }, dueDate: '2028-01-31', repeat: 'monthly' });
    const dues: string[] = [];
    for (let i = 0; i < 4; i++) {
      today = t.dueDate!;
      t = await lead.tasks.complete(t.id, t.version);
      dues.push(t.dueDate!);
    }
    expect(dues).to.deep.equal(['2028-02-29', '2028-03-31', '2028-04-30', '2028-05-31']);
    expect((await lead.tasks.get(t.id)).repeatAnchor).to.equal('2028-01-31');
    // The co-ordinator moves it to the 15th: that is the new rhythm.
    t = await lead.tasks.update(t.id, { dueDate: '2028-06-15' }, t.version);
    expect(t).not.to.have.property('repeatAnchor');
    today = '2028-06-15';
    t = await lead.tasks.complete(t.id, t.version);
    expect(t).to.include({ dueDate: '2028-07-15', repeatAnchor: '2028-06-15' });
  });

  it('needs a reason to cancel; keeps a reason for "cannot start yet"; drops it when work resumes', async () => {
    const t = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Apply for PIP', owner: { kind: 'service-user' } });
    const e = await rejects(cc.tasks.setStatus(t.id, 'cancelled', t.version), 'validation');
    expect(e.details.issues?.[0]?.message).to.equal('Enter why the task was cancelled');
    const blocked = await cc.tasks.setStatus(t.id, 'cannot-start-yet', t.version, { reason: 'Waiting for the assessment letter' });
    expect(blocked).to.include({ status: 'cannot-start-yet', statusReason: 'Waiting for the assessment letter' });
    const going = await cc.tasks.setStatus(t.id, 'in-progress', blocked.version);
    expect(going).not.to.have.property('statusReason');
    const cancelled = await cc.tasks.setStatus(t.id, 'cancelled', going.version, { reason: 'No longer wanted' });
    expect(cancelled.statusReason).to.equal('No longer wanted');
  });

  it('edits a task, clearing the due date with null', async () => {
    const t = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Call the GP', owner: { kind: 'service-user' }, dueDate: '2026-06-05', repeat: 'weekly' });
    const edited = await cc.tasks.update(t.id, { text: 'Call the surgery', dueDate: null, repeat: null }, t.version);
    expect(edited.text).to.equal('Call the surgery');
    expect(edited).not.to.have.property('dueDate');
    expect(edited).not.to.have.property('repeat');
    await rejects(cc.tasks.update(t.id, { colour: 'red' } as never, edited.version), 'validation');
  });

  it('adds progress notes on a task or goal and finds them in the plan', async () => {
    const t = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Call the GP', owner: { kind: 'service-user' } });
    const worker = clientAs(store, 'str-worker', 'w-1');
    const n1 = await worker.progressNotes.create({ about: { kind: 'task', id: t.id }, text: 'Rang together; appointment next week.' });
    const n2 = await worker.progressNotes.create({ about: { kind: 'goal', id: goal.id }, text: 'Viewed two flats.' });
    expect(n1).to.include({ carePlanId: plan.id, serviceUserId: plan.serviceUserId, createdBy: 'w-1' });
    const view = await cc.carePlans.loadCurrent(plan.serviceUserId);
    expect(view?.notes.map((n) => n.id)).to.have.members([n1.id, n2.id]);
    await rejects(worker.progressNotes.create({ about: { kind: 'task', id: goal.id }, text: 'x' }), 'not-found');
    await rejects(worker.progressNotes.create({ about: { kind: 'goal', id: goal.id }, text: '   ' }), 'validation');
    await rejects(cc.progressNotes.markEnteredInError(n1.id, 'wrong person', n1.version).then(() => worker.progressNotes.markEnteredInError(n2.id, '', n2.version)), 'validation');
  });

  it('records a review, refusing a next date not after it or a review in the future', async () => {
    await rejects(cc.carePlans.recordReview(plan.id, { reviewedOn: '2026-06-03', nextReviewOn: '2026-06-03' }, plan.version), 'validation');
    await rejects(cc.carePlans.recordReview(plan.id, { reviewedOn: '2026-06-04', nextReviewOn: '2026-09-04' }, plan.version), 'validation');
    const reviewed = await cc.carePlans.recordReview(plan.id, { reviewedOn: '2026-06-03', nextReviewOn: '2026-09-03' }, plan.version);
    expect(reviewed).to.include({ lastReviewedOn: '2026-06-03', nextReviewOn: '2026-09-03' });
  });

  it('current() prefers the plan in use to a newer completed or draft one', async () => {
    const later = await cc.carePlans.create({ serviceUserId: plan.serviceUserId, status: 'completed' });
    expect(later.status).to.equal('completed');
    await cc.carePlans.create({ serviceUserId: plan.serviceUserId });
    expect((await cc.carePlans.loadCurrent(plan.serviceUserId))?.plan.id).to.equal(plan.id);
  });

  it('two clients on one store: the second save of a stale task is a conflict and changes nothing', async () => {
    const t = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Call the GP', owner: { kind: 'worker', workerId: 'w-1' } });
    const worker = clientAs(store, 'str-worker', 'w-1');
    const mine = await worker.tasks.complete(t.id, t.version);
    await rejects(cc.tasks.update(t.id, { text: 'Call the surgery' }, t.version), 'conflict');
    expect(await cc.tasks.get(t.id)).to.deep.equal(mine);
    const a = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'A', owner: { kind: 'service-user' } });
    await cc.carePlans.reorderTasks(plan.id, goal.id, [a.id, t.id], plan.version);
    await rejects(cc.carePlans.reorderTasks(plan.id, goal.id, [t.id, a.id], plan.version), 'conflict');
  });
});

// DESIGN.md, "Roles": the care-plan cells, through the client.
describe('the role table for care plans', () => {
  const writers: Role[] = ['str-worker', 'peer-support-worker', 'care-coordinator', 'team-lead'];
  const leads: Role[] = ['care-coordinator', 'team-lead'];
  for (const role of ROLES) {
    it(`${role}: plans ${leads.includes(role) ? 'yes' : 'no'}, notes ${writers.includes(role) ? 'yes' : 'no'}, own tasks ${writers.includes(role) ? 'yes' : 'no'}, others' tasks ${leads.includes(role) ? 'yes' : 'no'}`, async () => {
      const store = memoryStore();
      const { cc, plan, goal } = await seed(store);
      const me = clientAs(store, role, 'me');
      const mine = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Mine', owner: { kind: 'worker', workerId: 'me' } });
      const theirs = await cc.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'Theirs', owner: { kind: 'worker', workerId: 'someone-else' } });
      const lead = leads.includes(role);
      const writer = writers.includes(role);
      const attempt = async (p: Promise<unknown>, allowed: boolean) => (allowed ? p : rejects(p, 'forbidden'));

      expect(me.can('task.set-status-own', mine), 'can own').to.equal(writer);
      expect(me.can('task.set-status-own', theirs), 'can theirs').to.equal(lead);
      await attempt(me.tasks.complete(mine.id, mine.version), writer);
      await attempt(me.tasks.setStatus(theirs.id, 'in-progress', theirs.version), lead);
      await attempt(me.progressNotes.create({ about: { kind: 'task', id: mine.id }, text: 'Went well.' }), writer);
      await attempt(me.goals.create({ carePlanId: plan.id, text: 'Another goal', lifeArea: 'leisure' }), lead);
      await attempt(me.tasks.create({ carePlanId: plan.id, goalId: goal.id, text: 'New', owner: { kind: 'service-user' } }), lead);
      await attempt(me.tasks.update(theirs.id, { text: 'Edited' }, (await me.tasks.get(theirs.id)).version), lead);
      await attempt(me.carePlans.reorderGoals(plan.id, [goal.id], plan.version), lead);
      await attempt(me.carePlans.create({ serviceUserId: plan.serviceUserId }), lead);
      expect((await me.carePlans.loadCurrent(plan.serviceUserId))?.plan.id).to.equal(plan.id);
    });
  }
});
