// Issue 17, phone layout: at 320 px wide (a real viewport, setViewport) every state of every widget, the four relapse
// elements included, has no axe violation, never scrolls the page sideways (document.scrollingElement.scrollWidth <=
// innerWidth) and draws no word broken across two lines ("Tot al", "Octobe r"). Each state is reached the way a worker
// reaches it: a view button, a form opened, a check saved. Synthetic people only.
import { createClient, indexedDbStore, memoryStore, syncedStore, StrError, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { $$, button, until } from '../helpers/dom.js';
import { clientAs, fixtureClock } from '../helpers/clients.js';
import { validContact } from '../helpers/fixtures.js';
import { brokenWords } from '../helpers/layout.js';
import { expectNoAxeViolations } from './axe.js';
import '../../packages/components/src/define/str-care-plan.js';
import '../../packages/components/src/define/str-contact-log.js';
import '../../packages/components/src/define/str-relapse-signs.js';
import '../../packages/components/src/define/str-relapse-check.js';
import '../../packages/components/src/define/str-relapse-trend.js';
import '../../packages/components/src/define/str-relapse-plan.js';
import '../../packages/components/src/define/str-alert-inbox.js';
import '../../packages/components/src/define/str-sync-status.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID, weekOfContacts } from '../../packages/components/src/contact-log/contact-log.fixtures.js';
import { fixtureWorkers, typicalPlan } from '../../packages/components/src/care-plan/care-plan.fixtures.js';
import { FIXTURE_COORDINATOR, fixtureAlert, fixtureCheck, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

type Widget = LitElement & { whenLoaded(): Promise<void>; value?: unknown };
/** One state: its name, and how a worker gets there from the state before. */
type Step = readonly [string, (el: Widget) => Promise<void>];

const WIDTH = 320;

/** The person, workers, a care plan, a warning-sign plan with five checks (the longest month names), and two alerts. */
async function seeded(): Promise<Store> {
  const store = memoryStore();
  await store.put('serviceUser', FIXTURE_PERSON);
  for (const w of fixtureWorkers) await store.put('worker', w);
  for (const c of weekOfContacts) await store.put('contact', c);
  const f = typicalPlan();
  await store.put('carePlan', f.plan);
  for (const g of f.goals) await store.put('goal', g);
  for (const t of f.tasks) await store.put('task', t);
  for (const n of f.notes) await store.put('progressNote', n);
  const plan = await store.put('warningSignPlan', signPlan());
  const ats = ['2026-03-09T10:00:00Z', '2026-03-16T10:00:00Z', '2026-03-23T10:00:00Z', '2026-05-25T10:00:00Z', '2026-06-01T10:00:00Z'];
  const checks = ats.map((at, k) => fixtureCheck(plan, 400 + k, at, (i) => (i < 2 && k > 2 ? 1 : 0), { planVersion: plan.version }));
  for (const c of checks) await store.put('signCheck', c);
  await store.put('alert', fixtureAlert(checks[4]!, 1, 30));
  await store.put('alert', fixtureAlert(checks[4]!, 2, 40, { status: 'acknowledged', acknowledged: { by: FIXTURE_COORDINATOR, at: '2026-06-04T09:00:00Z', action: 'Rang the person; visiting tomorrow with the duty worker.' } }));
  return store;
}

/** Presses the button whose words start with `text`, then waits until `ready` holds. */
const press = (text: string, ready: (el: Widget) => boolean): Step[1] => async (el) => {
  const b = button(el, text);
  expect(b, `a "${text}" button`).to.not.equal(undefined);
  b!.click();
  await until(el, () => ready(el), `after "${text}"`);
};
const has = (selector: string) => (el: Widget) => $$(el, selector).length > 0;
const says = (text: string) => (el: Widget) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').includes(text);
/** Opens every disclosure, so the text inside is laid out too. */
const openAll: Step[1] = async (el) => {
  for (const d of $$<HTMLDetailsElement>(el, 'details')) d.open = true;
  await el.updateComplete;
};
/** A check with a late sign rated 2, saved: the alert rule is met, and the result offers to send an alert. */
const ruleMet: Step[1] = async (el) => {
  const plan = signPlan();
  el.value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [plan.signs[9]!.id]: 2 };
  await el.updateComplete;
  await press('Save check', says('Send an alert'))(el);
};

const CASES: readonly (readonly [string, string, readonly Step[]])[] = [
  ['str-contact-log', '', [['ready', openAll], ['errors', press('Save contact', has('.error-summary'))]]],
  ['str-care-plan', '', [
    ['goals and tasks', openAll],
    ['due in the next 7 days', press('Due in the next 7 days', says('next 7 days'))],
    ['review summary', async (el) => {
      await press('Review summary', has('[part=review]'))(el);
      const shown = (sel: string) => $$(el, sel).filter((n) => n.getClientRects().length > 0);
      expect(shown('[part=review] table'), 'no table under 480 px').to.have.length(0);
      expect(shown('.review-list li dt').slice(0, 3).map((dt) => dt.textContent), 'each figure with its label').to.deep.equal(['Done since', 'Open', 'Overdue']);
    }],
    ['editing the plan', async (el) => {
      await press('Goals and tasks', has('#plan-edit'))(el);
      await press('Edit plan details', has('form.editor'))(el);
    }],
    ['recording a review', async (el) => {
      await press('Cancel', (e) => !has('form.editor')(e))(el);
      await press('Record a review', has('form.editor'))(el);
    }],
    ['adding a goal', async (el) => {
      await press('Cancel', (e) => !has('form.editor')(e))(el);
      await press('Add a goal', has('form.editor'))(el);
    }],
  ]],
  ['str-relapse-signs', 'check', [
    ['check', async () => undefined],
    ['trend', press('Trend', has('[part=trend]'))],
    ['plan', press('The plan', has('#plan-heading'))],
    ['alerts', press('Alerts', has('#alerts-heading'))],
  ]],
  ['str-relapse-check', '', [
    ['the form', async () => undefined],
    ['errors', press('Save check', has('.error-summary'))],
    ['alert rule met', ruleMet],
  ]],
  ['str-relapse-trend', '', [['five checks', async () => undefined]]],
  ['str-relapse-plan', '', [['the plan', async () => undefined], ['editing', press('Edit the plan', has('form.editor'))]]],
  ['str-alert-inbox', '', [['open and acknowledged alerts', async () => undefined]]],
];

/** No axe violation, no sideways scroll, no broken word: in `state`. */
async function fitsAPhone(el: Widget, state: string) {
  await el.updateComplete;
  expect(document.scrollingElement!.scrollWidth, `${state}: page width`).to.be.at.most(innerWidth);
  expect(brokenWords(el), `${state}: words broken across lines`).to.deep.equal([]);
  await expectNoAxeViolations(el);
}

describe(`every widget on a phone (${WIDTH} px)`, () => {
  before(() => setViewport({ width: WIDTH, height: 844 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [tag, view, steps] of CASES) {
    it(`<${tag}>${view ? ` (from view="${view}")` : ''} in every state (${steps.map(([s]) => s).join(', ')}): no axe violation, no sideways scroll, no word broken`, async function () {
      this.timeout(60_000);
      const el = document.createElement(tag) as Widget & { client: unknown; clock: unknown };
      Object.assign(el, { client: clientAs(await seeded(), 'care-coordinator', FIXTURE_COORDINATOR), clock: fixtureClock });
      el.setAttribute('service-user-id', FIXTURE_PERSON_ID);
      if (view) el.setAttribute('view', view);
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await el.whenLoaded();
      expect(innerWidth).to.equal(WIDTH);
      for (const [state, reach] of steps) {
        await reach(el);
        await fitsAPhone(el, state);
      }
    });
  }

  it('<str-care-plan>: the news of an action far down the plan is on screen where the worker is, and announced', async function () {
    this.timeout(60_000);
    const el = document.createElement('str-care-plan') as Widget & { client: unknown; clock: unknown };
    Object.assign(el, { client: clientAs(await seeded(), 'care-coordinator', FIXTURE_COORDINATOR), clock: fixtureClock });
    el.setAttribute('service-user-id', FIXTURE_PERSON_ID);
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await el.whenLoaded();
    // The last task of the last goal, pressed by keyboard: the page scrolls down to it.
    const last = typicalPlan().tasks.at(-1)!;
    const done = el.shadowRoot!.getElementById(`t-${last.id}-complete`)!;
    done.focus();
    await sendKeys({ press: 'Enter' });
    const news = () => $$(el, '[role=status]').find((p) => p.textContent!.includes(`Task completed: ${last.text}`));
    await until(el, () => !!news(), 'the status says the task was completed');
    expect(scrollY, 'the page scrolled down to the task').to.be.greaterThan(innerHeight);
    const box = news()!.getBoundingClientRect();
    expect({ top: box.top >= 0, bottom: box.bottom <= innerHeight }, `the status on screen (${Math.round(box.top)} to ${Math.round(box.bottom)} of ${innerHeight})`).to.deep.equal({ top: true, bottom: true });
    expect(news()!.getAttribute('aria-live'), 'announced').to.equal('polite');
    await expectNoAxeViolations(el);
  });

  it('<str-sync-status> with a refused change and one waiting: no axe violation, no sideways scroll, no word broken', async () => {
    const real = memoryStore();
    const remote: Store = { ...real, name: 'refusing', put: () => Promise.reject(new StrError('forbidden', 'refused (forbidden)', false)) } as Store;
    const s = syncedStore({ local: indexedDbStore({ name: `phone-${Math.random()}`, persist: false }), remote, auto: false });
    try {
      await s.put('contact', validContact());
      await s.sync.now();
      await s.put('contact', validContact());
      const el = await fixture<Widget>(html`<str-sync-status .client=${createClient({ store: s, actor: { id: 'w1', role: 'str-worker' } })}></str-sync-status>`);
      await until(el, () => $$(el, 'button').length >= 3, 'a refusal and an unsent change');
      await fitsAPhone(el, 'a refusal');
    } finally {
      s.close?.();
    }
  });
});
