import { indexedDbDrafts, memoryDrafts, memoryStore, type Clock, type Store, type StrClient, type WarningSignPlan } from '@strkit/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { $, $$, active, until } from '../../../../test/helpers/dom.js';
import { clientAs } from '../../../../test/helpers/clients.js';
import { sendKeys } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-relapse-signs.js';
import type { StrRelapseSigns } from './relapse-signs.js';
import { FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER, largeSignPlan, settledChecks, signPlan, weeklyChecks } from './relapse-signs.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };

async function seed(store: Store, plan: WarningSignPlan = signPlan()) {
  await store.put('serviceUser', {
    id: FIXTURE_PERSON_ID, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson',
  });
  const stored = await store.put('warningSignPlan', plan);
  for (const c of settledChecks(plan)) await store.put('signCheck', { ...c, planVersion: stored.version });
  return stored;
}

async function connected(client: StrClient) {
  const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${FIXTURE_PERSON_ID} .client=${client} .clock=${clock}></str-relapse-signs>`);
  await el.whenLoaded();
  return el;
}

describe('<str-relapse-signs>', () => {
  it('a full check by keyboard alone: rated, saved, the rule fires with its reason and the agreed response, and the alert is sent', async () => {
    const store = memoryStore();
    const plan = await seed(store);
    const client = clientAs(store, 'str-worker', FIXTURE_WORKER);
    const el = await connected(client);
    const want = plan.signs.map((s) => (s.stage === 'late' && s.text.startsWith('Hearing') ? 2 : 0));
    const tabTo = async (match: (a: HTMLElement) => boolean, what: string) => {
      for (let i = 0; i < 40 && !(active(el) && match(active(el)!)); i++) await sendKeys({ press: 'Tab' });
      expect(active(el) && match(active(el)!), `focus reaches ${what}; it is on ${active(el)?.outerHTML.slice(0, 80)}`).to.equal(true);
    };
    $<HTMLButtonElement>(el, 'form button.secondary').focus(); // "None noticed": the first control of the form
    for (const [i, s] of plan.signs.entries()) {
      await tabTo((a) => a.getAttribute('name') === `r-${s.id}`, `sign ${i + 1}`);
      if (want[i] === 0) await sendKeys({ press: 'Space' });
      else for (let k = 0; k < want[i]!; k++) await sendKeys({ press: 'ArrowRight' });
    }
    await tabTo((a) => a.getAttribute('type') === 'submit', 'Save check');
    const saved = oneEvent(el, 'str-check-saved');
    await sendKeys({ press: 'Enter' });
    const { detail } = await saved;
    expect(detail).to.include({ serviceUserId: FIXTURE_PERSON_ID, ruleFired: true });
    const stored = await client.signChecks.get(detail.id);
    expect(plan.signs.map((s) => stored.ratings[s.id])).to.deep.equal(want);
    await until(el, () => active(el)?.id === 'result-heading', 'focus on the result');
    const result = $(el, '[part=result]').textContent!.replace(/\s+/g, ' ');
    expect(result).to.include('This check meets the alert rule');
    expect(result).to.include('Late sign “Hearing people talk about me through the wall” rated quite a lot (2 of 3)');
    expect(result).to.include('Tell the care co-ordinator today; offer the crisis line number');
    expect(result).to.include('Jo, my sister: Text her first; she will ring back');
    await expectNoAxeViolations(el);
    await tabTo((a) => a.id === 'alert-note', 'the alert note');
    await sendKeys({ type: 'Frightened; agreed I would tell Bea.' });
    await tabTo((a) => a.textContent === 'Send an alert to the care co-ordinator', 'Send an alert');
    const raised = oneEvent(el, 'str-alert-raised');
    await sendKeys({ press: 'Enter' });
    const alert = await client.alerts.get((await raised).detail.id);
    expect(alert).to.deep.include({ checkId: detail.id, status: 'open', note: 'Frightened; agreed I would tell Bea.', raisedBy: FIXTURE_WORKER });
    expect(alert.reason).to.equal('Late sign “Hearing people talk about me through the wall” rated quite a lot (2 of 3)');
  });

  it('a check within the baseline says the rule is not met; "None noticed" rates every sign 0 in one step', async () => {
    const store = memoryStore();
    await seed(store);
    const el = await connected(clientAs(store, 'str-worker', FIXTURE_WORKER));
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.startsWith('None noticed'))!.click();
    await el.updateComplete;
    expect($$<HTMLInputElement>(el, 'input[type=radio][name^="r-"]:checked').map((i) => i.value)).to.deep.equal(Array(12).fill('0'));
    expect($(el, '[role=status]').textContent).to.equal('All 12 signs set to 0, not noticed');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => !!$(el, '[part=result]'));
    expect($(el, '[part=result]').textContent).to.include('Check saved: the alert rule is not met');
    expect($(el, '[part=result]').textContent).to.include('Total 0; baseline 2.');
  });

  it('saving with signs unrated shows a linked error summary and keeps the ratings', async () => {
    const store = memoryStore();
    const plan = await seed(store);
    const el = await connected(clientAs(store, 'str-worker', FIXTURE_WORKER));
    $<HTMLInputElement>(el, `input[name="r-${plan.signs[0]!.id}"]`).click();
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => !!$(el, '.error-summary'));
    expect(active(el)).to.equal($(el, '.error-summary'));
    const links = $$(el, '.error-summary a');
    expect(links).to.have.length(10);
    expect(links[0]!.textContent).to.equal('Rate “Staying up most of the night”, or choose “Not asked”');
    expect($(el, '.error-summary').textContent).to.include('and 1 more sign');
    links[0]!.click();
    expect((active(el) as HTMLInputElement).name).to.equal(`r-${plan.signs[1]!.id}`);
    expect(el.value[plan.signs[0]!.id]).to.equal(0);
    expect($(el, `#s-${plan.signs[1]!.id}-error`).textContent).to.include('Error:');
    await expectNoAxeViolations(el);
  });

  it('keeps a check in progress across a reload (IndexedDB drafts)', async () => {
    const store = memoryStore();
    const plan = await seed(store);
    const name = `relapse-draft-${Math.random()}`;
    const drafts = indexedDbDrafts({ name });
    const el = await connected(clientAs(store, 'str-worker', FIXTURE_WORKER, { drafts }));
    $<HTMLInputElement>(el, `input[name="r-${plan.signs[2]!.id}"][value="2"]`).click();
    const view = $<HTMLTextAreaElement>(el, '#persons-view');
    view.value = 'Tired, but OK.';
    view.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 600));
    el.remove();
    drafts.close?.();
    const again = await connected(clientAs(store, 'str-worker', FIXTURE_WORKER, { drafts: indexedDbDrafts({ name }) }));
    await until(again, () => again.value[plan.signs[2]!.id] === 2, 'draft restored');
    expect($<HTMLTextAreaElement>(again, '#persons-view').value).to.equal('Tired, but OK.');
    expect($(again, '[role=status]').textContent).to.include('Check in progress restored');
    expect($<HTMLInputElement>(again, `input[name="r-${plan.signs[2]!.id}"][value="2"]`).checked).to.equal(true);
  });

  describe('as a form control in a host <form>', () => {
    async function inForm() {
      const plan = signPlan();
      const form = await fixture<HTMLFormElement>(html`<form><fieldset><str-relapse-signs name="signs" required .plan=${plan} .clock=${clock}></str-relapse-signs></fieldset><button>Submit</button></form>`);
      const el = form.querySelector('str-relapse-signs')!;
      await el.updateComplete;
      return { form, el, plan };
    }

    it('submits a rating per sign in FormData; required until every sign is rated or not asked', async () => {
      const { form, el, plan } = await inForm();
      expect(el.form).to.equal(form);
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('Rate each sign, or choose “Not asked”');
      expect($$(el, '.error-message'), 'no errors before interaction').to.have.length(0);
      form.reportValidity();
      await el.updateComplete;
      expect($$(el, '.error-message').length, 'errors after a submit attempt').to.equal(12);
      $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.startsWith('None noticed'))!.click();
      $<HTMLInputElement>(el, `input[name="r-${plan.signs[11]!.id}"][value="not-asked"]`).click();
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
      expect($$(el, '.error-message')).to.have.length(0);
      const data = new FormData(form);
      expect(data.get(`signs.${plan.signs[0]!.id}`)).to.equal('0');
      expect(data.get(`signs.${plan.signs[11]!.id}`)).to.equal('not-asked');
      expect([...data.keys()]).to.have.length(12);
      let changes = 0;
      el.addEventListener('change', () => changes++);
      $<HTMLInputElement>(el, `input[name="r-${plan.signs[0]!.id}"][value="3"]`).click();
      expect(changes).to.equal(1);
      expect(new FormData(form).get(`signs.${plan.signs[0]!.id}`)).to.equal('3');
    });

    it('blocks the host form\u2019s submit while a sign is unrated; once rated, the submit carries every rating', async () => {
      const { form, el, plan } = await inForm();
      const submitted: FormData[] = [];
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submitted.push(new FormData(form));
      });
      form.requestSubmit();
      await el.updateComplete;
      expect(submitted, 'an invalid form does not submit').to.have.length(0);
      expect(el.matches(':state(user-invalid)')).to.equal(true);
      $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.startsWith('None noticed'))!.click();
      await el.updateComplete;
      expect(el.matches(':state(user-invalid)')).to.equal(false);
      form.requestSubmit();
      expect(submitted).to.have.length(1);
      expect(plan.signs.map((s) => submitted[0]!.get(`signs.${s.id}`))).to.deep.equal(Array(12).fill('0'));
    });

    it('reset clears it; a disabled fieldset disables it and enabling the fieldset enables it again', async () => {
      const { form, el, plan } = await inForm();
      $<HTMLInputElement>(el, `input[name="r-${plan.signs[0]!.id}"][value="1"]`).click();
      form.reset();
      await el.updateComplete;
      expect(el.value).to.deep.equal({});
      expect([...new FormData(form).keys()]).to.have.length(0);
      expect($<HTMLInputElement>(el, `input[name="r-${plan.signs[0]!.id}"][value="1"]`).checked).to.equal(false);
      const fieldset = form.querySelector('fieldset')!;
      fieldset.disabled = true;
      await el.updateComplete;
      expect($<HTMLInputElement>(el, `input[name="r-${plan.signs[0]!.id}"]`).matches(':disabled')).to.equal(true);
      expect(el.hasAttribute('disabled'), 'its own attribute untouched').to.equal(false);
      fieldset.disabled = false;
      await el.updateComplete;
      expect($<HTMLInputElement>(el, `input[name="r-${plan.signs[0]!.id}"]`).matches(':disabled')).to.equal(false);
    });
  });

  it('controlled mode: saving fires str-check-save with the check; the reason is shown when the rule fires', async () => {
    const plan = signPlan();
    const checks = settledChecks(plan);
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs .plan=${plan} .checks=${checks} .clock=${clock}></str-relapse-signs>`);
    const late = plan.signs.find((s) => s.stage === 'late')!;
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.startsWith('None noticed'))!.click();
    $<HTMLInputElement>(el, `input[name="r-${late.id}"][value="3"]`).click();
    const heard = oneEvent(el, 'str-check-save');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    const { detail } = await heard;
    expect(detail.check.ratings[late.id]).to.equal(3);
    expect(detail.check.planId).to.equal(plan.id);
    await el.updateComplete;
    expect($(el, '[part=result]').textContent).to.include(`Late sign “${late.text}” rated a lot (3 of 3)`);
  });

  it('the trend: an SVG chart with a text alternative, a table of totals and each sign\u2019s recent ratings', async () => {
    const plan = signPlan();
    const checks = weeklyChecks(plan, 52);
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs view="trend" .plan=${plan} .checks=${checks} .clock=${clock}></str-relapse-signs>`);
    const chart = $(el, 'svg[role=img]');
    expect(chart.getAttribute('aria-label')).to.match(/^Total score from 2 March 2026 \(\d+\) to 22 February 2027 \(\d+\), against a baseline of \d+/);
    const totals = $$(el, '.trend-table')[0]!;
    expect(totals.querySelectorAll('tbody tr')).to.have.length(52);
    expect($$(el, '.chart .fired').length, 'checks that met the rule are marked').to.be.greaterThan(0);
    const signs = $$(el, '.trend-table')[1]!;
    expect(signs.querySelectorAll('tbody tr')).to.have.length(12);
    expect(signs.querySelectorAll('thead th')).to.have.length(6);
    await expectNoAxeViolations(el);
  });

  it('a viewer sees the signs and agreed responses read-only', async () => {
    const store = memoryStore();
    await seed(store);
    const el = await connected(clientAs(store, 'viewer', 'v-1'));
    expect($(el, 'form')).to.equal(null);
    expect($(el, '[part=check]').textContent).to.include('Agreed response: Tell the care co-ordinator today; offer the crisis line number');
    await expectNoAxeViolations(el);
  });

  describe('accessibility in every fixture state', () => {
    const plan = signPlan();
    const states: [string, () => Promise<StrRelapseSigns>][] = [
      ['typical 12 signs', () => fixture(html`<str-relapse-signs .plan=${plan} .checks=${settledChecks(plan)} .clock=${clock}></str-relapse-signs>`)],
      ['200 signs', () => fixture(html`<str-relapse-signs .plan=${largeSignPlan(200)} .clock=${clock}></str-relapse-signs>`)],
      ['check in progress', async () => {
        const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs .plan=${plan} .clock=${clock}></str-relapse-signs>`);
        el.value = { [plan.signs[0]!.id]: 1, [plan.signs[1]!.id]: 'not-asked' };
        return el;
      }],
      ['trend of 52 weekly checks', () => fixture(html`<str-relapse-signs view="trend" .plan=${plan} .checks=${weeklyChecks(plan)} .clock=${clock}></str-relapse-signs>`)],
      ['read-only', () => fixture(html`<str-relapse-signs readonly .plan=${plan} .clock=${clock}></str-relapse-signs>`)],
      ['no plan', () => fixture(html`<str-relapse-signs></str-relapse-signs>`)],
      ['rule fired with its reason', async () => {
        const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs .plan=${plan} .checks=${settledChecks(plan)} .clock=${clock}></str-relapse-signs>`);
        el.value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [plan.signs[9]!.id]: 2 };
        await el.updateComplete;
        el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('[part=result]')!.textContent).to.include('This check meets the alert rule');
        return el;
      }],
      ['draft restored', async () => {
        const store = memoryStore();
        const stored = await seed(store);
        const drafts = memoryDrafts();
        await drafts.save(FIXTURE_WORKER, `relapse-signs:check:${FIXTURE_PERSON_ID}`, { ratings: { [stored.signs[0]!.id]: 1 }, details: {}, pendingId: crypto.randomUUID(), planId: stored.id }, '2026-06-05T14:40:00Z');
        const el = await connected(clientAs(store, 'str-worker', FIXTURE_WORKER, { drafts }));
        await until(el, () => el.value[stored.signs[0]!.id] === 1, 'draft restored');
        return el;
      }],
    ];
    for (const [name, make] of states) {
      it(`${name}: no axe violations; targets at least 24 by 24 px`, async () => {
        const el = await make();
        await el.updateComplete;
        await expectNoAxeViolations(el);
        for (const c of $$(el, 'button, input, select, textarea').slice(0, 300)) {
          const r = c.getBoundingClientRect();
          if (r.width === 0) continue;
          expect(Math.min(r.width, r.height), c.outerHTML.slice(0, 80)).to.be.at.least(24);
        }
      });
    }

    it('320 px wide: nothing wider than the element', async () => {
      const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs style="width:320px" .plan=${plan} .clock=${clock}></str-relapse-signs>`);
      for (const node of $$(el, '*')) expect(node.getBoundingClientRect().right, node.outerHTML.slice(0, 60)).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    });
  });
});
