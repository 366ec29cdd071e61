// Issue 15, "Wrong person, silently": <str-relapse-signs> with no person, or a person the store does not have, says so
// and records nothing. Synthetic people only.
import { memoryStore, type Clock } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { $, until } from '../../../../test/helpers/dom.js';
import { clientAs } from '../../../../test/helpers/clients.js';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-relapse-signs.js';
import type { StrRelapseSigns } from './relapse-signs.js';
import { FIXTURE_NOW, FIXTURE_WORKER, signPlan } from './relapse-signs.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };
const UNKNOWN = '0d3c1f2e-5a6b-4c7d-8e9f-a0b1c2d3e4f5';
const buttons = (el: StrRelapseSigns) => [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());

describe('<str-relapse-signs> and the person it is for', () => {
  it('connected with no person: says politely that no person is chosen and offers no check or plan to start', async () => {
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs .client=${clientAs(memoryStore(), 'care-coordinator', FIXTURE_WORKER)} .clock=${clock}></str-relapse-signs>`);
    await el.updateComplete;
    expect($(el, '[role=status].no-person')?.textContent).to.include('No person is chosen');
    expect($(el, '[role=alert]'), 'no alert: nothing was refused').to.equal(null);
    expect($(el, 'form'), 'no form').to.equal(null);
    expect(buttons(el)).not.to.include('Check the signs');
    expect(buttons(el)).not.to.include('Start a warning-sign plan');
    await expectNoAxeViolations(el);
  });

  it('controlled with no person and no plan: says so and offers no plan to start', async () => {
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs .clock=${clock}></str-relapse-signs>`);
    expect($(el, '.no-person')?.textContent).to.include('No person is chosen');
    expect(buttons(el)).to.deep.equal([]);
  });

  it('the alerts view with no person: lists the alerts but offers no "Check the signs"', async () => {
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs view="alerts" .client=${clientAs(memoryStore(), 'care-coordinator', FIXTURE_WORKER)} .clock=${clock}></str-relapse-signs>`);
    await until(el, () => el.shadowRoot!.textContent!.includes('No open alerts'), 'alerts listed');
    expect(buttons(el)).not.to.include('Check the signs');
  });

  it('connected with a person the store does not have: says so in an alert and offers no plan to start', async () => {
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${UNKNOWN} .client=${clientAs(memoryStore(), 'care-coordinator', FIXTURE_WORKER)} .clock=${clock}></str-relapse-signs>`);
    await el.whenLoaded();
    await until(el, () => !!$(el, '[role=alert].no-person'), 'refusal shown');
    expect($(el, '[role=alert].no-person')!.textContent).to.include('This person is not in the record system');
    expect($(el, '#plan-start'), 'no plan to start').to.equal(null);
    await expectNoAxeViolations(el);
  });

  it('a check for a person the store does not have is refused, nothing is stored, and the ratings stay as set', async () => {
    const store = memoryStore();
    const plan = await store.put('warningSignPlan', signPlan({ serviceUserId: UNKNOWN }));
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${UNKNOWN} .client=${clientAs(store, 'str-worker')} .clock=${clock}></str-relapse-signs>`);
    await el.whenLoaded();
    await until(el, () => !!$(el, '[role=alert].no-person'), 'refusal shown');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.startsWith('None noticed'))!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await until(el, () => !!$(el, '.problem[tabindex]'), 'save refused');
    expect($(el, '.problem[tabindex]')!.textContent).to.include('Not saved: this person is not in the record system');
    expect((await store.list('signCheck', { limit: 10_000 })).items, 'nothing stored').to.have.length(0);
    expect(el.shadowRoot!.querySelectorAll('input[type=radio][name^="r-"]:checked'), 'ratings kept').to.have.length(plan.signs.length);
  });
});
