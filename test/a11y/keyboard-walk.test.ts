// Issue 17: every action of a widget, taken by keyboard alone (Tab, Shift+Tab, Enter, Space and arrow keys through the
// browser, via wtr's sendKeys), and where focus lands after each. Focus must land on something that makes sense for
// what was done, and never on <body>. Synthetic people only.
//
// To add a widget: write one `walk(…)` below. Mount it after the `start` button (so the first Tab enters it), then for
// each action `await tabTo(…)` its control, press a key, and `await landsOn(…)` where focus must go.
import { createClient, indexedDbStore, memoryDrafts, memoryStore, syncedStore, StrError, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { until } from '../helpers/dom.js';
import { focused, labelled, landsOn, press, tabTo, words } from '../helpers/keyboard.js';
import { clientAs, fixtureClock } from '../helpers/clients.js';
import { validContact } from '../helpers/fixtures.js';
import { seededStore } from '../helpers/seeded.js';
import '../../packages/components/src/define/str-contact-log.js';
import '../../packages/components/src/define/str-sync-status.js';
import '../../packages/components/src/define/str-care-plan.js';
import '../../packages/components/src/define/str-relapse-check.js';
import '../../packages/components/src/define/str-relapse-trend.js';
import '../../packages/components/src/define/str-relapse-plan.js';
import '../../packages/components/src/define/str-alert-inbox.js';
import '../../packages/components/src/define/str-relapse-signs.js';
import { planEditor } from '../../packages/components/src/relapse-signs/plan-edit.controller.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID, weekOfContacts } from '../../packages/components/src/contact-log/contact-log.fixtures.js';
import { fixtureWorkers, typicalPlan } from '../../packages/components/src/care-plan/care-plan.fixtures.js';
import { FIXTURE_COORDINATOR, FIXTURE_WORKER, largeSignPlan, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

/** Mounts `template` after a "start" button and puts focus on that button: the walk begins from the page. */
async function mount<E extends HTMLElement>(template: TemplateResult): Promise<E> {
  const wrap = await fixture<HTMLDivElement>(html`<div><button id="start">Start</button>${template}</div>`);
  wrap.querySelector<HTMLButtonElement>('#start')!.focus();
  return wrap.lastElementChild as E;
}

/** Each walk is one test, named for its widget. */
function walk(widget: string, steps: () => Promise<void>) {
  it(`${widget}: every action by keyboard, and where focus lands`, async function () {
    this.timeout(60_000);
    await steps();
  });
}

type Loaded = HTMLElement & { whenLoaded(): Promise<void>; updateComplete: Promise<unknown> };

/** The person's whole record, with two open alerts. */
const seeded = (): Promise<Store> => seededStore({ firstCheckWell: true, alerts: [[1, 30], [2, 2]] });

/** Mounts `tag` for the fixture person, connected to `store` as `role`, after the start button; waits for it to load. */
async function mountWidget(tag: string, store: Store, role: 'str-worker' | 'care-coordinator', id: string): Promise<Loaded> {
  const el = await mount<Loaded>(html`<div></div>`);
  const widget = document.createElement(tag) as Loaded & { client: unknown; clock: unknown };
  Object.assign(widget, { client: clientAs(store, role, id), clock: fixtureClock });
  widget.setAttribute('service-user-id', FIXTURE_PERSON_ID);
  el.replaceWith(widget);
  await widget.whenLoaded();
  return widget;
}
const lost = () => Promise.reject(new StrError('transport', 'connection lost', true));
/** `real`, whose reads fail while `state.down`, as a lost connection does. */
const flakyReads = (real: Store, state: { down: boolean }) => ({
  ...real, name: real.name, durability: real.durability,
  get: (t, i) => (state.down ? lost() : real.get(t, i)),
  list: (t, q) => (state.down ? lost() : real.list(t, q)),
} as Store);
const status = (text: string) => (e: Element) => e.matches('[role=status]') && words(e).startsWith(text);

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

  walk('<str-relapse-check>', async () => {
    const plan = signPlan();
    const el = await mountWidget('str-relapse-check', await seeded(), 'str-worker', FIXTURE_WORKER);
    const rating = (sign: number) => (e: Element) => e.getAttribute('name') === `r-${plan.signs[sign]!.id}`;

    // Save with nothing rated: the error summary; its first link goes to the first sign's ratings.
    await tabTo('Save check', labelled('button[type=submit]', 'Save check'));
    await press('Enter');
    await landsOn(el, 'Save check (nothing rated)', 'the error summary', (e) => e.matches('.error-summary'));
    await press('Tab');
    await press('Enter');
    await landsOn(el, 'the first error link', 'the first sign\'s ratings', rating(0));

    // None noticed: every sign set to 0; focus stays on the button, and the status says so.
    await tabTo('None noticed', labelled('button', 'None noticed'), { back: true });
    await press('Enter');
    await until(el, () => words(el.shadowRoot!.querySelector('[role=status]')).startsWith(`All ${plan.signs.length} signs set to 0`), 'the status says so');
    await landsOn(el, 'None noticed', 'None noticed', labelled('button', 'None noticed'));

    // A late sign rated 2 by arrow keys (0 → 1 → 2): focus stays in its group.
    await tabTo('the late sign', rating(9));
    await press('ArrowRight');
    await press('ArrowRight');
    await landsOn(el, 'rating the late sign', 'its "2" rating', (e) => rating(9)(e) && (e as HTMLInputElement).value === '2' && (e as HTMLInputElement).checked);

    // Day-to-day functioning, a note, the observations and "well today": each control keeps focus.
    await tabTo('a functioning level', (e) => e.getAttribute('name')?.startsWith('f-') === true);
    await press('Space');
    await landsOn(el, 'choosing a level', 'the level chosen', (e) => e.getAttribute('name')?.startsWith('f-') === true && (e as HTMLInputElement).checked);
    await tabTo('the observations', (e) => e.id === 'observations');
    await sendKeys({ type: 'Pacing; said the neighbours were talking about them.' });
    await tabTo('well today', (e) => e.matches('input[type=checkbox]'));
    await press('Space');
    await landsOn(el, 'ticking "well today"', 'the box', (e) => e.matches('input[type=checkbox]:checked'));

    // Save: the button is disabled while saving, so focus goes to the result, which says the rule is met.
    await tabTo('Save check', labelled('button[type=submit]', 'Save check'));
    await press('Enter');
    await landsOn(el, 'Save check', 'the result heading', (e) => e.id === 'result-heading' && words(e) === 'This check meets the alert rule');

    // A note for the co-ordinator, then Send an alert: the button is replaced, focus goes to the status.
    await tabTo('the alert note', (e) => e.id === 'alert-note');
    await sendKeys({ type: 'Please ring today.' });
    await tabTo('Send an alert', labelled('button', 'Send an alert'));
    await press('Enter');
    await landsOn(el, 'Send an alert', 'the status', status('Alert recorded')); // the fixture person has no co-ordinator set
  });

  walk('<str-relapse-plan>', async () => {
    const plan = signPlan();
    const [first, second] = [plan.signs[0]!.id, plan.signs[1]!.id];
    const el = await mountWidget('str-relapse-plan', await seeded(), 'care-coordinator', FIXTURE_COORDINATOR);
    const isEdit = (e: Element) => e.id === 'plan-edit';

    // Edit, then Cancel: the first sign's words, then back to "Edit the plan".
    await tabTo('Edit the plan', isEdit);
    await press('Enter');
    await landsOn(el, 'Edit the plan', 'the first sign\'s words', (e) => e.id === `pe-sign-${first}-text`);
    await tabTo('Cancel', labelled('button', 'Cancel'));
    await press('Enter');
    await landsOn(el, 'Cancel', 'Edit the plan', isEdit);

    // Edit again: change a sign's words and its stage (arrow key in the list).
    await press('Enter');
    await landsOn(el, 'Edit the plan', 'the first sign\'s words', (e) => e.id === `pe-sign-${first}-text`);
    await sendKeys({ type: ' at all' });
    await tabTo('its stage', (e) => e.id === `pe-sign-${first}-stage`);
    await press('ArrowDown');
    await landsOn(el, 'changing the stage', 'the stage', (e) => e.id === `pe-sign-${first}-stage`);

    // Move down, then up: focus follows the sign (at the top, "Move up" is disabled, so onto its "Move down").
    await tabTo('Move down', (e) => e.id === `pe-sign-${first}-down`);
    await press('Enter');
    await landsOn(el, 'Move down', 'the moved sign\'s Move down', (e) => e.id === `pe-sign-${first}-down`);
    await tabTo('Move up', (e) => e.id === `pe-sign-${first}-up`, { back: true });
    await press('Enter');
    await landsOn(el, 'Move up', 'the moved sign\'s Move down (Move up is disabled at the top)', (e) => e.id === `pe-sign-${first}-down`);

    // Remove the second sign: focus goes to the next sign's words.
    await tabTo('Remove (sign 2)', (e) => e.matches('button') && words(e) === 'Remove: sign 2');
    await press('Enter');
    await landsOn(el, 'Remove', 'the next sign\'s words', (e) => e.matches('textarea[id$=-text]') && e.id !== `pe-sign-${second}-text`);

    // Add a sign: its words box, empty. Type them, but no response yet.
    await tabTo('Add a sign', (e) => e.id === 'pe-add-sign');
    await press('Enter');
    await landsOn(el, 'Add a sign', 'the new sign\'s words', (e) => e.matches('textarea[id$=-text]') && (e as HTMLTextAreaElement).value === '');
    const added = focused()!.id.replace(/-text$/, '');
    await sendKeys({ type: 'Giving things away' });

    // Add a contact, then remove it: its name box, then "Add a contact".
    await tabTo('Add a contact', (e) => e.id === 'pe-add-contact');
    await press('Enter');
    await landsOn(el, 'Add a contact', 'the new contact\'s name', (e) => e.id === 'pe-contact-2-who');
    await tabTo('Remove (contact 3)', (e) => e.matches('button') && words(e) === 'Remove: contact 3');
    await press('Enter');
    await landsOn(el, 'Remove (contact)', 'Add a contact', (e) => e.id === 'pe-add-contact');

    // A baseline check ticked by Space keeps focus.
    await tabTo('a baseline check', (e) => e.matches('input[type=checkbox]'));
    await press('Space');
    await landsOn(el, 'ticking a baseline check', 'the box', (e) => e.matches('input[type=checkbox]:checked'));

    // Save with the new sign's response empty: the error summary, whose link goes to the response box.
    await tabTo('Save the plan', labelled('button[type=submit]', 'Save the plan'));
    await press('Enter');
    await landsOn(el, 'Save the plan (a response missing)', 'the error summary', (e) => e.matches('.error-summary'));
    await press('Tab');
    await press('Enter');
    await landsOn(el, 'the error link', 'the new sign\'s response', (e) => e.id === `${added}-response` && e.getAttribute('aria-invalid') === 'true');
    await sendKeys({ type: 'Ask what is going on; tell the care co-ordinator' });

    // Save: the plan view comes back, focus on its heading, and the status says it was saved.
    await tabTo('Save the plan', labelled('button[type=submit]', 'Save the plan'));
    await press('Enter');
    await landsOn(el, 'Save the plan', 'the plan heading', (e) => e.id === 'plan-heading');
    expect(words(el.shadowRoot!.querySelector('[role=status]'))).to.equal('Warning-sign plan saved');
    expect(words(el.shadowRoot)).to.include('Giving things away');
  });

  walk('<str-relapse-trend>', async () => {
    // The trend only shows: no control inside takes focus, so Tab goes straight past it, and back.
    const wrap = await fixture<HTMLDivElement>(html`<div><button id="start">Start</button><str-relapse-trend service-user-id=${FIXTURE_PERSON_ID}
      .client=${clientAs(await seeded(), 'str-worker', FIXTURE_WORKER)}></str-relapse-trend><button id="end">End</button></div>`);
    const el = wrap.querySelector<Loaded>('str-relapse-trend')!;
    await el.whenLoaded();
    expect(words(el.shadowRoot)).to.include('3 checks');
    wrap.querySelector<HTMLButtonElement>('#start')!.focus();
    await press('Tab');
    await landsOn(el, 'Tab from before the trend', 'the button after it', (e) => e.id === 'end');
    await press('Shift+Tab');
    await landsOn(el, 'Shift+Tab from after the trend', 'the button before it', (e) => e.id === 'start');
  });

  walk('<str-alert-inbox>', async () => {
    const store = await seeded();
    const alerts = [...(await store.list('alert')).items].sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt));
    const el = await mountWidget('str-alert-inbox', store, 'care-coordinator', FIXTURE_COORDINATOR);
    const isBox = (i: number) => (e: Element) => e.id === `ack-${alerts[i]!.id}`;
    const presses: string[] = [];
    const key = async (k: string) => {
      presses.push(k);
      await press(k);
    };

    // The first alert's link, then Acknowledge with nothing typed: the box says what is missing and keeps focus.
    await key('Tab');
    await landsOn(el, 'Tab into the inbox', 'the first alert\'s link', (e) => e.matches('a') && words(e).startsWith('Alert 1 of 2'));
    await key('Enter');
    await landsOn(el, 'the first alert\'s link', 'its "What was done"', isBox(0));
    await key('Tab');
    await key('Enter');
    await landsOn(el, 'Acknowledge (nothing typed)', 'the box, marked invalid', (e) => isBox(0)(e) && e.getAttribute('aria-invalid') === 'true');

    // Type what was done and acknowledge: the alert leaves the list, focus on the "Open alerts" heading.
    await sendKeys({ type: 'Rang them; visiting tomorrow.' });
    await key('Tab');
    await key('Enter');
    await landsOn(el, 'Acknowledge', 'the "Open alerts" heading', (e) => e.id === 'alerts-heading');
    expect(words(el.shadowRoot!.querySelector('[role=status]'))).to.include('acknowledged');

    // The next alert, counted: Tab to it, Enter, type, Tab, Enter.
    presses.length = 0;
    await tabTo('the next alert\'s "What was done"', isBox(1));
    await sendKeys({ type: 'Visited; all well.' });
    await key('Tab');
    await key('Enter');
    await landsOn(el, 'Acknowledge', 'the "Open alerts" heading', (e) => e.id === 'alerts-heading');
    expect(words(el.shadowRoot)).to.include('No open alerts');
    expect(presses.length + 1, 'key presses for the second alert, typing aside').to.be.at.most(4);
  });

  walk('<str-care-plan>', async () => {
    const f = typicalPlan();
    const [home, money] = [f.goals[0]!, f.goals[1]!];
    const [form, ring] = [f.tasks[0]!, f.tasks[1]!]; // the housing register form (in progress) and a call, both under home
    // A store where, when `race` is set, someone else saves the goal just before this worker's save lands.
    const store = await seeded();
    let race = false;
    const racing: Store = {
      ...store, name: store.name, durability: store.durability,
      put: async (t, r, v) => {
        if (race && t === 'goal') {
          race = false;
          const stored = (await store.get('goal', r.id))!;
          await store.put('goal', { ...stored, text: `${stored.text} Changed elsewhere.`, updatedBy: FIXTURE_WORKER }, stored.version);
        }
        return store.put(t, r, v);
      },
    } as Store;
    const el = await mountWidget('str-care-plan', racing, 'care-coordinator', FIXTURE_COORDINATOR);
    const id = (x: string) => (e: Element) => e.id === x;
    const firstField = (e: Element) => !!e.closest('form.editor') && e.matches('input, select, textarea');
    const toggle = (text: string) => (e: Element) => labelled('button.toggle', text)(e) && e.getAttribute('aria-pressed') === 'true';

    // The views: focus stays on the view button pressed, now pressed.
    for (const view of ['Due in the next 7 days', 'Review summary', 'Goals and tasks']) {
      await tabTo(view, labelled('button.toggle', view), { back: true });
      await press('Enter');
      await landsOn(el, view, `"${view}", pressed`, toggle(view));
    }

    // All tasks / My tasks, by arrow keys within the group: focus stays on the choice.
    await tabTo('All tasks', (e) => e.matches('input[name=filter]'));
    await press('ArrowRight');
    await landsOn(el, 'My tasks', 'My tasks, chosen', (e) => e.matches('input[name=filter][value=mine]:checked'));
    await press('ArrowLeft');
    await landsOn(el, 'All tasks', 'All tasks, chosen', (e) => e.matches('input[name=filter][value=all]:checked'));

    // Edit plan details, then Cancel: the form's first field, then back to the button.
    await tabTo('Edit plan details', id('plan-edit'), { back: true });
    await press('Enter');
    await landsOn(el, 'Edit plan details', 'the form\'s first field', firstField);
    await tabTo('Cancel', labelled('button', 'Cancel'));
    await press('Enter');
    await landsOn(el, 'Cancel', 'Edit plan details', id('plan-edit'));

    // Edit plan details and save: back on the button, the status says so.
    await press('Enter');
    await landsOn(el, 'Edit plan details', 'the form\'s first field', firstField);
    await tabTo('Save plan details', labelled('button[type=submit]', 'Save plan details'));
    await press('Enter');
    await landsOn(el, 'Save plan details', 'Edit plan details', id('plan-edit'));

    // Record a review: its form, then Record the review: back on "Record a review".
    await tabTo('Record a review', id('plan-review'));
    await press('Enter');
    await landsOn(el, 'Record a review', 'the form\'s first field', firstField);
    await tabTo('Record the review', labelled('button[type=submit]', 'Record the review'));
    await press('Enter');
    await landsOn(el, 'Record the review (no next date)', 'the error summary', (e) => e.matches('.error-summary'));
    await press('Tab');
    await press('Enter');
    await landsOn(el, 'the error link', 'the next review date, marked invalid', (e) => e.id === 'ed-next-review-on' && e.getAttribute('aria-invalid') === 'true');
    await sendKeys({ type: '10102026' }); // 10 October 2026, whichever order the browser's locale puts day and month
    await tabTo('Record the review', labelled('button[type=submit]', 'Record the review'));
    await press('Enter');
    await landsOn(el, 'Record the review', 'Record a review', id('plan-review'));

    // Move the first goal down, then up: focus follows it (onto the other button at an end).
    await tabTo('Move goal down', id(`g-${home.id}-down`));
    await press('Enter');
    await landsOn(el, 'Move goal down', 'the goal\'s Move goal down or up', (e) => e.id === `g-${home.id}-down` || e.id === `g-${home.id}-up`);
    await tabTo('Move goal up', id(`g-${home.id}-up`), { back: true });
    await press('Enter');
    await landsOn(el, 'Move goal up', 'the goal\'s Move goal down (up is disabled at the top)', id(`g-${home.id}-down`));

    // Edit a goal and save it: on the goal's heading, which reads its (new) words.
    await tabTo('Edit goal', id(`g-${home.id}-edit`), { back: true });
    await press('Enter');
    await landsOn(el, 'Edit goal', 'the goal\'s words', id('ed-text'));
    await tabTo('Save goal', labelled('button[type=submit]', 'Save goal'));
    await press('Enter');
    await landsOn(el, 'Save goal', 'the goal\'s heading', id(`g-${home.id}-heading`));

    // Move a task down, then up.
    await tabTo('Move down (task)', id(`t-${form.id}-down`));
    await press('Enter');
    await landsOn(el, 'Move down (task)', 'the task\'s Move down or up', (e) => e.id === `t-${form.id}-down` || e.id === `t-${form.id}-up`);
    await tabTo('Move up (task)', id(`t-${form.id}-up`), { back: true });
    await press('Enter');
    await landsOn(el, 'Move up (task)', 'the task\'s Move down', id(`t-${form.id}-down`));

    // Change status: its form (the checked choice), an arrow key, Save status: back on the task's name.
    await tabTo('Change status', id(`t-${form.id}-status-btn`));
    await press('Enter');
    await landsOn(el, 'Change status', 'the chosen status', (e) => e.matches('form.editor input[name=status]:checked'));
    await press('ArrowRight');
    await tabTo('Save status', labelled('button[type=submit]', 'Save status'));
    await press('Enter');
    await landsOn(el, 'Save status', 'the task\'s name', id(`t-${form.id}-name`));

    // Edit a task and save it.
    await tabTo('Edit (task)', id(`t-${ring.id}-edit`));
    await press('Enter');
    await landsOn(el, 'Edit (task)', 'the form\'s first field', firstField);
    await tabTo('Save task', labelled('button[type=submit]', 'Save task'));
    await press('Enter');
    await landsOn(el, 'Save task', 'the task\'s name', id(`t-${ring.id}-name`));

    // Mark complete: the quick note takes focus; "Not now" goes to the task's name; Reopen goes back to Mark complete.
    await tabTo('Mark complete', id(`t-${ring.id}-complete`));
    await press('Enter');
    await landsOn(el, 'Mark complete', 'the quick note', (e) => e.matches('form.editor textarea'));
    await tabTo('Not now', labelled('button', 'Not now'));
    await press('Enter');
    await landsOn(el, 'Not now', 'the task\'s name', id(`t-${ring.id}-name`));
    await tabTo('Reopen', id(`t-${ring.id}-reopen`));
    await press('Enter');
    await landsOn(el, 'Reopen', 'Mark complete', id(`t-${ring.id}-complete`));

    // A progress note on the task, saved: back on its "Add a progress note".
    await tabTo('Add a progress note', id(`n-${ring.id}-add`));
    await press('Enter');
    await landsOn(el, 'Add a progress note', 'the note', (e) => e.matches('form.editor textarea'));
    await sendKeys({ type: 'Rang together; bidding number found.' });
    await tabTo('Save note', labelled('button[type=submit]', 'Save note'));
    await press('Enter');
    await landsOn(el, 'Save note', 'Add a progress note', id(`n-${ring.id}-add`));

    // Add a task to the second goal: with no words, the error summary; then typed and added: on the new task's name.
    await tabTo('Add a task', id(`g-${money.id}-add-task`));
    await press('Enter');
    await landsOn(el, 'Add a task', 'the task\'s words', id('ed-text'));
    await tabTo('Add task', labelled('button[type=submit]', 'Add task'));
    await press('Enter');
    await landsOn(el, 'Add task (no words)', 'the error summary', (e) => e.matches('.error-summary'));
    await press('Tab');
    await press('Enter');
    await landsOn(el, 'the error link', 'the task\'s words, marked invalid', (e) => e.id === 'ed-text' && e.getAttribute('aria-invalid') === 'true');
    await sendKeys({ type: 'Ask about the warm home discount' });
    await tabTo('Add task', labelled('button[type=submit]', 'Add task'));
    await press('Enter');
    await landsOn(el, 'Add task', 'the new task\'s name', (e) => /^t-.*-name$/.test(e.id) && words(e).includes('warm home discount'));

    // Add a goal: its form; added, focus on the new goal.
    await tabTo('Add a goal', id('goal-add'));
    await press('Enter');
    await landsOn(el, 'Add a goal', 'the goal\'s words', id('ed-text'));
    await sendKeys({ type: 'I want to join the walking group' });
    await tabTo('the area of life', id('ed-life-area'));
    await press('ArrowDown');
    await landsOn(el, 'choosing an area of life', 'the list', (e) => e.id === 'ed-life-area' && (e as HTMLSelectElement).value !== '');
    await tabTo('Add goal', labelled('button[type=submit]', 'Add goal'));
    await press('Enter');
    await landsOn(el, 'Add goal', 'the new goal', (e) => words(e).includes('walking group'));

    // Someone else saved the goal first: the conflict panel takes focus; either choice lands on the goal's heading.
    for (const choice of ['Keep the stored version', 'Save my change over it']) {
      await tabTo('Edit goal', id(`g-${money.id}-edit`));
      await press('Enter');
      await landsOn(el, 'Edit goal', 'the goal\'s words', id('ed-text'));
      await sendKeys({ type: ' Mine.' });
      race = true;
      await tabTo('Save goal', labelled('button[type=submit]', 'Save goal'));
      await press('Enter');
      await landsOn(el, 'Save goal (saved elsewhere first)', 'the conflict panel', (e) => e.matches('.conflict'));
      await tabTo(choice, labelled('button', choice));
      await press('Enter');
      await landsOn(el, choice, 'the goal\'s heading', id(`g-${money.id}-heading`));
    }
  });

  walk('<str-relapse-check> (an alert that does not send at first)', async () => {
    const plan = signPlan();
    // A plain store whose first two alert writes fail as a lost connection does: the alert waits in the outbox.
    const real = await seeded();
    let failures = 2;
    const store: Store = {
      ...real, name: real.name, durability: real.durability,
      put: (t, r, v) => (t === 'alert' && failures-- > 0 ? Promise.reject(new StrError('transport', 'connection lost', true)) : real.put(t, r, v)),
    } as Store;
    const el = await mountWidget('str-relapse-check', store, 'str-worker', FIXTURE_WORKER);
    const rating = (sign: number) => (e: Element) => e.getAttribute('name') === `r-${plan.signs[sign]!.id}`;
    const isRetry = labelled('button', 'Try sending the alert again');

    // A check that meets the rule: none noticed, then the late sign rated 2; saved.
    await tabTo('None noticed', labelled('button', 'None noticed'));
    await press('Enter');
    await tabTo('the late sign', rating(9));
    await press('ArrowRight');
    await press('ArrowRight');
    await tabTo('Save check', labelled('button[type=submit]', 'Save check'));
    await press('Enter');
    await landsOn(el, 'Save check', 'the result heading', (e) => e.id === 'result-heading' && words(e) === 'This check meets the alert rule');

    // Send an alert, refused: the outbox (kept on this device) takes focus.
    await tabTo('Send an alert', labelled('button', 'Send an alert'));
    await press('Enter');
    await landsOn(el, 'Send an alert (connection lost)', 'the outbox', (e) => e.matches('.outbox'));

    // Try sending the alert again, refused again: the button is disabled while sending, so focus returns to the outbox.
    await tabTo('Try sending the alert again', isRetry);
    await press('Enter');
    await until(el, () => failures <= 0, 'the retry tried');
    await landsOn(el, 'Try sending the alert again (refused)', 'the outbox', (e) => e.matches('.outbox'));

    // Try again, sent: the outbox goes, and focus goes to the status, which says so.
    await tabTo('Try sending the alert again', isRetry);
    await press('Space');
    await until(el, () => !el.shadowRoot!.querySelector('.outbox'), 'the outbox empties');
    await landsOn(el, 'Try sending the alert again', 'the status', status('Alert recorded')); // the fixture person has no co-ordinator set
  });

  walk('<str-care-plan> (a save that fails, and printing)', async () => {
    const store = await seeded();
    let fail = false;
    const failing: Store = {
      ...store, name: store.name, durability: store.durability,
      put: (t, r, v) => {
        if (!fail) return store.put(t, r, v);
        fail = false;
        return Promise.reject(new StrError('transport', 'connection lost', true));
      },
    } as Store;
    const el = await mountWidget('str-care-plan', failing, 'care-coordinator', FIXTURE_COORDINATOR);
    const firstField = (e: Element) => !!e.closest('form.editor') && e.matches('input, select, textarea');

    // Edit plan details and save while the connection is lost: the problem takes focus, the form stays as typed.
    await tabTo('Edit plan details', (e) => e.id === 'plan-edit');
    await press('Enter');
    await landsOn(el, 'Edit plan details', 'the form\'s first field', firstField);
    fail = true;
    await tabTo('Save plan details', labelled('button[type=submit]', 'Save plan details'));
    await press('Enter');
    await landsOn(el, 'Save plan details (connection lost)', 'the problem', (e) => e.matches('.problem'));

    // Dismiss: the problem goes; focus goes back to the form still open, to try again.
    await tabTo('Dismiss', labelled('button', 'Dismiss'));
    await press('Enter');
    await until(el, () => !el.shadowRoot!.querySelector('.problem'), 'the problem dismissed');
    await landsOn(el, 'Dismiss', 'the form\'s first field', firstField);
    await tabTo('Save plan details', labelled('button[type=submit]', 'Save plan details'));
    await press('Enter');
    await landsOn(el, 'Save plan details', 'Edit plan details', (e) => e.id === 'plan-edit');

    // Print the review summary (print stubbed: no dialog): focus stays on the button.
    const print = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      await tabTo('Review summary', labelled('button.toggle', 'Review summary'), { back: true });
      await press('Enter');
      await tabTo('Print the review summary', labelled('button', 'Print the review summary'));
      await press('Enter');
      await landsOn(el, 'Print the review summary', 'the button', labelled('button', 'Print the review summary'));
      expect(printed).to.equal(1);
    } finally {
      window.print = print;
    }

    // Back to the goals: a progress note opened, then Cancel (not the quick note's "Not now"): back on its button.
    await tabTo('Goals and tasks', labelled('button.toggle', 'Goals and tasks'), { back: true });
    await press('Enter');
    const isAddNote = (e: Element) => e.matches('button[id^=n-][id$=-add]') && words(e).startsWith('Add a progress note');
    await tabTo('Add a progress note', isAddNote);
    const addId = focused()!.id;
    await press('Enter');
    await landsOn(el, 'Add a progress note', 'the note', (e) => e.matches('form.editor textarea'));
    await tabTo('Cancel', labelled('button', 'Cancel'));
    await press('Enter');
    await landsOn(el, 'Cancel (note)', 'Add a progress note', (e) => e.id === addId);
  });
  walk('<str-care-plan> (no plan loaded at first, then none yet)', async () => {
    const real = memoryStore();
    await real.put('serviceUser', FIXTURE_PERSON);
    for (const w of fixtureWorkers) await real.put('worker', w);
    // Reads fail while `down`, as a lost connection does: the plan cannot be loaded.
    let down = true;
    const lost = () => Promise.reject(new StrError('transport', 'connection lost', true));
    const store: Store = {
      ...real, name: real.name, durability: real.durability,
      get: (t, i) => (down ? lost() : real.get(t, i)),
      list: (t, q) => (down ? lost() : real.list(t, q)),
    } as Store;
    const el = await mountWidget('str-care-plan', store, 'care-coordinator', FIXTURE_COORDINATOR);
    await until(el, () => words(el.shadowRoot).includes('could not be loaded'), 'the load failed');

    // Try again, loaded: no plan yet; focus goes to the heading, not the page.
    down = false;
    await tabTo('Try again', labelled('button', 'Try again'));
    await press('Enter');
    await until(el, () => !!el.shadowRoot!.querySelector('#plan-start'), 'loaded: no plan yet');
    await landsOn(el, 'Try again', 'the "Care plan" heading', (e) => e.id === 'plan-heading');

    // Start a care plan: its form's first field; Cancel: back on "Start a care plan".
    await tabTo('Start a care plan', (e) => e.id === 'plan-start');
    await press('Enter');
    await landsOn(el, 'Start a care plan', 'the form\'s first field', (e) => !!e.closest('form.editor') && e.matches('input, select, textarea'));
    await tabTo('Cancel', labelled('button', 'Cancel'));
    await press('Enter');
    await landsOn(el, 'Cancel', 'Start a care plan', (e) => e.id === 'plan-start');
  });
  walk('<str-relapse-plan> (not loaded at first, and none yet)', async () => {
    const state = { down: true };
    const el = await mountWidget('str-relapse-plan', flakyReads(await seeded(), state), 'care-coordinator', FIXTURE_COORDINATOR);
    await until(el, () => words(el.shadowRoot).includes('could not be loaded'), 'the load failed');

    // Try again, loaded: the plan replaces the button; focus goes to its heading, not the page.
    state.down = false;
    await tabTo('Try again', labelled('button', 'Try again'));
    await press('Enter');
    await landsOn(el, 'Try again', 'the plan heading', (e) => e.id === 'plan-heading');

    // No plan yet: Start a warning-sign plan opens the editor, with no signs yet, on "Add a sign"; Cancel returns to the button.
    const empty = memoryStore();
    await empty.put('serviceUser', FIXTURE_PERSON);
    for (const w of fixtureWorkers) await empty.put('worker', w);
    const none = await mountWidget('str-relapse-plan', empty, 'care-coordinator', FIXTURE_COORDINATOR);
    await tabTo('Start a warning-sign plan', (e) => e.id === 'plan-start');
    await press('Enter');
    await landsOn(none, 'Start a warning-sign plan', 'Add a sign', (e) => e.id === 'pe-add-sign');
    await tabTo('Cancel', labelled('button', 'Cancel'));
    await press('Enter');
    await landsOn(none, 'Cancel', 'Start a warning-sign plan', (e) => e.id === 'plan-start');
  });
  walk('<str-relapse-check> (not loaded at first)', async () => {
    const state = { down: true };
    const el = await mountWidget('str-relapse-check', flakyReads(await seeded(), state), 'str-worker', FIXTURE_WORKER);
    await until(el, () => words(el.shadowRoot).includes('could not be loaded'), 'the load failed');

    // Try again, loaded: the check replaces the button; focus goes to its first control, not the page.
    state.down = false;
    await tabTo('Try again', labelled('button', 'Try again'));
    await press('Enter');
    await landsOn(el, 'Try again', 'the check\'s first control', (e) => !!e.closest('form') && e.matches('input, button, select, textarea'));
  });
  walk('<str-relapse-trend> (not loaded at first)', async () => {
    const state = { down: true };
    const el = await mountWidget('str-relapse-trend', flakyReads(await seeded(), state), 'str-worker', FIXTURE_WORKER);
    await until(el, () => words(el.shadowRoot).includes('could not be loaded'), 'the load failed');

    // Try again, loaded: the trend replaces the button; focus goes to its heading, not the page.
    state.down = false;
    await tabTo('Try again', labelled('button', 'Try again'));
    await press('Enter');
    await landsOn(el, 'Try again', 'the "Trend" heading', (e) => e.id === 'trend-heading');

    // No plan yet: nothing in what replaced the button takes focus, so the sentence saying so does.
    const empty = memoryStore();
    await empty.put('serviceUser', FIXTURE_PERSON);
    const none = { down: true };
    const bare = await mountWidget('str-relapse-trend', flakyReads(empty, none), 'str-worker', FIXTURE_WORKER);
    await until(bare, () => words(bare.shadowRoot).includes('could not be loaded'), 'the load failed');
    none.down = false;
    await tabTo('Try again', labelled('button', 'Try again'));
    await press('Enter');
    await landsOn(bare, 'Try again (no plan)', 'the sentence saying there is no trend', (e) => e.matches('p') && words(e).includes('no trend to show'));
  });
  walk('<str-sync-status> (a conflict: Keep mine, Take theirs)', async () => {
    // Two contacts changed both on this device and in the record system: two real conflicts.
    const remote = memoryStore();
    const s = syncedStore({ local: indexedDbStore({ name: `walk-${Math.random()}`, persist: false }), remote, auto: false });
    try {
      const mine = [await s.put('contact', validContact()), await s.put('contact', validContact())];
      await s.sync.now();
      for (const c of mine) {
        const server = (await remote.get('contact', c.id))!;
        await remote.put('contact', { ...server, note: 'Changed in the record system.' }, server.version);
        await s.put('contact', { ...c, note: 'Changed on this device.' }, c.version);
      }
      await s.sync.now();
      const el = await mount<HTMLElement & { updateComplete: Promise<unknown> }>(html`<str-sync-status
        .client=${createClient({ store: s, actor: { id: 'w1', role: 'str-worker' } })}></str-sync-status>`);
      await until(el, () => words(el.shadowRoot!.querySelector('[part=status]')).includes('2 changes need your attention'), 'two conflicts shown');

      // Keep mine: that conflict goes; focus is on the next conflict's "Keep mine" (the row that took its place).
      await tabTo('Keep mine', labelled('button', 'Keep mine'));
      await press('Enter');
      await until(el, () => words(el.shadowRoot).includes('1 change needs your attention'), 'one conflict left');
      await landsOn(el, 'Keep mine', 'the next conflict\'s Keep mine', labelled('button', 'Keep mine'));

      // Take theirs on the last: nothing needs attention; focus on the status.
      await tabTo('Take theirs', labelled('button', 'Take theirs'));
      await press('Enter');
      await until(el, () => !words(el.shadowRoot).includes('needs your attention'), 'no conflict left');
      await landsOn(el, 'Take theirs', 'the status', (e) => e.matches('[part=status]'));
    } finally {
      s.close?.();
    }
  });
  walk('<str-relapse-plan> (the editor does not load at first)', async () => {
    const kept = { module: planEditor.module, load: planEditor.load };
    let down = true;
    planEditor.module = undefined;
    planEditor.load = () => (down ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : kept.load());
    try {
      const plan = signPlan();
      const el = await mountWidget('str-relapse-plan', await seeded(), 'care-coordinator', FIXTURE_COORDINATOR);

      // Edit the plan, and the editor cannot be fetched: focus on its Try again, the plan still on screen.
      await tabTo('Edit the plan', (e) => e.id === 'plan-edit');
      await press('Enter');
      await landsOn(el, 'Edit the plan (editor not loaded)', 'Try again', (e) => e.id === 'plan-editor-retry');
      expect(words(el.shadowRoot)).to.include('The plan editor could not be loaded');

      // Try again, fetched: the editor replaces the plan; focus on the first sign's words.
      down = false;
      await press('Enter');
      await landsOn(el, 'Try again', 'the first sign\'s words', (e) => e.id === `pe-sign-${plan.signs[0]!.id}-text`);
    } finally {
      Object.assign(planEditor, kept);
    }
  });
  walk('<str-relapse-signs> (switching views)', async () => {
    const el = await mountWidget('str-relapse-signs', await seeded(), 'care-coordinator', FIXTURE_COORDINATOR);
    const pressed = (text: string) => (e: Element) => labelled('button.toggle', text)(e) && e.getAttribute('aria-pressed') === 'true';
    const first = words(el.shadowRoot!.querySelector('button.toggle'));

    // Each view by keyboard, into and out of Alerts: focus stays on the view button pressed, now pressed.
    for (const view of ['Trend', 'The plan', 'Alerts', 'Trend', first]) {
      await tabTo(view, labelled('button.toggle', view), { back: true });
      await press('Enter');
      await landsOn(el, view, `"${view}", pressed`, pressed(view));
    }
  });
  walk('<str-care-plan> (no plan yet: a start that fails, Dismiss)', async () => {
    const real = memoryStore();
    await real.put('serviceUser', FIXTURE_PERSON);
    for (const w of fixtureWorkers) await real.put('worker', w);
    let fail = false;
    const store: Store = {
      ...real, name: real.name, durability: real.durability,
      put: (t, r, v) => (fail ? lost() : real.put(t, r, v)),
    } as Store;
    const el = await mountWidget('str-care-plan', store, 'care-coordinator', FIXTURE_COORDINATOR);
    const firstField = (e: Element) => !!e.closest('form.editor') && e.matches('input, select, textarea');

    // Start a care plan, and the save is refused (connection lost): the problem takes focus, the form stays.
    await tabTo('Start a care plan', (e) => e.id === 'plan-start');
    await press('Enter');
    await landsOn(el, 'Start a care plan', 'the form\'s first field', firstField);
    fail = true;
    await tabTo('Start the plan', labelled('button[type=submit]', 'Start the plan'));
    await press('Enter');
    await landsOn(el, 'Start the plan (connection lost)', 'the problem', (e) => e.matches('.problem'));

    // Dismiss with the form open: back to its first field, to try again.
    await tabTo('Dismiss', labelled('button', 'Dismiss'));
    await press('Enter');
    await landsOn(el, 'Dismiss', 'the form\'s first field', firstField);

    // Refused again, the form closed (Cancel), then Dismiss: focus on the "Care plan" heading of the no-plan screen.
    await tabTo('Start the plan', labelled('button[type=submit]', 'Start the plan'));
    await press('Enter');
    await landsOn(el, 'Start the plan (connection lost)', 'the problem', (e) => e.matches('.problem'));
    await tabTo('Cancel', labelled('button', 'Cancel'));
    await press('Enter');
    await landsOn(el, 'Cancel', 'Start a care plan', (e) => e.id === 'plan-start');
    await tabTo('Dismiss', labelled('button', 'Dismiss'), { back: true });
    await press('Enter');
    await landsOn(el, 'Dismiss (no form open)', 'the "Care plan" heading', (e) => e.id === 'plan-heading');
    expect(el.shadowRoot!.querySelector('.problem')).to.equal(null);
  });
  walk('<str-care-plan> (Finish progress note)', async () => {
    const store = await seeded();
    const drafts = memoryDrafts();
    const ring = typicalPlan().tasks[1]!;
    const mountPlan = async () => {
      const el = await mount<Loaded>(html`<str-care-plan service-user-id=${FIXTURE_PERSON_ID}
        .client=${clientAs(store, 'str-worker', FIXTURE_WORKER, { drafts })}></str-care-plan>`);
      await el.whenLoaded();
      return el;
    };
    // A note half-typed, kept as a draft (written 400 ms after typing stops), and the page left.
    const first = await mountPlan();
    await tabTo('Add a progress note', (e) => e.id === `n-${ring.id}-add`);
    await press('Enter');
    await landsOn(first, 'Add a progress note', 'the note', (e) => e.matches('form.editor textarea'));
    await sendKeys({ type: 'Rang twice, no answer' });
    await new Promise((r) => setTimeout(r, 600));
    first.remove();

    // Back again: "Finish progress note" opens the note as typed, with focus in it.
    const el = await mountPlan();
    await tabTo('Finish progress note', (e) => e.id === `n-${ring.id}-add` && words(e).startsWith('Finish progress note'));
    await press('Enter');
    await landsOn(el, 'Finish progress note', 'the note, as typed', (e) => e.matches('form.editor textarea') && (e as HTMLTextAreaElement).value === 'Rang twice, no answer');
  });
  walk('<str-alert-inbox> (an acknowledgement that fails)', async () => {
    const real = await seeded();
    let fail = true;
    const store: Store = {
      ...real, name: real.name, durability: real.durability,
      put: (t, r, v) => (fail && t === 'alert' ? lost() : real.put(t, r, v)),
    } as Store;
    const alerts = [...(await real.list('alert')).items].sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt));
    const el = await mountWidget('str-alert-inbox', store, 'care-coordinator', FIXTURE_COORDINATOR);
    const isBox = (e: Element) => e.id === `ack-${alerts[0]!.id}`;

    // Acknowledge, refused (connection lost): the button was disabled while saving; focus goes back to the box,
    // which keeps what was typed and says why.
    await tabTo('the first alert\'s "What was done"', isBox);
    await sendKeys({ type: 'Rang them; visiting tomorrow.' });
    await press('Tab');
    await press('Enter');
    await landsOn(el, 'Acknowledge (connection lost)', 'the box, as typed, marked invalid', (e) => isBox(e) && e.getAttribute('aria-invalid') === 'true' && (e as HTMLTextAreaElement).value === 'Rang them; visiting tomorrow.');

    // Acknowledge again, accepted: the "Open alerts" heading.
    fail = false;
    await press('Tab');
    await press('Enter');
    await landsOn(el, 'Acknowledge', 'the "Open alerts" heading', (e) => e.id === 'alerts-heading');
    expect(words(el.shadowRoot!.querySelector('[role=status]'))).to.include('acknowledged');
  });
  walk('<str-relapse-plan> (12 signs: Save a few presses away)', async () => {
    const store = memoryStore();
    await store.put('serviceUser', FIXTURE_PERSON);
    for (const w of fixtureWorkers) await store.put('worker', w);
    await store.put('warningSignPlan', largeSignPlan(12));
    const el = await mountWidget('str-relapse-plan', store, 'care-coordinator', FIXTURE_COORDINATOR);
    const isSave = labelled('button[type=submit]', 'Save the plan');

    // The editor opens on the first sign's words; "Skip to Save the plan" is one Shift+Tab back, and takes focus to
    // Save (about 90 Tab presses forward without it).
    await tabTo('Edit the plan', (e) => e.id === 'plan-edit');
    await press('Enter');
    await landsOn(el, 'Edit the plan', 'the first sign\'s words', (e) => e.matches('textarea[id$=-text]'));
    await tabTo('Skip to Save the plan', labelled('a', 'Skip to Save the plan'), { back: true, max: 2 });
    await press('Enter');
    await landsOn(el, 'Skip to Save the plan', 'Save the plan', isSave);

    // Save, unchanged: the plan view, focus on its heading.
    await press('Enter');
    await landsOn(el, 'Save the plan', 'the plan heading', (e) => e.id === 'plan-heading');
  });
});
