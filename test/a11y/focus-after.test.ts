// Issue 17: focus is never left on <body> after an action. Each action is taken with a real key press (Enter on the
// focused control, through the browser), then the test asserts where focus lands. Synthetic people only.
import { memoryStore, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, button, until } from '../helpers/dom.js';
import { clientAs, fixtureClock } from '../helpers/clients.js';
import '../../packages/components/src/define/str-care-plan.js';
import '../../packages/components/src/define/str-contact-log.js';
import '../../packages/components/src/define/str-relapse-signs.js';
import type { StrCarePlan } from '../../packages/components/src/care-plan/care-plan.js';
import type { StrContactLog } from '../../packages/components/src/contact-log/contact-log.js';
import type { StrRelapseSigns } from '../../packages/components/src/relapse-signs/relapse-signs.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID } from '../../packages/components/src/contact-log/contact-log.fixtures.js';
import { fixtureWorkers, typicalPlan } from '../../packages/components/src/care-plan/care-plan.fixtures.js';
import { FIXTURE_COORDINATOR, FIXTURE_WORKER, settledChecks, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

/** The focused element, followed down through open shadow roots. */
function focused(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
const describeFocus = () => focused()?.outerHTML.slice(0, 100) ?? 'nothing';

/** Focuses `control` and presses Enter on it, as a keyboard user does. */
async function press(control: HTMLElement | undefined | null) {
  expect(control, 'the control to press').to.be.instanceOf(HTMLElement);
  control!.focus();
  await sendKeys({ press: 'Enter' });
}

async function personStore(): Promise<Store> {
  const store = memoryStore();
  await store.put('serviceUser', FIXTURE_PERSON);
  for (const w of fixtureWorkers) await store.put('worker', w);
  return store;
}

describe('focus after an action', () => {
  it('Save contact: focus lands on the status message beside the form, which says "Contact saved"', async () => {
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID}
      .client=${clientAs(await personStore(), 'str-worker', 'w1')} .clock=${fixtureClock}></str-contact-log>`);
    await el.whenLoaded();
    $<HTMLInputElement>(el, 'input[name=duration]').click();
    $<HTMLInputElement>(el, 'input[name=mechanism]').click();
    $<HTMLInputElement>(el, 'input[name=location]').click();
    await el.updateComplete;
    await press($(el, 'button[type=submit]'));
    await until(el, () => /Contact saved/.test($(el, 'form ~ [role=status], form [role=status]')?.textContent ?? ''), () => `saved, said beside the form: ${el.shadowRoot!.textContent!.slice(0, 300)}`);
    await until(el, () => focused() === $(el, '[role=status]'), describeFocus);
    expect(focused()!.textContent).to.include('Contact saved');
  });

  it('Send an alert, and every switch into and out of the Alerts view: focus stays on what the worker used or the news', async () => {
    const store = await personStore();
    const plan = await store.put('warningSignPlan', signPlan());
    for (const c of settledChecks(plan)) await store.put('signCheck', { ...c, planVersion: plan.version });
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${FIXTURE_PERSON_ID}
      .client=${clientAs(store, 'str-worker', FIXTURE_WORKER)} .clock=${fixtureClock}></str-relapse-signs>`);
    await el.whenLoaded();
    el.value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [plan.signs[9]!.id]: 2 };
    await el.updateComplete;
    await press($(el, 'button[type=submit]'));
    await until(el, () => !!button(el, 'Send an alert'), 'the rule fired');
    await press(button(el, 'Send an alert'));
    await until(el, () => /Alert (sent|recorded)/.test($(el, '[role=status]').textContent ?? ''), () => `the alert was sent: ${$(el, '[role=status]').textContent}`);
    await until(el, () => focused() === $(el, '[role=status]'), describeFocus);

    for (const view of ['Alerts', 'Trend', 'Alerts', 'The plan', 'Alerts', 'Check the signs']) {
      await press(button(el, view));
      await until(el, () => el.view === (view === 'Alerts' ? 'alerts' : view === 'Trend' ? 'trend' : view === 'The plan' ? 'plan' : 'check'), `${view} shown`);
      await until(el, () => focused() === button(el, view) && button(el, view)!.getAttribute('aria-pressed') === 'true', () => `after ${view}: focus on ${describeFocus()}`);
    }
  });

  it('care plan: Cancel and Save in the review form return focus to "Record a review"', async () => {
    const store = await personStore();
    const f = typicalPlan();
    await store.put('carePlan', f.plan);
    for (const g of f.goals) await store.put('goal', g);
    for (const t of f.tasks) await store.put('task', t);
    const el = await fixture<StrCarePlan>(html`<str-care-plan service-user-id=${FIXTURE_PERSON_ID} .client=${clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR)}
      .clock=${fixtureClock} .workers=${fixtureWorkers}></str-care-plan>`);
    await el.whenLoaded();
    for (const action of ['Cancel', 'Save'] as const) {
      await press($(el, '#plan-review'));
      await until(el, () => !!$(el, 'form.editor'), 'the review form opened');
      $<HTMLInputElement>(el, '#ed-next-review-on').value = '2026-09-05';
      await press(action === 'Cancel' ? button(el, 'Cancel') : $(el, 'form.editor button[type=submit]'));
      await until(el, () => !$(el, 'form.editor') && focused() === $(el, '#plan-review'), () => `after ${action}: focus on ${describeFocus()}`);
    }
  });

  it('warning-sign plan editor: Cancel returns focus to "Edit the plan"; Save lands on the plan heading', async () => {
    const store = await personStore();
    await store.put('warningSignPlan', signPlan());
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${FIXTURE_PERSON_ID} view="plan"
      .client=${clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR)} .clock=${fixtureClock}></str-relapse-signs>`);
    await el.whenLoaded();
    await press($(el, '#plan-edit'));
    await until(el, () => !!button(el, 'Cancel'), 'the editor opened');
    await press(button(el, 'Cancel'));
    await until(el, () => focused() === $(el, '#plan-edit'), () => `after Cancel: focus on ${describeFocus()}`);
    await press($(el, '#plan-edit'));
    await until(el, () => !!button(el, 'Cancel'), 'the editor opened');
    await press($(el, 'form button[type=submit]'));
    await until(el, () => /plan saved/.test($(el, '[role=status]').textContent ?? '') && focused() === $(el, '#plan-heading'), () => `after Save: focus on ${describeFocus()}`);
  });
});
