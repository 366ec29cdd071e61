// Synthetic care plans shared by tests, stories and benchmarks. Invented people, goals and notes only.
import type { CarePlan, Goal, LifeArea, ProgressNote, Store, Task, Worker } from '@strkit/sdk';
import { FIXTURE_NOW, FIXTURE_PERSON_ID } from '../contact-log/contact-log.fixtures.js';

export { FIXTURE_NOW, FIXTURE_PERSON_ID };
/** Friday 5 June 2026 in the UK. */
export const FIXTURE_TODAY = '2026-06-05';
export const FIXTURE_WORKER = 'story-worker';
export const FIXTURE_COORDINATOR = 'story-coordinator';
export const FIXTURE_PLAN_ID = '10000000-0000-4000-8000-000000000001';

export const fixtureWorkers: readonly Worker[] = [
  { id: '50000000-0000-4000-8000-000000000001', actorId: FIXTURE_WORKER, name: 'Ash Storyworker', role: 'str-worker', version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead' },
  { id: '50000000-0000-4000-8000-000000000002', actorId: FIXTURE_COORDINATOR, name: 'Bea Storycoordinator', role: 'care-coordinator', version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead' },
];

const env = (id: string, at = '2026-05-01T09:00:00Z', by = FIXTURE_COORDINATOR) => ({
  id, version: '1', schemaVersion: 1, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by,
});
const uuid = (prefix: number, n: number) => `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function fixturePlan(overrides: Partial<CarePlan> = {}): CarePlan {
  return {
    ...env(FIXTURE_PLAN_ID, '2026-05-01T09:00:00Z'),
    serviceUserId: FIXTURE_PERSON_ID,
    coordinatorId: FIXTURE_COORDINATOR,
    agreedWith: [{ kind: 'service-user' }, { kind: 'carer', name: 'Jo Storycarer' }],
    agreedOn: '2026-05-01',
    nextReviewOn: '2026-08-01',
    status: 'active',
    goalOrder: [],
    taskOrder: {},
    ...overrides,
  };
}

export function fixtureGoal(n: number, text: string, lifeArea: LifeArea, overrides: Partial<Goal> = {}): Goal {
  return { ...env(uuid(20000000, n), `2026-05-01T09:0${n % 10}:00Z`), serviceUserId: FIXTURE_PERSON_ID, carePlanId: FIXTURE_PLAN_ID, text, lifeArea, status: 'active', ...overrides };
}

export function fixtureTask(n: number, goal: Goal, text: string, overrides: Partial<Task> = {}): Task {
  const at = new Date(Date.parse('2026-05-01T10:00:00Z') + n * 1000).toISOString();
  return {
    ...env(uuid(30000000, n), at), serviceUserId: FIXTURE_PERSON_ID, carePlanId: FIXTURE_PLAN_ID, goalId: goal.id, text,
    owner: { kind: 'worker', workerId: FIXTURE_WORKER }, status: 'not-started', ...overrides,
  };
}

export function fixtureNote(n: number, about: ProgressNote['about'], text: string, at = '2026-05-20T15:00:00Z'): ProgressNote {
  return { ...env(uuid(40000000, n), at, FIXTURE_WORKER), serviceUserId: FIXTURE_PERSON_ID, carePlanId: FIXTURE_PLAN_ID, about, text };
}

export interface PlanFixture {
  readonly plan: CarePlan;
  readonly goals: readonly Goal[];
  readonly tasks: readonly Task[];
  readonly notes: readonly ProgressNote[];
}

/** A typical plan: three goals in the person's words, tasks for the worker, the person, a carer and another service. */
export function typicalPlan(overrides: Partial<CarePlan> = {}): PlanFixture {
  const home = fixtureGoal(1, 'I want to move somewhere with a garden, near my sister.', 'housing', { targetDate: '2027-03-31' });
  const money = fixtureGoal(2, 'Sort my money out so I’m not worrying every week.', 'money-and-benefits');
  const out = fixtureGoal(3, 'Get back to swimming on Tuesdays.', 'leisure');
  const tasks = [
    fixtureTask(1, home, 'Fill in the housing register form together', { dueDate: '2026-06-08', status: 'in-progress' }),
    fixtureTask(2, home, 'Ring the housing officer about the bidding number', { owner: { kind: 'service-user' }, dueDate: '2026-06-03' }),
    fixtureTask(3, home, 'Visit the flat on Elm Road', { owner: { kind: 'carer', name: 'Jo Storycarer' }, status: 'cannot-start-yet', statusReason: 'Waiting for a viewing date' }),
    fixtureTask(4, money, 'Check benefits with the welfare rights service', { owner: { kind: 'other-service', name: 'Welfare Rights Service' }, dueDate: '2026-06-12' }),
    fixtureTask(5, money, 'Weekly budget check-in', { dueDate: '2026-06-09', repeat: 'weekly', status: 'in-progress', lastDoneOn: '2026-06-02' }),
    fixtureTask(6, money, 'Open a basic bank account', { status: 'completed', lastDoneOn: '2026-05-20' }),
    fixtureTask(7, out, 'Find out the leisure centre timetable', { owner: { kind: 'worker', workerId: FIXTURE_COORDINATOR }, status: 'completed', lastDoneOn: '2026-05-15' }),
    fixtureTask(8, out, 'Go to the pool together for the first time', { dueDate: '2026-06-16' }),
  ];
  const notes = [
    fixtureNote(1, { kind: 'task', id: tasks[0]!.id }, 'Did the first two pages at home. Needs proof of address for the rest.', '2026-05-28T14:00:00Z'),
    fixtureNote(2, { kind: 'goal', id: out.id }, 'Said they feel nervous about the changing rooms; we will go at a quiet time.', '2026-05-29T11:00:00Z'),
    fixtureNote(3, { kind: 'task', id: tasks[5]!.id }, 'Account opened.\nCard arrives in a week.', '2026-05-20T16:00:00Z'),
  ];
  return { plan: fixturePlan({ goalOrder: [home.id, money.id, out.id], ...overrides }), goals: [home, money, out], tasks, notes };
}

/** Review date passed and tasks overdue (judged on 5 June 2026). */
export function overduePlan(): PlanFixture {
  const p = typicalPlan({ nextReviewOn: '2026-06-01' });
  return { ...p, tasks: p.tasks.map((t, i) => (i === 0 ? { ...t, dueDate: '2026-05-29' } : t)) };
}

/** A plan with `count` tasks over 10 goals. */
export function largePlan(count = 500): PlanFixture {
  const areas: LifeArea[] = ['housing', 'work-and-learning', 'money-and-benefits', 'relationships', 'physical-health', 'daily-living', 'leisure', 'mental-health', 'housing', 'leisure'];
  const goals = areas.map((a, i) => fixtureGoal(i + 1, `Goal ${i + 1}: things the person wants in their own words`, a));
  const statuses: Task['status'][] = ['not-started', 'in-progress', 'completed', 'cannot-start-yet', 'in-progress'];
  const tasks = Array.from({ length: count }, (_, i) => {
    const status = statuses[i % statuses.length]!;
    return fixtureTask(i + 1, goals[i % goals.length]!, `Task ${i + 1}: a step towards the goal`, {
      status,
      dueDate: `2026-0${6 + (i % 3)}-${String((i % 28) + 1).padStart(2, '0')}`,
      ...(status === 'completed' && { lastDoneOn: '2026-05-20' }),
      ...(i % 4 === 0 && { owner: { kind: 'service-user' } }),
    });
  });
  return { plan: fixturePlan({ goalOrder: goals.map((g) => g.id) }), goals, tasks, notes: [] };
}

/** A plan agreed but with no goals yet. */
export function emptyPlan(): PlanFixture {
  return { plan: fixturePlan({ status: 'draft', agreedWith: [] }), goals: [], tasks: [], notes: [] };
}

/** Puts a fixture plan in a store as its records, the person first: the widget saves nothing for a person the store
 * does not have (issue 15). */
export async function seedPlan(store: Store, f: PlanFixture = typicalPlan()): Promise<PlanFixture> {
  await store.put('serviceUser', { id: f.plan.serviceUserId, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson' });
  await store.put('carePlan', f.plan);
  for (const g of f.goals) await store.put('goal', g);
  for (const t of f.tasks) await store.put('task', t);
  for (const n of f.notes) await store.put('progressNote', n);
  return f;
}

/** The same store, but it never tells this client about other clients' writes (as a FHIR server would not). */
export const deafStore = (store: Store): Store => ({ ...store, name: store.name, durability: store.durability, get: store.get, list: store.list, put: store.put, history: store.history, subscribe: () => () => undefined });
