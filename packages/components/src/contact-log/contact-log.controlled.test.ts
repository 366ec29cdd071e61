// Controlled mode (no client): every action the contact log offers fires exactly one cancelable intent (issue 17,
// internal/events.ts). Cancelled, what the worker typed stays; let through, the element treats it as done. The contacts
// given are never changed by the element. Synthetic people only.
import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, button, until } from '../../../../test/helpers/dom.js';
import { fixtureClock } from '../../../../test/helpers/clients.js';
import '../define/str-contact-log.js';
import type { StrContactLog } from './contact-log.js';
import { StrIntentEvent } from '../internal/events.js';
import { FIXTURE_PERSON_ID, weekOfContacts } from './contact-log.fixtures.js';

const controlled = () =>
  fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${weekOfContacts} .clock=${fixtureClock}></str-contact-log>`);

/** Every event named `name` fired from `el`, cancelling each when `cancel` is set. */
function record(el: HTMLElement, name: string, cancel: boolean) {
  const seen: CustomEvent[] = [];
  el.addEventListener(name, (e) => {
    seen.push(e as CustomEvent);
    if (cancel) e.preventDefault();
  });
  return seen;
}

/** Opens the row whose summary includes `text` (the rows are native details elements). */
async function open(el: StrContactLog, text: string) {
  const details = $$<HTMLDetailsElement>(el, '.history details').find((d) => d.querySelector('summary')!.textContent!.includes(text))!;
  details.open = true;
  await until(el, () => !!details.querySelector('.full'), `the row "${text}" opened`);
  return details;
}

const rowButton = (row: Element, text: string) => [...row.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;

function type(el: StrContactLog, selector: string, value: string) {
  const box = $<HTMLTextAreaElement>(el, selector);
  box.value = value;
  box.dispatchEvent(new Event('input'));
}

/** A 15-minute phone call at home, with a note: everything a new contact needs. */
function fillNewContact(el: StrContactLog) {
  $<HTMLInputElement>(el, 'input[name=duration][value="15"]').click();
  $<HTMLInputElement>(el, '#mechanism-02').click();
  $<HTMLInputElement>(el, '#location-A01').click();
  type(el, '#note', 'Rang to check in.');
}

describe('<str-contact-log> controlled mode: one cancelable intent per action', () => {
  it('Save: one str-contact-save; cancelled, the form stays as typed', async () => {
    const el = await controlled();
    const seen = record(el, 'str-contact-save', true);
    fillNewContact(el);
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(seen).to.have.length(1);
    expect(seen[0]).to.be.instanceOf(StrIntentEvent);
    expect(seen[0]!.cancelable && seen[0]!.bubbles && seen[0]!.composed).to.equal(true);
    expect($<HTMLTextAreaElement>(el, '#note').value).to.equal('Rang to check in.');
    expect($(el, '[role=status]').textContent).to.not.include('sent');
  });

  it('Save let through: the form clears, says it was sent, and the contacts given are unchanged', async () => {
    const el = await controlled();
    const seen = record(el, 'str-contact-save', false);
    fillNewContact(el);
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => $<HTMLTextAreaElement>(el, '#note').value === '', 'the form cleared');
    expect(seen).to.have.length(1);
    expect(seen[0]!.detail.contact).to.deep.include({ serviceUserId: FIXTURE_PERSON_ID, durationMinutes: 15, mechanism: '02', note: 'Rang to check in.' });
    expect($(el, '[role=status]').textContent).to.include('Contact sent to the record system');
    expect(el.contacts).to.equal(weekOfContacts);
  });

  it('Correct this contact: one str-contact-correct with the changes and the version corrected; cancelled the form stays, let through it clears', async () => {
    const el = await controlled();
    const target = weekOfContacts[1]!; // the phone call of 2 June, 14:30
    const row = await open(el, '2 June 2026, 14:30');
    rowButton(row, 'Correct this contact').click();
    await until(el, () => $(el, 'form')?.getAttribute('aria-label') === 'Correct a contact', 'the correction form');
    type(el, '#note', 'Phone call before the benefits appointment; rebooked it.');
    let cancel = true;
    const seen: CustomEvent[] = [];
    el.addEventListener('str-contact-correct', (e) => {
      seen.push(e as CustomEvent);
      if (cancel) e.preventDefault();
    });
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(seen).to.have.length(1);
    expect(seen[0]!.cancelable).to.equal(true);
    expect(seen[0]!.detail).to.deep.include({ id: target.id, expectedVersion: target.version, serviceUserId: FIXTURE_PERSON_ID });
    expect(seen[0]!.detail.changes).to.deep.include({ note: 'Phone call before the benefits appointment; rebooked it.', mechanism: '02', durationMinutes: 15 });
    expect(seen[0]!.detail.changes).to.not.have.any.keys('id', 'serviceUserId');
    expect($<HTMLTextAreaElement>(el, '#note').value, 'cancelled: kept as typed').to.equal('Phone call before the benefits appointment; rebooked it.');
    expect($(el, 'form').getAttribute('aria-label')).to.equal('Correct a contact');

    cancel = false;
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => $(el, 'form').getAttribute('aria-label') === 'Log a contact', 'the form back to a new contact');
    expect(seen).to.have.length(2);
    expect($(el, '[role=status]').textContent).to.include('Correction sent to the record system');
    expect(el.contacts).to.equal(weekOfContacts);
    expect(weekOfContacts[1]!.note).to.equal('Phone call before the benefits appointment.'); // never changed by the element
  });

  it('Mark as entered in error: one str-contact-mark-entered-in-error with the reason; cancelled the reason stays, let through it closes', async () => {
    const el = await controlled();
    const target = weekOfContacts[0]!;
    const row = await open(el, '1 June 2026, 10:00');
    rowButton(row, 'Mark as entered in error').click();
    await until(el, () => !!$(el, `#eie-${target.id}`), 'the reason box');
    const seen: CustomEvent[] = [];
    let cancel = true;
    el.addEventListener('str-contact-mark-entered-in-error', (e) => {
      seen.push(e as CustomEvent);
      if (cancel) e.preventDefault();
    });
    const confirm = () => [...row.querySelectorAll<HTMLButtonElement>('button.primary')].find((b) => b.textContent!.trim() === 'Mark as entered in error');
    // No reason: refused beside the box, no intent.
    confirm()!.click();
    await el.updateComplete;
    expect(seen).to.have.length(0);
    expect($(el, `#eie-${target.id}-error`).textContent).to.include('Enter why');
    type(el, `#eie-${target.id}`, 'Logged against the wrong person');
    await el.updateComplete;
    confirm()!.click();
    await el.updateComplete;
    expect(seen).to.have.length(1);
    expect(seen[0]!.cancelable).to.equal(true);
    expect(seen[0]!.detail).to.deep.equal({ id: target.id, expectedVersion: target.version, serviceUserId: FIXTURE_PERSON_ID, reason: 'Logged against the wrong person' });
    expect($<HTMLTextAreaElement>(el, `#eie-${target.id}`).value, 'cancelled: kept as typed').to.equal('Logged against the wrong person');

    cancel = false;
    confirm()!.click();
    await until(el, () => !$(el, `#eie-${target.id}`), 'the reason box closed');
    expect(seen).to.have.length(2);
    expect($(el, '[role=status]').textContent).to.include('Marking sent to the record system');
    expect(el.contacts).to.equal(weekOfContacts);
  });

  it('read-only: no form and no row actions, so no intent can fire', async () => {
    const el = await fixture<StrContactLog>(html`<str-contact-log readonly service-user-id=${FIXTURE_PERSON_ID} .contacts=${weekOfContacts} .clock=${fixtureClock}></str-contact-log>`);
    const row = await open(el, '1 June 2026, 10:00');
    expect($(el, 'form')).to.equal(null);
    expect(row.querySelectorAll('button')).to.have.length(0);
    expect(button(el, 'Correct this contact')).to.equal(undefined);
  });
});
