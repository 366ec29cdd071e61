// Editing the warning-sign plan (issue 8), by keyboard, and what the edit changes.
import { memoryStore, type Clock, type Store, type StrClient } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, active, until } from '../../../../test/helpers/dom.js';
import { clientAs } from '../../../../test/helpers/clients.js';
import { sendKeys } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-relapse-signs.js';
import type { StrRelapseSigns } from './relapse-signs.js';
import { FIXTURE_COORDINATOR, FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER, fixtureCheck, settledChecks, signPlan } from './relapse-signs.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };

async function seed(store: Store) {
  await store.put('serviceUser', { id: FIXTURE_PERSON_ID, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson' });
  const plan = await store.put('warningSignPlan', signPlan());
  for (const c of settledChecks(plan)) await store.put('signCheck', { ...c, planVersion: plan.version });
  // Two checks marked "well", totals 4 and 6.
  await store.put('signCheck', fixtureCheck(plan, 200, '2026-04-01T10:00:00Z', (i) => (i < 4 ? 1 : 0), { markedWell: true, planVersion: plan.version }));
  await store.put('signCheck', fixtureCheck(plan, 201, '2026-04-08T10:00:00Z', (i) => (i < 3 ? 2 : 0), { markedWell: true, planVersion: plan.version }));
  return plan;
}

async function open(client: StrClient) {
  const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs view="plan" service-user-id=${FIXTURE_PERSON_ID} .client=${client} .clock=${clock}></str-relapse-signs>`);
  await el.whenLoaded();
  return el;
}

/** A team lead's plan editor with one blank sign added at the end. */
async function editorWithBlankSign() {
  const store = memoryStore();
  await seed(store);
  const el = await open(clientAs(store, 'team-lead', 'lead-1'));
  $<HTMLButtonElement>(el, '#plan-edit').click();
  await until(el, () => !!$(el, 'form.editor'));
  $<HTMLButtonElement>(el, '#pe-add-sign').click();
  await el.updateComplete;
  return el;
}

describe('editing the warning-sign plan', () => {
  it('by keyboard: add a sign, move it, change a threshold, pick the agreed baseline; the saved thresholds change what fires', async () => {
    const store = memoryStore();
    const plan = await seed(store);
    const cc = clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR);
    const el = await open(cc);
    expect($(el, '[part=plan]').textContent).to.include('No agreed baseline');
    $<HTMLButtonElement>(el, '#plan-edit').focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => !!$(el, 'form.editor'));
    $<HTMLButtonElement>(el, '#pe-add-sign').focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => active(el)?.tagName === 'TEXTAREA' && active(el)!.id.endsWith('-text'), 'focus in the new sign');
    const newId = active(el)!.id.replace('pe-sign-', '').replace('-text', '');
    await sendKeys({ type: 'Giving my things away' });
    await sendKeys({ press: 'Tab' }); // stage
    await sendKeys({ press: 'Tab' }); // response
    await sendKeys({ type: 'Tell the care co-ordinator today' });
    await sendKeys({ press: 'Tab' }); // Move up
    expect(active(el)?.id).to.equal(`pe-sign-${newId}-up`);
    await sendKeys({ press: 'Enter' });
    await until(el, () => $$(el, '.sign-editor > li')[11]?.querySelector(`#pe-sign-${newId}-text`) !== null, 'moved up one');
    expect(active(el)?.id, 'focus stays with the moved sign').to.equal(`pe-sign-${newId}-up`);
    const late = $<HTMLInputElement>(el, '#pe-rule-lateSignAtLeast');
    late.focus();
    late.select();
    await sendKeys({ type: '3' });
    for (const box of $$<HTMLInputElement>(el, 'input[type=checkbox]')) {
      box.focus();
      await sendKeys({ press: 'Space' });
    }
    await until(el, () => $(el, 'form.editor').textContent!.includes('Agreed baseline: 5'), 'the figure shown');
    $<HTMLButtonElement>(el, 'form.editor button[type=submit]').focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => !$(el, 'form.editor'), 'saved');
    expect(active(el)?.id).to.equal('plan-heading');
    const saved = (await cc.warningSignPlans.current(FIXTURE_PERSON_ID))!;
    expect(saved.signs.map((s) => s.text).slice(10, 13)).to.deep.equal([plan.signs[10]!.text, 'Giving my things away', plan.signs[11]!.text]);
    expect(saved.rule.lateSignAtLeast).to.equal(3);
    expect(saved.agreedBaseline?.total).to.equal(5);
    expect($(el, '[part=plan]').textContent).to.include('Agreed baseline: 5, from 2 checks when the person was well.');

    // A late sign rated 2 fired before; with the threshold at 3 it does not.
    const worker = clientAs(store, 'str-worker', FIXTURE_WORKER);
    const check = await worker.signChecks.create({ planId: saved.id, ratings: { [plan.signs[9]!.id]: 2 } });
    expect((await worker.signChecks.evaluate(check.id)).fires).to.equal(false);
    const check3 = await worker.signChecks.create({ planId: saved.id, ratings: { [plan.signs[9]!.id]: 3 } });
    expect((await worker.signChecks.evaluate(check3.id)).reasons.map((r) => r.code)).to.deep.equal(['late-sign']);

    // The agreed baseline (5) replaces the first checks' (2): a total of 7 no longer fires, 8 does.
    const ones = (n: number) => Object.fromEntries(plan.signs.slice(0, n).map((s) => [s.id, 1 as const]));
    const seven = await worker.signChecks.create({ planId: saved.id, ratings: ones(7) });
    expect((await worker.signChecks.evaluate(seven.id)).fires, 'against the old baseline of 2 it would fire').to.equal(false);
    const eight = await worker.signChecks.create({ planId: saved.id, ratings: ones(8) });
    // The sign added in the editor was rated in none of the picked checks: the baseline covers the other 12 (ADR 0005).
    expect((await worker.signChecks.evaluate(eight.id)).reasons.map((r) => r.text)).to.deep.equal(['Total 8 is 3 points (60%) above the agreed baseline of 5 on the 12 signs it covers']);
  });

  it('a blank sign is refused with a linked message; removing a sign moves focus to the next one', async () => {
    const el = await editorWithBlankSign();
    $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
    await until(el, () => !!$(el, '.error-summary'));
    expect($$(el, '.error-summary a').map((a) => a.textContent)).to.deep.equal(['Enter the sign in the person’s own words', 'Enter the agreed response']);
    await expectNoAxeViolations(el);
    const items = $$(el, '.sign-editor > li');
    const second = items[1]!.querySelector('textarea')!.id;
    [...items[0]!.querySelectorAll('button')].find((b) => b.textContent!.startsWith('Remove'))!.click();
    await until(el, () => active(el)?.id === second, 'focus on the next sign');
  });

  it('every refused field is marked aria-invalid and described by its error, and its summary link focuses it', async () => {
    const el = await editorWithBlankSign();
    const rule = $<HTMLInputElement>(el, '#pe-rule-lateSignAtLeast');
    rule.value = '9';
    rule.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'form.editor button[type=submit]').click();
    await until(el, () => !!$(el, '.error-summary'));
    const links = $$<HTMLAnchorElement>(el, '.error-summary a');
    expect(links.length).to.be.at.least(3);
    for (const link of links) {
      const field = $<HTMLElement>(el, link.getAttribute('href')!);
      expect(field, `${link.textContent} links to a field`).not.to.equal(null);
      expect(field.getAttribute('aria-invalid'), `${field.id} is marked invalid`).to.equal('true');
      const described = (field.getAttribute('aria-describedby') ?? '').split(' ').map((id) => $(el, `#${id}`)?.textContent ?? '').join(' ');
      expect(described, `${field.id} is described by its error`).to.include(link.textContent!.trim());
      link.click();
      expect(active(el), `${link.textContent} focuses its field`).to.equal(field);
    }
    expect($(el, '#pe-agreed-on').getAttribute('aria-invalid'), 'a field that was not refused').to.equal('false');
  });

  it('a worker sees the plan read-only', async () => {
    const store = memoryStore();
    await seed(store);
    const el = await open(clientAs(store, 'str-worker', FIXTURE_WORKER));
    expect($(el, '#plan-edit')).to.equal(null);
    expect($(el, '[part=plan]').textContent).to.include('To suggest a change, talk to the care co-ordinator');
    expect($(el, '[part=plan]').textContent).to.include('A late sign rated 2 or more');
    await expectNoAxeViolations(el);
  });
});
