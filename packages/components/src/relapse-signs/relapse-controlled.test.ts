// Issue 17: <str-relapse-signs> with no client (controlled mode). It shows what the host gives it, never changes it,
// and every action the worker can take fires exactly one cancelable intent: save the check, send an alert, save the
// plan, acknowledge an alert. Cancelled, what was typed stays. Synthetic people only.
import { expect, fixture, html } from '@open-wc/testing';
import type { Alert } from '@strkit/sdk';
import { $, $$, active, button, until } from '../../../../test/helpers/dom.js';
import { fixtureClock } from '../../../../test/helpers/clients.js';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-relapse-signs.js';
import type { StrRelapseSigns } from './relapse-signs.js';
import { FIXTURE_PERSON_ID, fixtureAlert, settledChecks, signPlan } from './relapse-signs.fixtures.js';

const INTENTS = ['str-check-save', 'str-alert-raise', 'str-sign-plan-save', 'str-alert-acknowledge'] as const;

/** Every intent the element fires, in order, with its detail; `cancel` makes the host refuse them. */
function listen(el: StrRelapseSigns, cancel = false) {
  const heard: { type: string; detail: unknown; cancelable: boolean }[] = [];
  for (const type of INTENTS) {
    el.addEventListener(type, (e) => {
      heard.push({ type, detail: (e as CustomEvent).detail, cancelable: e.cancelable });
      if (cancel) e.preventDefault();
    });
  }
  return heard;
}

async function controlledAlerts(alerts: readonly Alert[]) {
  const plan = signPlan();
  return fixture<StrRelapseSigns>(html`<str-relapse-signs view="alerts" .plan=${plan} .checks=${settledChecks(plan)} .alerts=${alerts}
    .people=${{ [FIXTURE_PERSON_ID]: 'Sam Storyperson' }} .clock=${fixtureClock}></str-relapse-signs>`);
}

const type = (el: StrRelapseSigns, sel: string, value: string) => {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, sel);
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

describe('<str-relapse-signs> in controlled mode', () => {
  describe('the alerts view', () => {
    it('shows the open alerts it is given, oldest first, with the person’s name; never "Loading the alerts…"', async () => {
      const check = settledChecks(signPlan())[2]!;
      const el = await controlledAlerts([fixtureAlert(check, 1, 2), fixtureAlert(check, 2, 30)]);
      const text = el.shadowRoot!.textContent!;
      expect(text).not.to.include('Loading the alerts');
      const rows = $$(el, 'li.alert');
      expect(rows).to.have.length(2);
      expect(rows[0]!.textContent).to.include('Sam Storyperson');
      expect(rows[0]!.textContent, 'the one waiting longest first, and overdue').to.include('Overdue');
      await expectNoAxeViolations(el);
    });

    it('with none given: "No open alerts.", not loading', async () => {
      const el = await controlledAlerts([]);
      expect(el.shadowRoot!.textContent).to.include('No open alerts.');
      expect(el.shadowRoot!.textContent).not.to.include('Loading the alerts');
    });

    it('acknowledging fires one cancelable str-alert-acknowledge with the alert, its version and what was done; the host’s list is never changed', async () => {
      const alert = fixtureAlert(settledChecks(signPlan())[2]!, 1, 2);
      const alerts = [alert];
      const el = await controlledAlerts(alerts);
      const heard = listen(el);
      type(el, `#ack-${alert.id}`, 'Rang Sam; visiting tomorrow.');
      button(el, 'Acknowledge')!.click();
      await el.updateComplete;
      expect(heard).to.deep.equal([{
        type: 'str-alert-acknowledge', cancelable: true,
        detail: { alertId: alert.id, expectedVersion: alert.version, serviceUserId: FIXTURE_PERSON_ID, action: 'Rang Sam; visiting tomorrow.' },
      }]);
      expect(alerts).to.deep.equal([alert]);
      expect($(el, '[role=status]').textContent).to.include('Acknowledgement sent');
    });

    it('a blank action is refused in words and fires nothing; a cancelled acknowledgement keeps what was typed', async () => {
      const alert = fixtureAlert(settledChecks(signPlan())[2]!, 1, 2);
      const el = await controlledAlerts([alert]);
      const heard = listen(el, true);
      button(el, 'Acknowledge')!.click();
      await until(el, () => !!$(el, `#ack-${alert.id}-error`), 'the refusal');
      expect(heard).to.deep.equal([]);
      expect($(el, `#ack-${alert.id}`).getAttribute('aria-invalid')).to.equal('true');
      type(el, `#ack-${alert.id}`, 'Rang Sam.');
      button(el, 'Acknowledge')!.click();
      await el.updateComplete;
      expect(heard.map((h) => h.type)).to.deep.equal(['str-alert-acknowledge']);
      expect($<HTMLTextAreaElement>(el, `#ack-${alert.id}`).value).to.equal('Rang Sam.');
    });
  });

  describe('the plan editor', () => {
    it('Save fires one cancelable str-sign-plan-save with the plan, its version and the changes; not cancelled, the plan view comes back', async () => {
      const plan = signPlan();
      const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs view="plan" .plan=${plan} .checks=${settledChecks(plan)} .clock=${fixtureClock}></str-relapse-signs>`);
      const heard = listen(el);
      $<HTMLButtonElement>(el, '#plan-edit').click();
      await until(el, () => !!$(el, 'form.editor'), 'the editor');
      type(el, `#pe-sign-${plan.signs[0]!.id}-text`, 'I stop answering my phone or the door');
      $<HTMLFormElement>(el, 'form.editor').requestSubmit();
      await until(el, () => heard.length > 0, 'an intent');
      await el.updateComplete;
      expect(heard).to.have.length(1);
      expect(heard[0]).to.deep.include({ type: 'str-sign-plan-save', cancelable: true });
      const detail = heard[0]!.detail as { planId: string; expectedVersion: string; serviceUserId: string; changes: { signs: { text: string }[] } };
      expect(detail).to.include({ planId: plan.id, expectedVersion: plan.version, serviceUserId: plan.serviceUserId });
      expect(detail.changes.signs[0]!.text).to.equal('I stop answering my phone or the door');
      expect(plan.signs[0]!.text, 'the given plan is never changed').to.equal('I stop answering my phone');
      await until(el, () => !$(el, 'form.editor'), 'the editor closes');
      expect(active(el)?.id).to.equal('plan-heading');
    });

    it('a cancelled save keeps the editor open as typed', async () => {
      const plan = signPlan();
      const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs view="plan" .plan=${plan} .checks=${settledChecks(plan)} .clock=${fixtureClock}></str-relapse-signs>`);
      const heard = listen(el, true);
      $<HTMLButtonElement>(el, '#plan-edit').click();
      await until(el, () => !!$(el, 'form.editor'), 'the editor');
      type(el, `#pe-sign-${plan.signs[0]!.id}-text`, 'Kept as typed');
      $<HTMLFormElement>(el, 'form.editor').requestSubmit();
      await until(el, () => heard.length > 0, 'an intent');
      await el.updateComplete;
      expect($(el, 'form.editor'), 'still editing').not.to.equal(null);
      expect($<HTMLInputElement>(el, `#pe-sign-${plan.signs[0]!.id}-text`).value).to.equal('Kept as typed');
    });

    it('a new plan for the person named: str-sign-plan-save with no plan id', async () => {
      const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${FIXTURE_PERSON_ID} .clock=${fixtureClock}></str-relapse-signs>`);
      const heard = listen(el);
      $<HTMLButtonElement>(el, '#plan-start').click();
      await until(el, () => !!$(el, '#pe-add-sign'), 'the editor');
      $<HTMLButtonElement>(el, '#pe-add-sign').click();
      await el.updateComplete;
      const text = $$<HTMLInputElement>(el, 'form.editor [id^="pe-sign-"][id$="-text"]')[0]!;
      text.value = 'Staying in bed all day';
      text.dispatchEvent(new Event('input'));
      await el.updateComplete;
      const response = $$<HTMLInputElement>(el, 'form.editor [id^="pe-sign-"][id$="-response"]')[0]!;
      response.value = 'Visit, and go out for a coffee';
      response.dispatchEvent(new Event('input'));
      $<HTMLFormElement>(el, 'form.editor').requestSubmit();
      await until(el, () => heard.length > 0, () => `an intent (${$(el, '.error-summary')?.textContent ?? 'no errors'})`);
      const detail = heard[0]!.detail as { planId?: string; serviceUserId: string; changes: { signs: { text: string }[] } };
      expect(heard.map((h) => h.type)).to.deep.equal(['str-sign-plan-save']);
      expect(detail.planId).to.equal(undefined);
      expect(detail.serviceUserId).to.equal(FIXTURE_PERSON_ID);
      expect(detail.changes.signs.map((s) => s.text)).to.deep.equal(['Staying in bed all day']);
    });
  });

  it('the check and the alert: each fires one intent (str-check-save, then str-alert-raise), nothing else', async () => {
    const plan = signPlan();
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs .plan=${plan} .checks=${settledChecks(plan)} .clock=${fixtureClock}></str-relapse-signs>`);
    const heard = listen(el);
    const late = plan.signs.find((s) => s.stage === 'late')!;
    el.value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [late.id]: 2 };
    await el.updateComplete;
    $<HTMLFormElement>(el, 'form[part=check]').requestSubmit();
    await until(el, () => !!button(el, 'Send an alert'), 'the rule fired');
    button(el, 'Send an alert')!.click();
    await el.updateComplete;
    expect(heard.map((h) => [h.type, h.cancelable])).to.deep.equal([['str-check-save', true], ['str-alert-raise', true]]);
  });

  it('cancelled: the check keeps its ratings and shows no result; the alert keeps its note and its Send button, and says nothing was sent', async () => {
    const plan = signPlan();
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs .plan=${plan} .checks=${settledChecks(plan)} .clock=${fixtureClock}></str-relapse-signs>`);
    const late = plan.signs.find((s) => s.stage === 'late')!;
    const ratings: StrRelapseSigns['value'] = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0 as const])), [late.id]: 2 };
    el.value = ratings;
    await el.updateComplete;
    let refuse = true;
    const heard: string[] = [];
    for (const name of ['str-check-save', 'str-alert-raise']) {
      el.addEventListener(name, (e) => {
        heard.push(name);
        if (refuse) e.preventDefault();
      });
    }
    $<HTMLFormElement>(el, 'form[part=check]').requestSubmit();
    await el.updateComplete;
    expect(heard).to.deep.equal(['str-check-save']);
    expect(el.value, 'refused by the host: the ratings stay as chosen').to.deep.equal(ratings);
    expect($(el, '[part=result]'), 'no result for a check that was not stored').to.equal(null);

    refuse = false;
    $<HTMLFormElement>(el, 'form[part=check]').requestSubmit();
    await until(el, () => !!button(el, 'Send an alert'), 'the rule fired');
    type(el, '#alert-note', 'Sam said the voices are back.');
    refuse = true;
    button(el, 'Send an alert')!.click();
    await el.updateComplete;
    expect(heard).to.deep.equal(['str-check-save', 'str-check-save', 'str-alert-raise']);
    expect(button(el, 'Send an alert'), 'refused: still there to send').not.to.equal(undefined);
    expect($<HTMLTextAreaElement>(el, '#alert-note').value, 'refused: the note stays as typed').to.equal('Sam said the voices are back.');
    expect(el.shadowRoot!.textContent).not.to.include('Alert sent to the care co-ordinator');

    refuse = false;
    button(el, 'Send an alert')!.click();
    await until(el, () => el.shadowRoot!.textContent!.includes('Alert sent to the care co-ordinator'), 'let through: said as sent');
    expect(heard).to.deep.equal(['str-check-save', 'str-check-save', 'str-alert-raise', 'str-alert-raise']);
  });
});
