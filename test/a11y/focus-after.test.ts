// Issue 17: focus is never left on <body> after an action. Each action is taken with a real key press (Enter on the
// focused control, through the browser), then the test asserts where focus lands. Synthetic people only.
import { memoryStore, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, button, until } from '../helpers/dom.js';
import { clientAs, fixtureClock } from '../helpers/clients.js';
import '../../packages/components/src/define/str-contact-log.js';
import '../../packages/components/src/define/str-relapse-signs.js';
import type { StrContactLog } from '../../packages/components/src/contact-log/contact-log.js';
import type { StrRelapseSigns } from '../../packages/components/src/relapse-signs/relapse-signs.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID } from '../../packages/components/src/contact-log/contact-log.fixtures.js';
import { fixtureWorkers } from '../../packages/components/src/care-plan/care-plan.fixtures.js';
import { FIXTURE_WORKER, settledChecks, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

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
});
