// Issue 17: every action of a widget, taken by keyboard alone (Tab, Shift+Tab, Enter, Space and arrow keys through the
// browser, via wtr's sendKeys), and where focus lands after each. Focus must land on something that makes sense for
// what was done, and never on <body>. Synthetic people only.
//
// To add a widget: write one `walk(…)` below. Mount it after the `start` button (so the first Tab enters it), then for
// each action `await tabTo(…)` its control, press a key, and `await landsOn(…)` where focus must go.
import { createClient, indexedDbStore, memoryStore, syncedStore, StrError, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { until } from '../helpers/dom.js';
import { clientAs, fixtureClock } from '../helpers/clients.js';
import { validContact } from '../helpers/fixtures.js';
import '../../packages/components/src/define/str-contact-log.js';
import '../../packages/components/src/define/str-sync-status.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID, weekOfContacts } from '../../packages/components/src/contact-log/contact-log.fixtures.js';

/** The focused element, followed down through open shadow roots. */
function focused(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
const describe_ = (e: Element | null) => (e ? e.outerHTML.replace(/\s+/g, ' ').slice(0, 120) : 'nothing');
const words = (e: Node | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Mounts `template` after a "start" button and puts focus on that button: the walk begins from the page. */
async function mount<E extends HTMLElement>(template: TemplateResult): Promise<E> {
  const wrap = await fixture<HTMLDivElement>(html`<div><button id="start">Start</button>${template}</div>`);
  wrap.querySelector<HTMLButtonElement>('#start')!.focus();
  return wrap.lastElementChild as E;
}

/** Presses `key` (a sendKeys name: 'Tab', 'Enter', 'Space', 'ArrowDown', …), or Tab with Shift held for 'Shift+Tab'. */
async function press(key: string) {
  if (key !== 'Shift+Tab') return sendKeys({ press: key });
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** Presses Tab (or Shift+Tab with `back`) until the focused element passes `match`; fails after `max` presses. */
async function tabTo(what: string, match: (e: Element) => boolean, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    const f = focused();
    if (f && match(f)) return;
    await press(back ? 'Shift+Tab' : 'Tab');
  }
  expect.fail(`${back ? 'Shift+' : ''}Tab never reached ${what}; focus is on ${describe_(focused())}`);
}

/** A button (or link, or summary) whose text starts with `text`. */
const labelled = (tag: string, text: string) => (e: Element) => e.matches(tag) && words(e).startsWith(text);

/** Waits (frames and renders, no fixed sleep) until focus is on an element passing `match`, never <body>. */
async function landsOn(el: HTMLElement & { updateComplete?: Promise<unknown> }, after: string, where: string, match: (e: Element) => boolean) {
  await until(el as never, () => {
    const f = focused();
    return !!f && f !== document.body && match(f);
  }, () => `after "${after}" focus should be on ${where}, and is on ${describe_(focused())}`);
}

/** Each walk is one test, named for its widget. */
function walk(widget: string, steps: () => Promise<void>) {
  it(`${widget}: every action by keyboard, and where focus lands`, steps);
}

describe('keyboard walk', () => {
  walk('<str-contact-log>', async () => {
    const store = memoryStore();
    await store.put('serviceUser', FIXTURE_PERSON);
    await store.put('contact', weekOfContacts[1]!);
    const client = clientAs(store, 'str-worker', 'story-worker');
    const el = await mount<HTMLElement & { whenLoaded(): Promise<void> }>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID}
      .client=${client} .clock=${fixtureClock}></str-contact-log>`);
    await el.whenLoaded();
    const isSaveButton = labelled('button[type=submit]', 'Save contact');

    // Save with nothing chosen: the error summary, then its first link takes focus to the field.
    await tabTo('Save contact', isSaveButton);
    await press('Enter');
    await landsOn(el, 'Save contact (incomplete)', 'the error summary', (e) => e.matches('.error-summary'));
    await press('Tab');
    await press('Enter');
    await landsOn(el, 'the first error link', 'the minutes box', (e) => e.id === 'duration-custom');

    // Fill the form by keyboard and save: focus moves to the status beside the form, which says so.
    await tabTo('the durations', (e) => e.getAttribute('name') === 'duration', { back: true });
    await press('ArrowRight'); // arrow keys choose within a radio group
    await tabTo('how', (e) => e.getAttribute('name') === 'mechanism');
    await press('Space');
    await tabTo('where', (e) => e.getAttribute('name') === 'location');
    await press('Space');
    await tabTo('Save contact', isSaveButton);
    await press('Enter');
    await landsOn(el, 'Save contact', 'the status saying "Contact saved"', (e) => e.matches('[role=status]') && words(e).startsWith('Contact saved'));

    // Discard draft: what was typed goes, focus returns to the first field.
    await tabTo('the note', (e) => e.id === 'note', { back: true });
    await sendKeys({ type: 'Half a note' });
    await tabTo('Discard draft', labelled('button', 'Discard draft'));
    await press('Enter');
    await landsOn(el, 'Discard draft', 'the date', (e) => e.id === 'date');

    // A filter by arrow key, then Clear filters: focus stays on the button pressed.
    await tabTo('the "How" filter', (e) => e.id === 'filter-mechanism');
    await press('ArrowDown');
    await tabTo('Clear filters', labelled('button', 'Clear filters'));
    await press('Enter');
    await landsOn(el, 'Clear filters', 'Clear filters', labelled('button', 'Clear filters'));

    // Open the older contact (the phone call): focus stays on its summary.
    const isCallRow = (e: Element) => e.matches('.history summary') && words(e).includes('Telephone');
    await tabTo('the telephone contact', isCallRow);
    await press('Enter');
    await landsOn(el, 'opening a contact', 'its summary', (e) => isCallRow(e) && (e.parentElement as HTMLDetailsElement).open);

    // Correct it, then cancel: the form's first field, then the status.
    await tabTo('Correct this contact', labelled('button', 'Correct this contact'));
    await press('Enter');
    await landsOn(el, 'Correct this contact', 'the date', (e) => e.id === 'date');
    await tabTo('Cancel correction', labelled('button', 'Cancel correction'));
    await press('Enter');
    await landsOn(el, 'Cancel correction', 'the status', (e) => e.matches('[role=status]') && words(e).startsWith('Correction cancelled'));

    // Correct it again and save the correction.
    await tabTo('Correct this contact', labelled('button', 'Correct this contact'));
    await press('Enter');
    await landsOn(el, 'Correct this contact', 'the date', (e) => e.id === 'date');
    await tabTo('the note', (e) => e.id === 'note');
    await sendKeys({ type: ' Corrected.' });
    await tabTo('Save correction', labelled('button[type=submit]', 'Save correction'));
    await press('Enter');
    await landsOn(el, 'Save correction', 'the status', (e) => e.matches('[role=status]') && words(e).startsWith('Correction saved'));

    // Earlier versions: the list replaces the button, and focus goes to the list's heading.
    await tabTo('Show earlier versions', labelled('button', 'Show earlier versions'));
    await press('Enter');
    await landsOn(el, 'Show earlier versions', 'the "Earlier versions" heading', (e) => words(e) === 'Earlier versions');

    // Mark as entered in error: the reason box; "Keep it" returns to the button; then mark it for real.
    const isMark = labelled('button.secondary', 'Mark as entered in error');
    await tabTo('Mark as entered in error', isMark);
    await press('Enter');
    await landsOn(el, 'Mark as entered in error', 'the reason box', (e) => e.matches('textarea[id^=eie-]'));
    await tabTo('Keep it', labelled('button', 'Keep it'));
    await press('Enter');
    await landsOn(el, 'Keep it', 'Mark as entered in error', isMark);
    await press('Enter');
    await landsOn(el, 'Mark as entered in error', 'the reason box', (e) => e.matches('textarea[id^=eie-]'));
    await sendKeys({ type: 'Logged twice' });
    await tabTo('the confirming button', labelled('button.primary', 'Mark as entered in error'));
    await press('Enter');
    await landsOn(el, 'marking it entered in error', 'the status', (e) => e.matches('[role=status]') && words(e).startsWith('Contact marked as entered in error'));
  });

  walk('<str-sync-status>', async () => {
    const real = memoryStore();
    let refuse = true;
    const remote: Store = { ...real, name: 'refusing', put: (t, r, v) => (refuse ? Promise.reject(new StrError('forbidden', 'refused (forbidden)', false)) : real.put(t, r, v)) } as Store;
    const s = syncedStore({ local: indexedDbStore({ name: `walk-${Math.random()}`, persist: false }), remote, auto: false });
    try {
      await s.put('contact', validContact());
      await s.put('contact', validContact());
      await s.sync.now();
      const el = await mount<HTMLElement & { updateComplete: Promise<unknown> }>(html`<str-sync-status
        .client=${createClient({ store: s, actor: { id: 'w1', role: 'str-worker' } })}></str-sync-status>`);
      await until(el, () => words(el.shadowRoot!.querySelector('[part=status]')).includes('2 changes need your attention'), 'two refusals shown');

      // Copy the text: the text appears below, focus stays on the button.
      await tabTo('Copy the text', labelled('button', 'Copy the text'));
      await press('Enter');
      await until(el, () => !!el.shadowRoot!.querySelector('textarea'), 'the copied text shown');
      await landsOn(el, 'Copy the text', 'Copy the text', labelled('button', 'Copy the text'));

      // Try again, accepted: the refusal goes, and focus is on the next refusal's "Try again" (the next row).
      refuse = false;
      await tabTo('Try again', labelled('button', 'Try again'), { back: true });
      await press('Enter');
      await until(el, () => words(el.shadowRoot).includes('1 change needs your attention'), 'one refusal left');
      await landsOn(el, 'Try again', 'the next refusal\'s Try again', labelled('button', 'Try again'));

      // Keep mine as a new version: the last refusal goes; focus again on the status.
      await tabTo('Keep mine as a new version', labelled('button', 'Keep mine as a new version'));
      await press('Enter');
      await until(el, () => !words(el.shadowRoot).includes('needs your attention'), 'no refusal left');
      await landsOn(el, 'Keep mine as a new version', 'the status', (e) => e.matches('[part=status]'));

      // Send now: disabled while sending, so focus goes to the status, which says all is sent.
      await tabTo('Send now', labelled('button', 'Send now'));
      await press('Enter');
      await until(el, () => words(el.shadowRoot).startsWith('All changes are in the record system'), 'all sent');
      await landsOn(el, 'Send now', 'the status', (e) => e.matches('[part=status]'));
    } finally {
      s.close?.();
    }
  });
});
