// Controlled mode (no client): every action the care plan offers fires exactly one cancelable intent with its own
// detail (ADR 0010). Not cancelled, the widget treats it as done (form closed, words in the status, focus placed);
// cancelled, the form stays as typed and nothing is said to be done. The records given are never changed.
import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, active, until } from '../../../../test/helpers/dom.js';
import { StrIntentEvent } from '../internal/events.js';
import '../define/str-care-plan.js';
import type { StrCarePlan } from './care-plan.js';
import { CARE_PLAN_NOTICES, type CarePlanIntentName } from './care-plan.events.js';
import { FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER, fixtureWorkers, typicalPlan, type PlanFixture } from './care-plan.fixtures.js';

const clock = { now: () => new Date(FIXTURE_NOW) };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const f = typicalPlan();
const [home, money, out] = f.goals as [PlanFixture['goals'][number], PlanFixture['goals'][number], PlanFixture['goals'][number]];
const t = (n: number) => f.tasks[n]!;

async function withPlan(): Promise<StrCarePlan> {
  const el = await fixture<StrCarePlan>(html`<str-care-plan .plan=${f.plan} .goals=${f.goals} .tasks=${f.tasks} .notes=${f.notes} .clock=${clock}
    .workers=${fixtureWorkers} actor-id=${FIXTURE_WORKER}></str-care-plan>`);
  await el.updateComplete;
  return el;
}

async function withoutPlan(): Promise<StrCarePlan> {
  const el = await fixture<StrCarePlan>(html`<str-care-plan service-user-id=${FIXTURE_PERSON_ID} .clock=${clock} .workers=${fixtureWorkers}
    actor-id=${FIXTURE_WORKER}></str-care-plan>`);
  await el.updateComplete;
  return el;
}

const status = (el: StrCarePlan) => $(el, '[role=status]').textContent!.trim();
const form = (el: StrCarePlan) => $<HTMLFormElement>(el, 'form.editor');
const value = (el: StrCarePlan, sel: string) => $<HTMLInputElement>(el, sel).value;
async function click(el: StrCarePlan, sel: string) {
  $(el, sel).click();
  await el.updateComplete;
}
async function set(el: StrCarePlan, sel: string, v: string) {
  const input = $<HTMLInputElement>(el, sel);
  input.value = v;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}
const submit = (el: StrCarePlan) => $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();

interface IntentCase {
  readonly make: () => Promise<StrCarePlan>;
  /** Opens what the action needs, types, and presses the button that fires the intent. */
  readonly act: (el: StrCarePlan) => Promise<void>;
  /** The detail expected; `got` supplies the new record's id, which the widget makes. */
  readonly detail: (got: Record<string, unknown>) => unknown;
  /** Not cancelled: what the widget shows once it treats the action as done. */
  readonly done: (el: StrCarePlan) => unknown;
  /** Cancelled: the form (if any) as typed, and nothing said to be done. */
  readonly kept: (el: StrCarePlan) => void;
}

const newId = (got: Record<string, unknown>, key: string) => {
  const id = (got[key] as { id: string }).id;
  expect(id).to.match(UUID);
  return id;
};

const CASES: Record<CarePlanIntentName, IntentCase> = {
  'str-care-plan-create': {
    make: withoutPlan,
    act: async (el) => {
      await click(el, '#plan-start');
      await set(el, '#ed-agreed-on', '2026-06-01');
      await set(el, '#ed-next-review-on', '2026-09-01');
      submit(el);
    },
    detail: (got) => ({
      plan: { id: newId(got, 'plan'), serviceUserId: FIXTURE_PERSON_ID, status: 'draft', agreedWith: [{ kind: 'service-user' }], agreedOn: '2026-06-01', nextReviewOn: '2026-09-01' },
    }),
    done: (el) => {
      expect(form(el)).to.equal(null);
      expect(status(el)).to.equal('Care plan started');
    },
    kept: (el) => expect(value(el, '#ed-next-review-on')).to.equal('2026-09-01'),
  },
  'str-care-plan-update': {
    make: withPlan,
    act: async (el) => {
      await click(el, '#plan-edit');
      await set(el, '#ed-status', 'on-hold');
      submit(el);
    },
    detail: () => ({
      carePlanId: f.plan.id, expectedVersion: f.plan.version,
      changes: { status: 'on-hold', agreedWith: [{ kind: 'service-user' }, { kind: 'carer', name: 'Jo Storycarer' }], agreedOn: '2026-05-01', nextReviewOn: '2026-08-01' },
    }),
    done: async (el) => {
      expect(status(el)).to.equal('Plan details saved');
      await until(el, () => active(el)?.id === 'plan-edit', 'focus back on Edit plan details');
    },
    kept: (el) => expect(value(el, '#ed-status')).to.equal('on-hold'),
  },
  'str-care-plan-review': {
    make: withPlan,
    act: async (el) => {
      await click(el, '#plan-review');
      await set(el, '#ed-next-review-on', '2026-09-05');
      submit(el);
    },
    detail: () => ({ carePlanId: f.plan.id, reviewedOn: '2026-06-05', nextReviewOn: '2026-09-05', expectedVersion: f.plan.version }),
    done: async (el) => {
      expect(status(el)).to.equal('Review recorded. Next review 5 September 2026');
      await until(el, () => active(el)?.id === 'plan-review', 'focus back on Record a review');
    },
    kept: (el) => expect(value(el, '#ed-next-review-on')).to.equal('2026-09-05'),
  },
  'str-goals-reorder': {
    make: withPlan,
    act: (el) => click(el, `#g-${out.id}-up`),
    detail: () => ({ carePlanId: f.plan.id, goalIds: [home.id, out.id, money.id], expectedVersion: f.plan.version }),
    done: (el) => expect(status(el)).to.equal('Moved the goal to position 2 of 3'),
    kept: (el) => expect($$(el, 'li.goal').map((g) => g.dataset['goalId'])).to.deep.equal([home.id, money.id, out.id]),
  },
  'str-tasks-reorder': {
    make: withPlan,
    act: (el) => click(el, `#t-${t(0).id}-down`),
    detail: () => ({ carePlanId: f.plan.id, goalId: home.id, taskIds: [t(1).id, t(0).id, t(2).id], expectedVersion: f.plan.version }),
    done: (el) => expect(status(el)).to.equal(`Moved “${t(0).text}” to position 2 of 3`),
    kept: (el) => expect($$(el, `li[data-goal-id="${home.id}"] li[data-task-id]`).map((li) => li.dataset['taskId'])).to.deep.equal([t(0).id, t(1).id, t(2).id]),
  },
  'str-goal-create': {
    make: withPlan,
    act: async (el) => {
      await click(el, '#goal-add');
      await set(el, '#ed-text', 'See my grandson on Sundays');
      await set(el, '#ed-life-area', 'relationships');
      submit(el);
    },
    detail: (got) => ({ goal: { id: newId(got, 'goal'), carePlanId: f.plan.id, text: 'See my grandson on Sundays', lifeArea: 'relationships' } }),
    done: (el) => {
      expect(form(el)).to.equal(null);
      expect(status(el)).to.equal('Goal added');
    },
    kept: (el) => expect(value(el, '#ed-text')).to.equal('See my grandson on Sundays'),
  },
  'str-goal-update': {
    make: withPlan,
    act: async (el) => {
      await click(el, `#g-${money.id}-edit`);
      await set(el, '#ed-text', 'Sort my money out.');
      submit(el);
    },
    detail: () => ({ goalId: money.id, changes: { text: 'Sort my money out.', lifeArea: 'money-and-benefits', targetDate: null, status: 'active' }, expectedVersion: money.version }),
    done: async (el) => {
      expect(status(el)).to.equal('Goal saved');
      await until(el, () => active(el)?.id === `g-${money.id}-heading`, 'focus on the goal');
    },
    kept: (el) => expect(value(el, '#ed-text')).to.equal('Sort my money out.'),
  },
  'str-task-create': {
    make: withPlan,
    act: async (el) => {
      await click(el, `#g-${out.id}-add-task`);
      await set(el, '#ed-text', 'Buy goggles');
      await set(el, '#ed-due-date', '2026-06-09');
      submit(el);
    },
    detail: (got) => ({
      task: { id: newId(got, 'task'), carePlanId: f.plan.id, goalId: out.id, text: 'Buy goggles', owner: { kind: 'worker', workerId: FIXTURE_WORKER }, dueDate: '2026-06-09' },
    }),
    done: (el) => {
      expect(form(el)).to.equal(null);
      expect(status(el)).to.equal('Task added: Buy goggles');
    },
    kept: (el) => expect([value(el, '#ed-text'), value(el, '#ed-due-date')]).to.deep.equal(['Buy goggles', '2026-06-09']),
  },
  'str-task-update': {
    make: withPlan,
    act: async (el) => {
      await click(el, `#t-${t(7).id}-edit`);
      await set(el, '#ed-text', 'Go to the pool on a quiet morning');
      await set(el, '#ed-owner', 'service-user');
      submit(el);
    },
    detail: () => ({
      taskId: t(7).id, expectedVersion: t(7).version,
      changes: { text: 'Go to the pool on a quiet morning', owner: { kind: 'service-user' }, dueDate: '2026-06-16', repeat: null },
    }),
    done: async (el) => {
      expect(status(el)).to.equal('Task saved');
      await until(el, () => active(el)?.id === `t-${t(7).id}-name`, 'focus on the task');
    },
    kept: (el) => expect([value(el, '#ed-text'), value(el, '#ed-owner')]).to.deep.equal(['Go to the pool on a quiet morning', 'service-user']),
  },
  'str-task-complete': {
    make: withPlan,
    act: (el) => click(el, `#t-${t(0).id}-complete`),
    detail: () => ({ taskId: t(0).id, expectedVersion: t(0).version }),
    done: async (el) => {
      expect(status(el)).to.equal(`Task completed: ${t(0).text}`);
      await until(el, () => active(el)?.id === 'ed-text', 'the quick note offered, focused');
    },
    kept: (el) => {
      expect(form(el)).to.equal(null);
      expect($(el, `li[data-task-id="${t(0).id}"] .tag`).textContent).to.equal('In progress');
    },
  },
  'str-task-reopen': {
    make: withPlan,
    act: (el) => click(el, `#t-${t(5).id}-reopen`),
    detail: () => ({ taskId: t(5).id, expectedVersion: t(5).version }),
    done: (el) => expect(status(el)).to.equal(`Task reopened: ${t(5).text}`),
    kept: (el) => expect($(el, `li[data-task-id="${t(5).id}"] .tag`).textContent).to.equal('Completed'),
  },
  'str-task-status-change': {
    make: withPlan,
    act: async (el) => {
      await click(el, `#t-${t(3).id}-status-btn`);
      $$<HTMLInputElement>(el, 'input[name=status]').find((i) => i.value === 'cancelled')!.click();
      await set(el, '#ed-reason', 'The person chose to do it with family');
      submit(el);
    },
    detail: () => ({ taskId: t(3).id, status: 'cancelled', reason: 'The person chose to do it with family', expectedVersion: t(3).version }),
    done: async (el) => {
      expect(status(el)).to.equal(`Status of “${t(3).text}” is now Cancelled`);
      await until(el, () => active(el)?.id === `t-${t(3).id}-name`, 'focus on the task');
    },
    kept: (el) => {
      expect($$<HTMLInputElement>(el, 'input[name=status]').find((i) => i.checked)?.value).to.equal('cancelled');
      expect(value(el, '#ed-reason')).to.equal('The person chose to do it with family');
    },
  },
  'str-progress-note-create': {
    make: withPlan,
    act: async (el) => {
      await click(el, `#n-${t(1).id}-add`);
      await set(el, '#ed-text', 'Rang twice,\nno answer.');
      submit(el);
    },
    detail: (got) => ({ note: { id: newId(got, 'note'), about: { kind: 'task', id: t(1).id }, text: 'Rang twice,\nno answer.' } }),
    done: async (el) => {
      expect(form(el)).to.equal(null);
      expect(status(el)).to.equal('Progress note saved');
      await until(el, () => active(el)?.id === `n-${t(1).id}-add`, 'focus back on Add a progress note');
    },
    kept: (el) => expect(value(el, '#ed-text')).to.equal('Rang twice,\nno answer.'),
  },
};

const ALL_NAMES = [...Object.keys(CARE_PLAN_NOTICES), ...Object.values(CARE_PLAN_NOTICES)];

/** Every care-plan event `el` fires while `act` runs; `cancel` refuses each intent. */
async function heard(el: StrCarePlan, act: () => Promise<void>, cancel: boolean): Promise<Event[]> {
  const events: Event[] = [];
  const listen = (e: Event) => {
    events.push(e);
    if (cancel) e.preventDefault();
  };
  for (const n of ALL_NAMES) document.addEventListener(n, listen);
  try {
    await act();
    await el.updateComplete;
  } finally {
    for (const n of ALL_NAMES) document.removeEventListener(n, listen);
  }
  return events;
}

describe('<str-care-plan> in controlled mode', () => {
  it('has a case for each of its 13 intents', () => {
    expect(Object.keys(CASES)).to.have.members(Object.keys(CARE_PLAN_NOTICES));
    expect(Object.keys(CASES)).to.have.length(13);
  });

  for (const [name, c] of Object.entries(CASES) as [CarePlanIntentName, IntentCase][]) {
    describe(name, () => {
      it('fires once, cancelable, with its own detail; not cancelled, the widget treats it as done and changes no record', async () => {
        const before = structuredClone({ plan: f.plan, goals: f.goals, tasks: f.tasks, notes: f.notes });
        const el = await c.make();
        const events = await heard(el, () => c.act(el), false);
        expect(events.map((e) => e.type), 'one intent, no notification').to.deep.equal([name]);
        const e = events[0] as StrIntentEvent<Record<string, unknown>>;
        expect(e).to.be.instanceOf(StrIntentEvent);
        expect([e.cancelable, e.bubbles, e.composed]).to.deep.equal([true, true, true]);
        expect(e.detail).to.deep.equal(c.detail(e.detail));
        await c.done(el);
        expect({ plan: f.plan, goals: f.goals, tasks: f.tasks, notes: f.notes }, 'the records given, untouched').to.deep.equal(before);
      });

      it('cancelled: keeps what was typed and says nothing was done', async () => {
        const el = await c.make();
        const events = await heard(el, () => c.act(el), true);
        expect(events.map((e) => e.type)).to.deep.equal([name]);
        expect(events[0]!.defaultPrevented).to.equal(true);
        expect(status(el)).to.equal('');
        c.kept(el);
      });
    });
  }
});
