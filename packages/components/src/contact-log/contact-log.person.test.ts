// Issue 15, "Wrong person, silently": a contact log with no person, or a person the store does not have, says so and
// saves nothing. Synthetic people only.
import { createClient, memoryDrafts, memoryStore, type Clock, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import '../define/str-care-plan.js';
import '../define/str-contact-log.js';
import { NOT_SAVED_UNKNOWN_PERSON } from '../internal/person-scope.js';
import type { StrContactLog } from './contact-log.js';
import { FIXTURE_NOW, FIXTURE_PERSON_ID, weekOfContacts } from './contact-log.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };
const worker = (store: Store) => createClient({ store, drafts: memoryDrafts(), actor: { id: 'w1', role: 'str-worker' }, clock });
const UNKNOWN = '0d3c1f2e-5a6b-4c7d-8e9f-a0b1c2d3e4f5';

function fillAndSubmit(el: StrContactLog) {
  const root = el.shadowRoot!;
  root.querySelector<HTMLInputElement>('input[name=duration][value="30"]')!.click();
  root.querySelector<HTMLInputElement>('input[name=mechanism][value="01"]')!.click();
  root.querySelector<HTMLInputElement>('input[name=location][value="A01"]')!.click();
  const note = root.querySelector<HTMLTextAreaElement>('#note')!;
  note.value = 'Met at the library.';
  note.dispatchEvent(new Event('input'));
  root.querySelector<HTMLFormElement>('form[part=form]')!.requestSubmit();
}

const settle = async (el: StrContactLog) => {
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
  }
};

describe('<str-contact-log> and the person it is for', () => {
  it('connected with no person: says no person is chosen, offers no form and shows no contacts', async () => {
    const store = memoryStore();
    const client = worker(store);
    await store.put('contact', { ...weekOfContacts[0]!, serviceUserId: FIXTURE_PERSON_ID });
    const el = await fixture<StrContactLog>(html`<str-contact-log .client=${client} .clock=${clock}></str-contact-log>`);
    await settle(el);
    // A polite status, as in the other widgets (issue 17): nothing went wrong, so nothing interrupts.
    expect(el.shadowRoot!.querySelector('[role=status].no-person')?.textContent).to.include('No person is chosen');
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('form'), 'no form to save with').to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.include(weekOfContacts[0]!.note);
  });

  it('controlled with no person: says so and offers no form, so no save event can name nobody', async () => {
    const el = await fixture<StrContactLog>(html`<str-contact-log .contacts=${weekOfContacts} .clock=${clock}></str-contact-log>`);
    // A polite status, as in the other widgets (issue 17): nothing went wrong, so nothing interrupts.
    expect(el.shadowRoot!.querySelector('[role=status].no-person')?.textContent).to.include('No person is chosen');
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('connected with a person the store does not have: says so, refuses to save, and keeps what was typed', async () => {
    const store = memoryStore();
    const client = worker(store);
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${UNKNOWN} .client=${client} .clock=${clock}></str-contact-log>`);
    await settle(el);
    expect(el.shadowRoot!.querySelector('.no-person')?.textContent).to.include('not in the record system');
    let saved = 0;
    el.addEventListener('str-contact-saved', () => saved++);
    fillAndSubmit(el);
    await settle(el);
    expect((await store.list('contact', { limit: 10_000 })).items, 'nothing stored').to.have.length(0);
    expect(saved).to.equal(0);
    expect(el.shadowRoot!.querySelector('.error-summary')?.textContent).to.include('not in the record system');
    expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#note')!.value, 'the note typed is still there').to.equal('Met at the library.');
  });

  it('a person the store does not have: checked, shown and refused as every widget does (PersonScope), what was typed kept', async () => {
    const store = memoryStore();
    const client = worker(store);
    const log = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${UNKNOWN} .client=${client} .clock=${clock}></str-contact-log>`);
    const plan = await fixture<HTMLElement & { whenLoaded(): Promise<void> }>(html`<str-care-plan service-user-id=${UNKNOWN} .client=${client}></str-care-plan>`);
    await log.whenLoaded();
    await plan.whenLoaded();
    await settle(log);
    const notice = (el: HTMLElement) => el.shadowRoot!.querySelector('.no-person');
    // The same notice as the care plan's: one alert, the shared words, only the "so …" part differs.
    expect(notice(log)?.matches('div.problem[role=alert]'), 'the shared notice').to.equal(true);
    expect(notice(plan)?.matches('div.problem[role=alert]')).to.equal(true);
    const words = (el: HTMLElement) => notice(el)!.textContent!.replace(/\s+/g, ' ').trim().replace(/, so .*\. Check/, ', so …. Check');
    expect(words(log)).to.equal(words(plan));
    expect(words(log)).to.equal('This person is not in the record system, so …. Check the person chosen.');
    fillAndSubmit(log);
    await settle(log);
    expect(log.shadowRoot!.querySelector('.error-summary li')?.textContent?.trim(), 'the refusal every widget gives').to.equal(NOT_SAVED_UNKNOWN_PERSON);
    expect((await store.list('contact', { limit: 10_000 })).items, 'nothing stored').to.have.length(0);
    expect(log.shadowRoot!.querySelector<HTMLTextAreaElement>('#note')!.value).to.equal('Met at the library.');
  });

  it('connected with a person the store has: saves for them', async () => {
    const store = memoryStore();
    const lead = createClient({ store, actor: { id: 'lead', role: 'team-lead' }, clock });
    const person = await lead.serviceUsers.create({ displayName: 'Rowan Testperson' });
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${person.id} .client=${worker(store)} .clock=${clock}></str-contact-log>`);
    await settle(el);
    expect(el.shadowRoot!.querySelector('.no-person')).to.equal(null);
    fillAndSubmit(el);
    await settle(el);
    const stored = (await store.list('contact', { limit: 10_000 })).items;
    expect(stored.map((c) => c.serviceUserId)).to.deep.equal([person.id]);
  });
});
