// Issue 17: the full-device guard of the contact log (issue 16) in every widget that saves, and one StrError → words
// module. A device out of space refuses the write; the worker is told in words, nothing typed is lost, and the
// browser asks before the page is left until a save succeeds or the element goes. Synthetic people only.
import { StrError, memoryStore, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { $, until } from '../../../../test/helpers/dom.js';
import { clientAs, fixtureClock } from '../../../../test/helpers/clients.js';
import '../define/str-care-plan.js';
import '../define/str-relapse-signs.js';
import type { StrCarePlan } from '../care-plan/care-plan.js';
import type { StrRelapseSigns } from '../relapse-signs/relapse-signs.js';
import { FIXTURE_COORDINATOR, FIXTURE_PERSON_ID, FIXTURE_WORKER, fixtureWorkers, typicalPlan } from '../care-plan/care-plan.fixtures.js';
import { FIXTURE_PERSON } from '../contact-log/contact-log.fixtures.js';
import { settledChecks, signPlan } from '../relapse-signs/relapse-signs.fixtures.js';
import { whyNotSaved } from './error-words.js';

/** The store, refusing every write as a full device does while `full` is true. */
function fillable(store: Store) {
  const state = { full: true };
  const quota = () => Promise.reject(new StrError('storage', 'Saving: this device is out of storage space', false, { reason: 'quota' }));
  const wrapped: Store = { ...store, name: store.name, durability: store.durability, put: (t, r, v) => (state.full ? quota() : store.put(t, r, v)) };
  return { store: wrapped, state };
}

const asksBeforeLeaving = () => {
  const leaving = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(leaving);
  return leaving.defaultPrevented;
};

describe('a full device, in every widget that saves', () => {
  it('<str-care-plan>: a progress note refused for lack of space says so, keeps the note, and the browser asks before leaving until a save succeeds', async () => {
    const memory = memoryStore();
    await memory.put('serviceUser', FIXTURE_PERSON);
    const f = typicalPlan();
    await memory.put('carePlan', f.plan);
    for (const g of f.goals) await memory.put('goal', g);
    for (const t of f.tasks) await memory.put('task', t);
    const { store, state } = fillable(memory);
    const el = await fixture<StrCarePlan>(html`<str-care-plan service-user-id=${FIXTURE_PERSON_ID} .client=${clientAs(store, 'care-coordinator', FIXTURE_COORDINATOR)}
      .clock=${fixtureClock} .workers=${fixtureWorkers}></str-care-plan>`);
    await el.whenLoaded();
    const t = f.tasks[1]!;
    $(el, `#n-${t.id}-add`).click();
    await until(el, () => !!$(el, '#ed-text'), 'the note form');
    const text = $<HTMLTextAreaElement>(el, '#ed-text');
    text.value = 'Typed on a full phone';
    text.dispatchEvent(new Event('input'));
    text.closest('form')!.requestSubmit();
    await until(el, () => !!$(el, '.problem'), 'the worker is told');
    expect($(el, '.problem').textContent).to.include('This device is out of storage space');
    expect($(el, '.problem').textContent).to.include('do not close this page');
    expect($<HTMLTextAreaElement>(el, '#ed-text').value).to.equal('Typed on a full phone');
    expect(asksBeforeLeaving(), 'the browser asks before leaving').to.equal(true);
    state.full = false;
    $<HTMLTextAreaElement>(el, '#ed-text').closest('form')!.requestSubmit();
    await until(el, () => !$(el, '#ed-text'), 'the note is saved');
    expect(asksBeforeLeaving(), 'no longer once the note is saved').to.equal(false);
  });

  it('<str-relapse-signs>: a check refused for lack of space says so, keeps the ratings, and the browser asks before leaving until the element goes', async () => {
    const memory = memoryStore();
    await memory.put('serviceUser', FIXTURE_PERSON);
    const plan = await memory.put('warningSignPlan', signPlan());
    for (const c of settledChecks(plan)) await memory.put('signCheck', { ...c, planVersion: plan.version });
    const { store } = fillable(memory);
    const el = await fixture<StrRelapseSigns>(html`<str-relapse-signs service-user-id=${FIXTURE_PERSON_ID} .client=${clientAs(store, 'str-worker', FIXTURE_WORKER)}
      .clock=${fixtureClock}></str-relapse-signs>`);
    await el.whenLoaded();
    $<HTMLButtonElement>(el, 'form button.secondary').click(); // None noticed
    await el.updateComplete;
    $<HTMLFormElement>(el, 'form[part=check]').requestSubmit();
    await until(el, () => !!$(el, '.problem'), 'the worker is told');
    expect($(el, '.problem').textContent).to.include('This device is out of storage space');
    expect($(el, '.problem').textContent).to.include('Everything you entered is still here');
    expect(Object.values(el.value)).to.have.length(plan.signs.length);
    expect(asksBeforeLeaving(), 'the browser asks before leaving').to.equal(true);
    el.remove();
    expect(asksBeforeLeaving(), 'no longer once the element is gone').to.equal(false);
  });
});

describe('one StrError → words module', () => {
  const words = { what: 'the check', kept: 'Everything you entered is still here' };
  const cases: [string, unknown, string][] = [
    ['a full device', new StrError('storage', 'x', false, { reason: 'quota' }), 'This device is out of storage space, so the check could not be saved on it'],
    ['a conflict', new StrError('conflict', 'x'), 'someone else changed the check meanwhile'],
    ['no permission', new StrError('forbidden', 'x'), 'you do not have permission'],
    ['gone', new StrError('not-found', 'x'), 'the check was removed from the record system or never reached it'],
    ['no answer', new StrError('transport', 'x', true), 'the record system did not answer'],
    ['anything else', new Error('x'), 'The check could not be saved'],
  ];
  for (const [name, err, expected] of cases) {
    it(`${name}: says what happened, that the input is kept, and nothing of the error's message`, () => {
      const said = whyNotSaved(err, words);
      expect(said).to.include(expected);
      expect(said).to.include(words.kept);
    });
  }

  it('never repeats record content carried in an error message', () => {
    const secret = 'Sam said he hears voices';
    for (const code of ['storage', 'conflict', 'forbidden', 'not-found', 'transport', 'mapping'] as const) {
      expect(whyNotSaved(new StrError(code, secret, true), words)).not.to.include(secret);
    }
  });
});
