// Issue 15, "Wrong person, silently": <str-care-plan> with no person, or a person the store does not have, says so and
// saves nothing. Synthetic people only.
import { createClient, memoryDrafts, memoryStore, type Clock, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { $, until } from '../../../../test/helpers/dom.js';
import { clientAs } from '../../../../test/helpers/clients.js';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-care-plan.js';
import type { StrCarePlan } from './care-plan.js';
import { FIXTURE_COORDINATOR, FIXTURE_NOW, FIXTURE_WORKER, fixtureWorkers, typicalPlan } from './care-plan.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };
const coordinator = (store: Store) => clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR);
const UNKNOWN = '0d3c1f2e-5a6b-4c7d-8e9f-a0b1c2d3e4f5';

/** The store, with the person look-up held until `release` is called (the check still in flight when a form is saved). */
function slowPersonLookUp(store: Store) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const held: Store = {
    ...store, name: store.name, durability: store.durability, list: store.list, put: store.put, history: store.history, subscribe: store.subscribe,
    get: async (type, id) => (type === 'serviceUser' && (await gate), store.get(type, id)),
  };
  return { store: held, release };
}

describe('<str-care-plan> and the person it is for', () => {
  it('connected with no person: says politely that no person is chosen and offers no "Start a care plan"', async () => {
    const el = await fixture<StrCarePlan>(html`<str-care-plan .client=${coordinator(memoryStore())} .clock=${clock}></str-care-plan>`);
    await el.updateComplete;
    expect($(el, '[role=status].no-person')?.textContent).to.include('No person is chosen');
    expect($(el, '[role=alert]'), 'no alert: nothing was refused').to.equal(null);
    expect($(el, '#plan-start')).to.equal(null);
    expect($(el, 'form')).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('controlled with no person and no plan: says so and offers no form', async () => {
    const el = await fixture<StrCarePlan>(html`<str-care-plan .clock=${clock}></str-care-plan>`);
    expect($(el, '.no-person')?.textContent).to.include('No person is chosen');
    expect(el.shadowRoot!.querySelectorAll('button, form')).to.have.length(0);
  });

  it('connected with a person the store does not have: says so in an alert and offers no "Start a care plan"', async () => {
    const el = await fixture<StrCarePlan>(html`<str-care-plan service-user-id=${UNKNOWN} .client=${coordinator(memoryStore())} .clock=${clock}></str-care-plan>`);
    await el.whenLoaded();
    await until(el, () => !!$(el, '[role=alert].no-person'), 'refusal shown');
    expect($(el, '[role=alert].no-person')!.textContent).to.include('This person is not in the record system');
    expect($(el, '#plan-start')).to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('a plan started before the store answered "no such person" is refused, nothing is stored, and the form keeps what was typed', async () => {
    const memory = memoryStore();
    const { store, release } = slowPersonLookUp(memory);
    const el = await fixture<StrCarePlan>(html`<str-care-plan service-user-id=${UNKNOWN} .client=${coordinator(store)} .clock=${clock}></str-care-plan>`);
    await el.whenLoaded();
    $<HTMLButtonElement>(el, '#plan-start')!.click();
    await until(el, () => !!$(el, 'form.editor'), 'form open');
    const next = $<HTMLInputElement>(el, 'form.editor [name=next-review-on]')!;
    next.value = '2026-09-01';
    $<HTMLButtonElement>(el, 'form.editor button[type=submit]')!.click();
    release();
    await until(el, () => !!$(el, '.problem[tabindex]'), 'save refused');
    expect($(el, '.problem[tabindex]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '.problem[tabindex]')!.textContent).to.include('Not saved: this person is not in the record system');
    expect((await memory.list('carePlan', { limit: 10_000 })).items, 'nothing stored').to.have.length(0);
    expect($<HTMLInputElement>(el, 'form.editor [name=next-review-on]')?.value, 'what was typed is still there').to.equal('2026-09-01');
  });
});

describe('<str-care-plan> shows names, not ids', () => {
  it('connected with no worker list given: the co-ordinator and task owners are named from the store, no id is shown', async () => {
    const store = memoryStore();
    const f = typicalPlan();
    await store.put('serviceUser', { id: f.plan.serviceUserId, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson' });
    for (const w of fixtureWorkers) await store.put('worker', w);
    for (const [type, records] of [['carePlan', [f.plan]], ['goal', f.goals], ['task', f.tasks], ['progressNote', f.notes]] as const) {
      for (const r of records) await store.put(type, r as never);
    }
    const viewer = createClient({ store, drafts: memoryDrafts(), actor: { id: 'story-viewer', role: 'viewer' }, clock });
    const el = await fixture<StrCarePlan>(html`<str-care-plan service-user-id=${f.plan.serviceUserId} .client=${viewer} .clock=${clock}></str-care-plan>`);
    await el.whenLoaded();
    await until(el, () => !!$(el, '[part=header]')?.textContent!.includes('Bea Storycoordinator'), 'co-ordinator named');
    expect($(el, `li[data-task-id="${f.tasks[0]!.id}"] .hint`)!.textContent).to.include('Ash Storyworker');
    const text = el.shadowRoot!.textContent!;
    for (const id of [FIXTURE_WORKER, FIXTURE_COORDINATOR]) expect(text, `no id ${id} on screen`).not.to.include(id);
  });
});
