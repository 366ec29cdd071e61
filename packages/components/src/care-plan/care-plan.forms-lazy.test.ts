// The care plan's forms load after the plan is drawn, not with the element (issue 19, ADR 0019): the plan shows at
// once; a form asked for before they arrive opens when they do, the wait said in a status; a failed load is said in
// words and asking again loads anew.
import { expect, fixture, html } from '@open-wc/testing';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import { $, active, until } from '../../../../test/helpers/dom.js';
import '../define/str-care-plan.js';
import type { StrCarePlan } from './care-plan.js';
import { COMMON } from '../l10n/common.messages.js';
import { loadTranslation } from '../l10n/locale.js';
import { carePlanForms } from './care-plan.forms-lazy.js';
import { CARE_PLAN_MESSAGES } from './care-plan.messages.js';
import { FIXTURE_NOW, FIXTURE_WORKER, fixtureWorkers, typicalPlan } from './care-plan.fixtures.js';

type FormsModule = Awaited<ReturnType<typeof carePlanForms.load>>;
const realLoad = carePlanForms.load;
const clock = { now: () => new Date(FIXTURE_NOW) };
const f = typicalPlan();

/** A loader the test releases by hand: every load so far fails, or passes with the real module. */
function heldLoader() {
  const held: ((ok: boolean) => void)[] = [];
  const loads: Promise<FormsModule>[] = [];
  carePlanForms.module = undefined;
  carePlanForms.pending = undefined;
  carePlanForms.load = () => {
    const p = new Promise<boolean>((r) => held.push(r)).then((ok) => (ok ? realLoad() : Promise.reject(new TypeError('Failed to fetch dynamically imported module'))));
    loads.push(p);
    return p;
  };
  const release = (ok: boolean) => held.splice(0).forEach((r) => r(ok));
  return { pass: () => release(true), fail: () => release(false), loads };
}

const plan = () =>
  html`<str-care-plan .plan=${f.plan} .goals=${f.goals} .tasks=${f.tasks} .notes=${f.notes} .clock=${clock}
    .workers=${fixtureWorkers} actor-id=${FIXTURE_WORKER}></str-care-plan>`;
/** The element drawn, its forms in (its `updateComplete` waits for them while they load). */
const withPlan = () => fixture<StrCarePlan>(plan());
const text = (el: StrCarePlan) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const statuses = (el: StrCarePlan) => [...el.shadowRoot!.querySelectorAll('[role=status]')].map((s) => s.textContent ?? '').join(' ');

describe('the care plan’s forms, loaded after the plan is drawn', () => {
  afterEach(async () => {
    carePlanForms.load = realLoad;
    carePlanForms.pending = undefined;
    carePlanForms.module ??= await realLoad();
    document.documentElement.removeAttribute('lang');
  });

  it('the plan is drawn without waiting for the forms, which are fetched then; updateComplete waits for them', async () => {
    const loader = heldLoader();
    const el = document.createElement('str-care-plan') as StrCarePlan;
    Object.assign(el, { plan: f.plan, goals: f.goals, tasks: f.tasks, notes: f.notes, clock, workers: fixtureWorkers, actorId: FIXTURE_WORKER });
    document.body.append(el);
    try {
      // Polled by frames only: the element's updateComplete waits for the forms.
      await until(undefined, () => text(el).includes(f.goals[0]!.text), 'the plan drawn while the forms are still loading');
      expect(loader.loads.length, 'fetched once the plan is drawn, before anyone asks').to.equal(1);
      let complete = false;
      void el.updateComplete.then(() => (complete = true));
      await new Promise((r) => requestAnimationFrame(r));
      expect(complete, 'updateComplete waits while the forms load').to.equal(false);
      loader.pass();
      await el.updateComplete;
      expect(carePlanForms.module, 'the forms are in once updateComplete resolves').not.to.equal(undefined);
    } finally {
      el.remove();
    }
  });

  it('Add a goal asked before the forms arrive says “Loading the form…”, then opens with focus in it', async () => {
    const el = await withPlan();
    const loader = heldLoader();
    $<HTMLButtonElement>(el, '#goal-add').click();
    await until(undefined, () => statuses(el).includes('Loading the form…'), () => statuses(el));
    expect($(el, 'form.editor'), 'no form yet').to.equal(null);
    expect(text(el), 'the plan is still shown, not a blank').to.include(f.goals[0]!.text);
    loader.pass();
    await until(el, () => !!$(el, 'form.editor'), 'the goal form');
    await until(el, () => !!active(el)?.closest('form.editor'), 'focus in the form');
    expect(statuses(el)).not.to.include('Loading the form…');
    expect(loader.loads.length, 'one fetch').to.equal(1);
  });

  it('a failed load is said in an alert, focused, with nothing opened; asking again loads anew and opens the form', async () => {
    const el = await withPlan();
    const loader = heldLoader();
    $<HTMLButtonElement>(el, '#goal-add').click();
    await until(undefined, () => statuses(el).includes('Loading the form…'), () => statuses(el));
    loader.fail();
    await until(el, () => !!$(el, '[role=alert]'), 'the failure');
    expect($(el, '[role=alert]').textContent).to.include('The form could not be loaded. Check the connection, then try again.');
    expect($(el, 'form.editor'), 'nothing opened').to.equal(null);
    expect(statuses(el)).not.to.include('Loading the form…');
    await until(el, () => active(el) === $(el, '.problem'), 'focus on the problem');
    await expectNoAxeViolations(el);
    $<HTMLButtonElement>(el, '#goal-add').click();
    await until(undefined, () => statuses(el).includes('Loading the form…'), 'loading again');
    loader.pass();
    await until(el, () => !!$(el, 'form.editor'), 'the form after asking again');
    expect(loader.loads.length, 'loaded anew, not the failure kept').to.equal(2);
  });

  it('in Welsh, the wait is said in Welsh', async () => {
    document.documentElement.lang = 'cy';
    const el = await withPlan();
    const loader = heldLoader();
    // The Welsh words are in before the worker asks (until then a widget keeps the words it had).
    await Promise.all([loadTranslation(CARE_PLAN_MESSAGES, 'cy'), loadTranslation(COMMON, 'cy')]);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '#goal-add').click();
    await until(undefined, () => statuses(el).includes('Wrthi’n llwytho’r ffurflen…'), () => statuses(el));
    loader.pass();
    await until(el, () => !!$(el, 'form.editor'), 'the goal form');
  });

  it('once loaded, a form opens at once, with no wait said and no fetch', async () => {
    carePlanForms.module ??= await realLoad();
    carePlanForms.load = () => Promise.reject(new Error('must not load again'));
    const el = await withPlan();
    $<HTMLButtonElement>(el, '#goal-add').click();
    await el.updateComplete;
    expect($(el, 'form.editor')).not.to.equal(null);
    expect(statuses(el)).not.to.include('Loading the form…');
  });
});
