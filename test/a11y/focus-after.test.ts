// Issue 17: focus is never left on <body> after an action. Each action is taken with a real key press (Enter on the
// focused control, through the browser), then the test asserts where focus lands. Synthetic people only.
import { memoryStore, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, until } from '../helpers/dom.js';
import { clientAs, fixtureClock } from '../helpers/clients.js';
import '../../packages/components/src/define/str-contact-log.js';
import type { StrContactLog } from '../../packages/components/src/contact-log/contact-log.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID } from '../../packages/components/src/contact-log/contact-log.fixtures.js';
import { fixtureWorkers } from '../../packages/components/src/care-plan/care-plan.fixtures.js';

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
});
