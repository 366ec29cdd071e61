import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createClient, memoryStore, type Clock, type Store } from '@strkit/sdk';
import { html } from 'lit';
import '@strkit/components/define/str-care-plan.js';
import type { StrCarePlan } from '@strkit/components';
import {
  FIXTURE_COORDINATOR, FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER, emptyPlan, fixtureWorkers, largePlan, overduePlan, typicalPlan, type PlanFixture,
} from '../packages/components/src/care-plan/care-plan.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };

interface Args {
  fixture: PlanFixture;
  readonly: boolean;
  view: 'plan' | 'due' | 'review';
  width?: string;
}

const meta = {
  title: 'Care plan/Goals and tasks',
  component: 'str-care-plan',
  args: { fixture: typicalPlan(), readonly: false, view: 'plan' },
  argTypes: { view: { control: 'inline-radio', options: ['plan', 'due', 'review'] }, fixture: { table: { disable: true } } },
  render: (a: Args) => html`<div style=${a.width ? `max-width:${a.width}` : ''}>
    <str-care-plan .plan=${a.fixture.plan} .goals=${a.fixture.goals} .tasks=${a.fixture.tasks} .notes=${a.fixture.notes} .workers=${fixtureWorkers}
      actor-id=${FIXTURE_WORKER} view=${a.view} ?readonly=${a.readonly} .clock=${clock}></str-care-plan>
  </div>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const EmptyPlan: Story = { args: { fixture: emptyPlan() } };
export const TypicalPlan: Story = {};
export const FiveHundredTasks: Story = { args: { fixture: largePlan(500) } };
export const OverdueAndReviewDue: Story = { args: { fixture: overduePlan() } };
export const ReadOnly: Story = { args: { readonly: true } };
/** What is due in the next 7 days (overdue first), for a home visit. */
export const CompactHomeVisitView: Story = { args: { view: 'due' } };
export const ReviewSummary: Story = { args: { view: 'review', fixture: typicalPlan({ lastReviewedOn: '2026-05-18' }) } };
export const Narrow320: Story = { args: { width: '320px' } };

async function seeded(f: PlanFixture): Promise<Store> {
  const store = memoryStore();
  await store.put('serviceUser', { id: f.plan.serviceUserId, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson' });
  await store.put('carePlan', f.plan);
  for (const g of f.goals) await store.put('goal', g);
  for (const t of f.tasks) await store.put('task', t);
  for (const n of f.notes) await store.put('progressNote', n);
  return store;
}

/** Connected as the care co-ordinator: every control, writes to an in-memory store. */
export const ConnectedCoordinator: Story = {
  render: () => {
    const el = document.createElement('str-care-plan');
    void seeded(typicalPlan()).then((store) => {
      Object.assign(el, { client: createClient({ store, actor: { id: FIXTURE_COORDINATOR, role: 'care-coordinator' }, clock }), clock, workers: fixtureWorkers });
      el.serviceUserId = FIXTURE_PERSON_ID;
    });
    return el;
  },
};

/**
 * Someone else changed the task while the worker had it open: both versions side by side, the worker chooses.
 * (The worker's store does not hear other clients' writes, as with a FHIR server.)
 */
export const Conflict: Story = {
  render: () => {
    const el = document.createElement('str-care-plan');
    const f = typicalPlan();
    void seeded(f).then(async (store) => {
      const deaf: Store = { ...store, name: store.name, durability: store.durability, get: store.get, list: store.list, put: store.put, history: store.history, subscribe: () => () => undefined };
      Object.assign(el, { client: createClient({ store: deaf, actor: { id: FIXTURE_WORKER, role: 'str-worker' }, clock }), clock, workers: fixtureWorkers });
      el.serviceUserId = FIXTURE_PERSON_ID;
      await (el as StrCarePlan).whenLoaded();
      const cc = createClient({ store, actor: { id: FIXTURE_COORDINATOR, role: 'care-coordinator' }, clock });
      const t = f.tasks[0]!;
      await cc.tasks.update(t.id, { text: 'Fill in the housing register form (pages 3 to 6)' }, (await cc.tasks.get(t.id)).version);
      el.shadowRoot!.querySelector<HTMLButtonElement>(`#t-${t.id}-complete`)!.click();
    });
    return el;
  },
};

/** Connected to a store that has no such person: it says so and offers no "Start a care plan" (issue 15). */
export const UnknownPerson: Story = {
  render: () => {
    const el = document.createElement('str-care-plan');
    Object.assign(el, { client: createClient({ store: memoryStore(), actor: { id: FIXTURE_COORDINATOR, role: 'care-coordinator' }, clock }), clock });
    el.serviceUserId = FIXTURE_PERSON_ID;
    return el;
  },
};
