import { StrError, createClient, memoryDrafts, memoryStore, type Clock, type Store, type StrClient } from '@strkit/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { $, until } from '../../../../test/helpers/dom.js';
import { clientAs } from '../../../../test/helpers/clients.js';
import { sendKeys } from '@web/test-runner-commands';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-contact-log.js';
import '../define/str-provider.js';
import { VIRTUALISE_ABOVE, type StrContactLog } from './contact-log.js';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { Contact } from '@strkit/sdk';
import { FIXTURE_NOW, FIXTURE_PERSON, FIXTURE_PERSON_ID, enteredInErrorContact, longNoteContact, weekOfContacts } from './contact-log.fixtures.js';
import { FIXTURE_WORKER, fixtureWorkers, typicalPlan } from '../care-plan/care-plan.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };
/** A memory store holding the fixture person (a memory store's put takes effect before it returns). */
const storeWithPerson = (): Store => {
  const store = memoryStore();
  void store.put('serviceUser', FIXTURE_PERSON);
  return store;
};
const worker = (store: Store = storeWithPerson(), drafts = memoryDrafts()) => clientAs(store, 'str-worker', 'w1', { drafts });

async function connected(client: StrClient) {
  const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .client=${client} .clock=${clock}></str-contact-log>`);
  await el.updateComplete;
  return el;
}

describe('<str-contact-log>', () => {
  it('logs a contact with the keyboard alone, and shows it in the history', async () => {
    const store = storeWithPerson();
    const client = worker(store);
    const el = await connected(client);
    const saved = oneEvent(el, 'str-contact-saved');
    $<HTMLInputElement>(el, '#date').focus();
    // Tab until a control has focus (date and time inputs take one Tab per segment in Chromium).
    const tabTo = async (match: (a: Element) => boolean) => {
      for (let i = 0; i < 12 && !match(el.shadowRoot!.activeElement!); i++) await sendKeys({ press: 'Tab' });
      expect(match(el.shadowRoot!.activeElement!), `focus is on ${el.shadowRoot!.activeElement?.outerHTML.slice(0, 80)}`).to.equal(true);
    };
    await tabTo((a) => a.getAttribute('name') === 'duration');
    await sendKeys({ press: 'ArrowRight' }); // 15 → 30: arrow keys move and select within a radio group
    await tabTo((a) => a.getAttribute('name') === 'mechanism');
    await sendKeys({ press: 'Space' }); // Face to face
    await tabTo((a) => a.getAttribute('name') === 'location');
    await sendKeys({ press: 'Space' }); // Person's home
    await tabTo((a) => a.id === 'note'); // passing attendance (defaults to attended on time) and planned
    await sendKeys({ type: 'Walked to the shops together.' });
    await tabTo((a) => a.getAttribute('type') === 'submit');
    await sendKeys({ press: 'Enter' });
    const { detail } = await saved;
    expect(detail).to.have.keys(['type', 'id', 'version', 'serviceUserId']);
    expect(detail.type).to.equal('contact');
    const stored = await client.contacts.get(detail.id);
    expect(stored).to.deep.include({ durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5', note: 'Walked to the shops together.' });
    expect(stored.start).to.equal('2026-06-05T17:00:00+01:00');
    await until(el, () => !!$(el, '.history li'));
    expect($(el, '[part=history]').textContent).to.include('Walked to the shops together.');
    expect($(el, '[role=status]').textContent).to.include('Contact saved');
  });

  it('shows an NHS-style error summary that takes focus, each message linked to its field', async () => {
    const el = await connected(worker());
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => !!$(el, '.error-summary'));
    const summary = $(el, '.error-summary');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).to.deep.equal([
      'Enter how long the contact lasted, in minutes',
      'Choose how the contact took place',
      'Choose where the contact took place',
    ]);
    links[1]!.click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('mechanism-01');
    expect($(el, '#duration-error').textContent).to.include('Error:');
    await expectNoAxeViolations(el);
  });

  it('refuses a contact in the future and a duration out of range', async () => {
    const el = await connected(worker());
    $<HTMLInputElement>(el, '#time').value = '18:30'; // 17:30 UTC on the fixture day is after "now" (17:00 BST)
    $<HTMLInputElement>(el, '#time').dispatchEvent(new Event('input'));
    $<HTMLInputElement>(el, '#duration-custom').value = '1441';
    $<HTMLInputElement>(el, '#duration-custom').dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => !!$(el, '.error-summary'));
    const text = $(el, '.error-summary').textContent!;
    expect(text).to.include('The contact cannot start in the future');
    expect(text).to.include('Duration must be a whole number of minutes from 1 to 1,440');
  });

  it('the "Other" minutes box shows what is typed; over 4 hours is confirmed in words before it is saved', async () => {
    const store = storeWithPerson();
    const client = worker(store);
    const el = await connected(client);
    const box = $<HTMLInputElement>(el, '#duration-custom');
    // Wide enough to read four digits: a 24 px box hid them and took taps on its spin arrows.
    expect(box.getBoundingClientRect().width).to.be.at.least(64);
    box.focus();
    await sendKeys({ type: '1125' });
    expect(box.value).to.equal('1125');
    expect(box.scrollWidth).to.be.at.most(box.clientWidth);
    $<HTMLInputElement>(el, '#mechanism-01').click();
    $<HTMLInputElement>(el, '#location-A01').click();
    await el.updateComplete;
    expect($(el, '#duration-words').textContent).to.equal('18 hours 45 minutes — is that right?');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => !!$(el, '.error-summary'));
    expect($(el, '.error-summary').textContent).to.include('18 hours 45 minutes — is that right?');
    expect((await client.contacts.list({ serviceUserId: FIXTURE_PERSON_ID })).items).to.have.length(0);
    $<HTMLInputElement>(el, '#duration-confirm').click();
    const saved = oneEvent(el, 'str-contact-saved');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    const { detail } = await saved;
    expect((await client.contacts.get(detail.id)).durationMinutes).to.equal(1125);
  });

  it('text pasted over a limit (a note over 10,000 characters, a language over 100) is kept whole and refused with the limit, never cut', async () => {
    const client = worker();
    const el = await connected(client);
    $<HTMLInputElement>(el, '#duration-custom').value = '30';
    $<HTMLInputElement>(el, '#duration-custom').dispatchEvent(new Event('input'));
    $<HTMLInputElement>(el, '#mechanism-01').click();
    $<HTMLInputElement>(el, '#location-A01').click();
    const long = `${'Went for a walk and talked. '.repeat(358)}End.`; // 10,028 characters
    expect(long.length).to.be.above(10_000);
    const note = $<HTMLTextAreaElement>(el, '#note');
    note.focus();
    document.execCommand('insertText', false, long); // a paste goes through the same editing path as this
    await el.updateComplete;
    expect(note.value).to.equal(long);
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => !!$(el, '.error-summary'));
    expect($(el, '.error-summary').textContent).to.include('Enter 10,000 characters or fewer');
    expect(note.value).to.equal(long);
    expect((await client.contacts.list({ serviceUserId: FIXTURE_PERSON_ID })).items).to.have.length(0);
    // The same for the one-line fields: an interpreter's language pasted over 100 characters is kept and refused.
    note.value = 'Short note.';
    note.dispatchEvent(new Event('input'));
    $<HTMLInputElement>(el, '#other-interpreter').click();
    await el.updateComplete;
    const language = $<HTMLInputElement>(el, '#interpreter-language');
    language.focus();
    const pasted = 'Sylheti, '.repeat(12);
    document.execCommand('insertText', false, pasted);
    await el.updateComplete;
    expect(language.value).to.equal(pasted);
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => $(el, '.error-summary')?.textContent?.includes('Enter the language in 100 characters or fewer') === true, 'the language limit is shown');
    expect(language.value).to.equal(pasted);
  });

  it('keeps a draft as the worker types and restores it when the page comes back', async () => {
    const store = storeWithPerson();
    const drafts = memoryDrafts();
    const el = await connected(worker(store, drafts));
    const note = $<HTMLTextAreaElement>(el, '#note');
    note.value = 'Half-typed note about the housing form';
    note.dispatchEvent(new Event('input'));
    el.remove(); // leaving the page flushes the draft
    await until(el, () => true);
    expect((await drafts.list('w1')).map((d) => d.key)).to.deep.equal([`contact-log:${FIXTURE_PERSON_ID}`]);

    const again = await connected(worker(store, drafts));
    await until(again, () => $<HTMLTextAreaElement>(again, '#note').value !== '');
    expect($<HTMLTextAreaElement>(again, '#note').value).to.equal('Half-typed note about the housing form');
    expect($(again, '[role=status]').textContent).to.include('Draft restored');
    await expectNoAxeViolations(again);
    $<HTMLButtonElement>(again, 'button.secondary').click();
    await until(again, () => $<HTMLTextAreaElement>(again, '#note').value === '');
    await until(again, () => true);
    expect(await drafts.list('w1')).to.have.length(0);
  });

  it('records who else was there, their role and the interpreter language', async () => {
    const client = worker();
    const el = await connected(client);
    const type = async (sel: string, value: string) => {
      const input = $<HTMLInputElement>(el, sel);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };
    $<HTMLInputElement>(el, 'input[name=duration][value="30"]').click();
    $<HTMLInputElement>(el, '#mechanism-01').click();
    $<HTMLInputElement>(el, '#location-A01').click();
    $<HTMLInputElement>(el, '#other-carer').click();
    $<HTMLInputElement>(el, '#other-interpreter').click();
    $<HTMLInputElement>(el, '#other-other').click();
    await el.updateComplete;
    await type('#interpreter-language', ' Polish ');
    await type('#role-other', 'Housing officer');
    const saved = oneEvent(el, 'str-contact-saved');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    const stored = await client.contacts.get((await saved).detail.id);
    expect(stored.othersPresent).to.deep.equal([{ kind: 'carer' }, { kind: 'interpreter' }, { kind: 'other', role: 'Housing officer' }]);
    expect(stored.interpreterLanguage).to.equal('Polish');
    await until(el, () => !!$(el, '.history li'));
    expect($(el, '.history li').textContent).to.include('with carer, interpreter (Polish), Housing officer');
    await expectNoAxeViolations(el);
  });

  it('keeps no draft of an untouched form', async () => {
    const drafts = memoryDrafts();
    const el = await connected(worker(storeWithPerson(), drafts));
    el.remove();
    await until(el, () => true);
    expect(await drafts.list()).to.have.length(0);
  });

  it('a failed save keeps everything typed and says so', async () => {
    const store = storeWithPerson();
    const failing: Store = { ...store, put: async () => Promise.reject(new Error('disk on fire')) };
    const el = await connected(worker(failing));
    for (const [sel, value] of [['#duration-custom', '45'], ['#note', 'Keep me']] as const) {
      const input = $<HTMLInputElement>(el, sel);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    $<HTMLInputElement>(el, '#mechanism-02').click();
    $<HTMLInputElement>(el, '#location-A01').click();
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => !!$(el, '.error-summary'));
    expect($(el, '.error-summary').textContent).to.include('could not be saved');
    expect($<HTMLTextAreaElement>(el, '#note').value).to.equal('Keep me');
    expect($<HTMLInputElement>(el, '#duration-custom').value).to.equal('45');
  });

  it('controlled mode: shows the given contacts and fires a cancelable str-contact-save', async () => {
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${weekOfContacts} .clock=${clock}></str-contact-log>`);
    const items = [...el.shadowRoot!.querySelectorAll('.history li')];
    expect(items).to.have.length(5);
    expect(items[0]!.textContent).to.include('5 June 2026, 09:15');
    expect(items[2]!.textContent).to.include('3 June 2026, 00:30'); // UK date, whatever the browser zone
    $<HTMLInputElement>(el, 'input[name=duration][value="15"]').click();
    $<HTMLInputElement>(el, '#mechanism-11').click();
    $<HTMLInputElement>(el, '#location-E02').click();
    setTimeout(() => $<HTMLButtonElement>(el, 'button[type=submit]').click());
    const ev = await oneEvent(el, 'str-contact-save');
    expect(ev.cancelable).to.equal(true);
    expect(ev.detail.contact).to.deep.include({ serviceUserId: FIXTURE_PERSON_ID, durationMinutes: 15, mechanism: '11', locationType: 'E02', attendance: '5' });
    expect(el.contacts).to.equal(weekOfContacts); // never changed by the element
  });

  it('controlled mode checks with the SDK\u2019s own rules: a note with a control character fires no str-contact-save and is refused beside the note, kept as typed', async () => {
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${weekOfContacts} .clock=${clock}></str-contact-log>`);
    let intents = 0;
    el.addEventListener('str-contact-save', () => intents++);
    $<HTMLInputElement>(el, 'input[name=duration][value="15"]').click();
    $<HTMLInputElement>(el, '#mechanism-11').click();
    $<HTMLInputElement>(el, '#location-E02').click();
    const typed = 'Rang the bell\u0007 twice; no answer.';
    const note = $<HTMLTextAreaElement>(el, '#note');
    note.value = typed;
    note.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => !!$(el, '.error-summary'), 'the refusal');
    expect(intents, 'the host is never handed a contact the client would refuse').to.equal(0);
    const link = $<HTMLAnchorElement>(el, '.error-summary a');
    expect(link.getAttribute('href')).to.equal('#note');
    expect($(el, '#note').getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLTextAreaElement>(el, '#note').value).to.equal(typed);
  });

  it('groups the history by UK week, Monday start: 00:30 Monday is the new week, 23:30 Sunday the old one', async () => {
    const [monday, sunday] = [weekOfContacts[0]!, weekOfContacts[1]!];
    const contacts = [
      { ...monday, start: '2026-06-01T00:30:00+01:00' }, // Monday 1 June, 23:30 UTC on Sunday
      { ...sunday, start: '2026-05-31T23:30:00+01:00' }, // Sunday 31 May
    ];
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${contacts} .clock=${clock}></str-contact-log>`);
    const weeks = [...el.shadowRoot!.querySelectorAll('[part=history] h3')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
    expect(weeks).to.deep.equal(['Week beginning 1 June 2026', 'Week beginning 25 May 2026']);
    const lists = [...el.shadowRoot!.querySelectorAll('[part=history] ul')];
    expect(lists.map((l) => l.children.length)).to.deep.equal([1, 1]);
  });

  it('filters by date range, how and attendance, and searches within notes', async () => {
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${weekOfContacts} .clock=${clock}></str-contact-log>`);
    const set = async (sel: string, value: string, event = 'input') => {
      const input = $<HTMLInputElement>(el, sel);
      input.value = value;
      input.dispatchEvent(new Event(event));
      await el.updateComplete;
    };
    const shown = () => [...el.shadowRoot!.querySelectorAll('.history > li')].length;
    expect(shown()).to.equal(5);
    await set('#filter-mechanism', '02', 'change');
    expect(shown()).to.equal(2);
    expect($(el, '.count').textContent!.replace(/\s+/g, ' ')).to.equal('Showing 2 of 5 contacts');
    await set('#filter-from', '2026-06-03'); // the 00:30 call is 3 June in the UK
    expect(shown()).to.equal(1);
    $<HTMLButtonElement>(el, '.filters button').click();
    await el.updateComplete;
    await set('#filter-search', 'CAFÉ');
    expect(shown()).to.equal(1);
    expect($(el, '.history .note').textContent).to.equal('Went to the café together.');
    await set('#filter-search', '');
    await set('#filter-attendance', '3', 'change');
    expect(shown()).to.equal(1);
    await set('#filter-to', '2026-06-04');
    expect(shown()).to.equal(0);
    expect(el.shadowRoot!.textContent).to.include('No contacts match these filters.');
  });

  it('note search ignores case and accents, however typed: "Rhys" finds "Rhŷs" and "rhŷs" finds "Rhys"', async () => {
    const withNote = (i: number, note: string): Contact => ({ ...weekOfContacts[0]!, id: `00000000-0000-4000-8000-0000000000d${i}`, note });
    const contacts = [withNote(1, 'Met Rhy\u0302s at the library.'), withNote(2, 'Rh\u0177s rang.'), withNote(3, 'Rhys was out.'), withNote(4, 'Rhian came too.')];
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${contacts} .clock=${clock}></str-contact-log>`);
    const search = $<HTMLInputElement>(el, '#filter-search');
    const notes = () => [...el.shadowRoot!.querySelectorAll('.history .note')].map((n) => n.textContent).sort();
    for (const q of ['Rhys', 'RHYS', 'rh\u0177s', 'rhy\u0302s']) {
      search.value = q;
      search.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(notes(), q).to.deep.equal(['Met Rhy\u0302s at the library.', 'Rh\u0177s rang.', 'Rhys was out.'].sort());
    }
  });

  it('opens a row with the keyboard to read the whole note', async () => {
    const el = await fixture<StrContactLog>(html`<str-contact-log readonly service-user-id=${FIXTURE_PERSON_ID} .contacts=${weekOfContacts} .clock=${clock}></str-contact-log>`);
    const row = [...el.shadowRoot!.querySelectorAll('.history details')].find((d) => d.textContent!.includes('Called late at night'))!;
    row.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(row.hasAttribute('open')).to.equal(true);
    expect(row.querySelector('.note-full')!.textContent).to.equal('Called late at night, could not sleep.\nAgreed to talk again in the morning.');
    await expectNoAxeViolations(el);
  });

  it('an opened contact says the place in the form\u2019s words, who logged it by name, and the note once', async () => {
    const store = storeWithPerson();
    for (const w of fixtureWorkers) await store.put('worker', w);
    const client = createClient({ store, drafts: memoryDrafts(), actor: { id: FIXTURE_WORKER, role: 'str-worker' }, clock });
    await client.contacts.create({ serviceUserId: FIXTURE_PERSON_ID, start: '2026-06-05T10:00:00+01:00', durationMinutes: 20, mechanism: '01', locationType: 'A01', attendance: '5', note: 'Talked about the garden.' });
    const el = await connected(client);
    expect($(el, '#location-A01').closest('label')!.textContent).to.include("Person's home");
    await until(el, () => !!$(el, '.history details'), 'the contact is listed');
    const row = $<HTMLDetailsElement>(el, '.history details');
    expect(row.querySelector('summary')!.textContent).to.include("Person's home").and.not.include("Patient's home");
    row.querySelector('summary')!.click();
    await until(el, () => !!row.querySelector('.full'), 'the row opens');
    expect(row.querySelector('.full')!.textContent).to.include('Logged by Ash Storyworker').and.not.include(FIXTURE_WORKER);
    expect(row.textContent!.split('Talked about the garden.').length - 1, 'the note shown once').to.equal(1);
  });

  it('a full device: the worker is told before leaving the screen, and what they typed is kept as a draft', async () => {
    const store = storeWithPerson();
    const drafts = memoryDrafts();
    const full: Store = { ...store, name: store.name, durability: store.durability, get: store.get, list: store.list, history: store.history, subscribe: store.subscribe,
      put: () => Promise.reject(new StrError('storage', 'Saving contact: this device is out of storage space', false, { reason: 'quota' })) };
    const client = worker(full, drafts);
    const el = await connected(client);
    const set = (sel: string, v: string) => {
      const i = $<HTMLInputElement>(el, sel);
      i.value = v;
      i.dispatchEvent(new Event('input'));
    };
    set('#duration-custom', '25');
    $<HTMLInputElement>(el, '#mechanism-01').click();
    $<HTMLInputElement>(el, '#location-A01').click();
    set('#note', 'Typed on a full phone');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(el, () => !!$(el, '.error-summary'));
    expect($(el, '.error-summary').textContent).to.include('This device is out of storage space');
    expect($(el, '.error-summary').textContent).to.include('do not close this page');
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented, 'the browser asks before leaving').to.equal(true);
    const draft = await client.drafts.load<{ value: { note: string } }>(`contact-log:${FIXTURE_PERSON_ID}`);
    expect(draft?.value.value.note).to.equal('Typed on a full phone');
    expect($<HTMLTextAreaElement>(el, '#note').value).to.equal('Typed on a full phone');
    el.remove();
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented, 'no longer once the element is gone').to.equal(false);
  });

  it('links the care-plan tasks worked on, and shows them on the contact', async () => {
    const store = storeWithPerson();
    const plan = typicalPlan();
    await store.put('carePlan', plan.plan);
    for (const g of plan.goals) await store.put('goal', g);
    for (const t of plan.tasks) await store.put('task', t);
    const client = worker(store);
    const el = await connected(client);
    await until(el, () => !!$(el, '#tasks'), 'tasks offered');
    const offered = [...$(el, '#tasks').querySelectorAll('label')].map((l) => l.textContent!.trim());
    expect(offered, 'open tasks only').to.not.include('Open a basic bank account');
    expect(offered).to.include('Fill in the housing register form together');
    const box = [...$(el, '#tasks').querySelectorAll('label')].find((l) => l.textContent!.includes('Fill in the housing register'))!.querySelector('input')!;
    box.click();
    $<HTMLInputElement>(el, '#duration-custom').value = '30';
    $<HTMLInputElement>(el, '#duration-custom').dispatchEvent(new Event('input'));
    $<HTMLInputElement>(el, '#mechanism-01').click();
    $<HTMLInputElement>(el, '#location-A01').click();
    await expectNoAxeViolations(el);
    const saved = oneEvent(el, 'str-contact-saved');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    const stored = await client.contacts.get((await saved).detail.id);
    expect(stored.taskIds).to.deep.equal([plan.tasks[0]!.id]);
    await until(el, () => !!$(el, '.history details'));
    const row = $<HTMLDetailsElement>(el, '.history details');
    row.open = true;
    row.dispatchEvent(new Event('toggle'));
    await until(el, () => row.textContent!.includes('Care-plan tasks worked on: Fill in the housing register form together'));
  });

  describe('corrections, never deletion', () => {
    const logOne = (client: StrClient, note = 'First version of the note') =>
      client.contacts.create({ serviceUserId: FIXTURE_PERSON_ID, start: '2026-06-05T10:00:00+01:00', durationMinutes: 20, mechanism: '02', locationType: 'A01', attendance: '5', note });
    const openRow = async (el: StrContactLog, text: string) => {
      await until(el, () => !![...el.shadowRoot!.querySelectorAll('.history details')].find((d) => d.textContent!.includes(text)));
      const row = [...el.shadowRoot!.querySelectorAll<HTMLDetailsElement>('.history details')].find((d) => d.textContent!.includes(text))!;
      row.open = true; // the toggle event renders the row's details
      await until(el, () => !!row.querySelector('.full'));
      return row;
    };
    const button = (root: ParentNode, label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;

    it('corrects a contact through the form; the earlier version stays one step away', async () => {
      let now = FIXTURE_NOW.getTime();
      const moving: Clock = { now: () => new Date(now) };
      const client = createClient({ store: storeWithPerson(), actor: { id: 'w1', role: 'str-worker' }, clock: moving });
      const first = await logOne(client);
      now += 5 * 60_000; // corrected five minutes later
      const el = await connected(client);
      const row = await openRow(el, 'First version');
      button(row, 'Correct this contact').click();
      await el.updateComplete;
      expect($<HTMLTextAreaElement>(el, '#note').value).to.equal('First version of the note');
      expect($<HTMLInputElement>(el, '#duration-custom').value).to.equal('20');
      const note = $<HTMLTextAreaElement>(el, '#note');
      note.value = 'Corrected note';
      note.dispatchEvent(new Event('input'));
      const corrected = oneEvent(el, 'str-contact-corrected');
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      expect((await corrected).detail).to.deep.include({ id: first.id, serviceUserId: FIXTURE_PERSON_ID });
      await until(el, () => $(el, '[role=status]').textContent!.includes('Correction saved'));
      const history = await client.contacts.history(first.id);
      expect(history.map((h) => h.note)).to.deep.equal(['First version of the note', 'Corrected note']);
      const again = await openRow(el, 'Corrected note');
      expect(again.textContent).to.include('edited by w1');
      button(again, 'Show earlier versions').click();
      await until(el, () => !!again.querySelector('.versions li'));
      expect(again.querySelector('.versions')!.textContent).to.include('First version of the note');
      expect(await client.drafts.list()).to.have.length(0); // a correction is not saved as a new-contact draft
      await expectNoAxeViolations(el);
    });

    it('marks a contact entered in error with a reason; it stays visible in its own section', async () => {
      const client = worker();
      const first = await logOne(client, 'Logged against the wrong person');
      const el = await connected(client);
      const row = await openRow(el, 'Logged against the wrong person');
      button(row, 'Mark as entered in error').click();
      await el.updateComplete;
      [...row.querySelectorAll('button')].filter((b) => b.textContent!.trim() === 'Mark as entered in error').at(-1)!.click();
      await el.updateComplete;
      expect(row.textContent).to.include('Enter why this contact was entered in error');
      const reason = row.querySelector<HTMLTextAreaElement>(`#eie-${first.id}`)!;
      reason.value = 'Wrong person';
      reason.dispatchEvent(new Event('input'));
      await el.updateComplete;
      const marked = oneEvent(el, 'str-contact-entered-in-error');
      [...row.querySelectorAll('button')].filter((b) => b.textContent!.trim() === 'Mark as entered in error').at(-1)!.click();
      expect((await marked).detail).to.have.keys(['type', 'id', 'version', 'serviceUserId']);
      await until(el, () => !!$(el, 'details.eie'));
      expect($(el, 'details.eie summary').textContent).to.equal('Entered in error (1)');
      expect($(el, 'details.eie').textContent).to.include('Reason: Wrong person');
      expect((await client.contacts.history(first.id)).length).to.equal(2);
      await expectNoAxeViolations(el);
    });

    it("offers a worker no correction of someone else's contact", async () => {
      const store = storeWithPerson();
      const other = createClient({ store, actor: { id: 'w2', role: 'str-worker' }, clock });
      await logOne(other, 'Logged by a colleague');
      const el = await connected(worker(store));
      const row = await openRow(el, 'Logged by a colleague');
      expect(button(row, 'Correct this contact')).to.equal(undefined);
    });
  });

  describe('10,000 contacts (virtualised)', () => {
    const many: Contact[] = Array.from({ length: 10_000 }, (_, i) => ({
      ...weekOfContacts[0]!,
      id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
      start: new Date(Date.parse('2026-06-05T08:00:00Z') - i * 3 * 3_600_000).toISOString(),
      note: `Contact number ${i + 1}\nSecond line of contact ${i + 1}`,
    }));

    it('keeps list semantics, and keeps focus and the open state on row 5,000 while it scrolls away and back', async () => {
      const el = await fixture<StrContactLog>(html`<str-contact-log readonly service-user-id=${FIXTURE_PERSON_ID} .contacts=${many} .clock=${clock}></str-contact-log>`);
      const list = $<HTMLElement>(el, '.virtual');
      expect(many.length).to.be.greaterThan(VIRTUALISE_ABOVE);
      list.scrollIntoView(); // rows render near the viewport; the summary above may push the list below the fold
      await until(el, () => !!list.querySelector('[role=listitem]'), 'rows rendered');
      expect(list.getAttribute('role')).to.equal('list');
      const first = list.querySelector('[role=listitem]')!;
      expect([first.getAttribute('aria-posinset'), first.getAttribute('aria-setsize')]).to.deep.equal(['1', '10000']);
      expect(list.querySelectorAll('[role=listitem]').length).to.be.lessThan(200); // only rows near the viewport exist
      const v = (list as unknown as Record<symbol, { element(i: number): { scrollIntoView(o?: ScrollIntoViewOptions): void } | undefined }>)[virtualizerRef]!;
      const row5000 = () => list.querySelector<HTMLElement>('[aria-posinset="5000"]');

      v.element(4999)!.scrollIntoView({ block: 'center' });
      await until(el, () => !!row5000(), 'row 5000 shown');
      expect(row5000()!.textContent).to.include('Contact number 5000');
      row5000()!.querySelector('summary')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(el, () => !!row5000()?.querySelector('.full'), 'row 5000 opened');
      expect(row5000()!.querySelector('.note-full')!.textContent).to.equal('Contact number 5000\nSecond line of contact 5000');

      // Scroll away through the virtualizer (a raw scrollTop would be corrected back to its last target).
      v.element(0)!.scrollIntoView();
      await until(el, () => !row5000(), 'row 5000 scrolled away');
      v.element(4999)!.scrollIntoView({ block: 'center' });
      await until(el, () => !!row5000(), 'row 5000 back');
      await until(el, () => el.shadowRoot!.activeElement?.closest('[data-id]') === row5000(), 'focus back on row 5000');
      expect(row5000()!.querySelector('details')!.open).to.equal(true);
      await expectNoAxeViolations(el);
    });
  });

  it('sums attended contacts and their time only, shows DNA and cancellations apart, each definition on screen', async () => {
    const cancelled = { ...weekOfContacts[0]!, id: '00000000-0000-4000-8000-0000000000c1', attendance: '4' as const, durationMinutes: 90 };
    const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${[...weekOfContacts, cancelled]} .clock=${clock}></str-contact-log>`);
    const pairs = [...el.shadowRoot!.querySelectorAll('[part=summary] dl > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
    // The fixture week: 30 + 15 + 20 + 60 minutes attended; one did-not-attend (code 3, 1 minute planned) of five due;
    // a cancellation (code 4, 90 minutes planned). Neither adds time.
    expect(pairs).to.deep.equal([
      ['This week (from Monday)', '4 attended contacts, 2 hours 5 minutes; 1 did not attend; 1 cancelled'],
      ['This month', '4 attended contacts, 2 hours 5 minutes; 1 did not attend; 1 cancelled'],
      ['Did not attend rate', '20% (1 of 5 due)'],
    ]);
    expect($(el, '[part=summary] #totals-definition').textContent).to.include('count attended contacts only').and.include('counted separately and add no time');
    expect($(el, '[part=summary] details').textContent).to.include('Cancellations by the person or the service are left out');
  });

  it('a viewer sees contacts but no form', async () => {
    const store = storeWithPerson();
    await worker(store).contacts.create({ serviceUserId: FIXTURE_PERSON_ID, start: '2026-06-05T10:00:00+01:00', durationMinutes: 10, mechanism: '02', locationType: 'A01', attendance: '5', note: 'Quick call' });
    const viewer = createClient({ store, actor: { id: 'v1', role: 'viewer' }, clock });
    const el = await connected(viewer);
    await until(el, () => !!$(el, '.history li'));
    expect($(el, 'form')).to.equal(null);
    expect($(el, '.readonly-message').textContent).to.include('not log them');
    await expectNoAxeViolations(el);
  });

  it('follows the provider when the host switches client (another role signs in)', async () => {
    const store = storeWithPerson();
    const client = worker(store);
    await client.contacts.create({ serviceUserId: FIXTURE_PERSON_ID, start: '2026-06-05T10:00:00+01:00', durationMinutes: 10, mechanism: '02', locationType: 'A01', attendance: '5', note: 'Seen by both' });
    const host = await fixture<HTMLElement & { client: StrClient }>(html`<str-provider .client=${client}><str-contact-log service-user-id=${FIXTURE_PERSON_ID} .clock=${clock}></str-contact-log></str-provider>`);
    const el = host.querySelector('str-contact-log')!;
    await until(el, () => !!$(el, 'form') && !!$(el, '.history li'));
    host.client = createClient({ store, actor: { id: 'v1', role: 'viewer' }, clock });
    await until(el, () => !$(el, 'form'));
    expect($(el, '[part=history]').textContent).to.include('Seen by both');
  });

  it('finds its client through <str-provider>', async () => {
    const client = worker();
    await client.contacts.create({ serviceUserId: FIXTURE_PERSON_ID, start: '2026-06-05T10:00:00+01:00', durationMinutes: 10, mechanism: '02', locationType: 'A01', attendance: '5', note: 'Via provider' });
    const host = await fixture(html`<str-provider .client=${client}><div><str-contact-log service-user-id=${FIXTURE_PERSON_ID} .clock=${clock}></str-contact-log></div></str-provider>`);
    const el = host.querySelector('str-contact-log')!;
    await until(el, () => !!$(el, '.history li'));
    expect($(el, '[part=history]').textContent).to.include('Via provider');
  });

  for (const [name, contacts] of [['empty', []], ['a week of contacts', weekOfContacts], ['a long note', [longNoteContact]], ['entered in error shown', [...weekOfContacts, enteredInErrorContact]]] as const) {
    it(`has no axe violations: ${name}`, async () => {
      const el = await fixture<StrContactLog>(html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${contacts} .clock=${clock}></str-contact-log>`);
      await expectNoAxeViolations(el);
    });
  }

  it('has no axe violations read-only and at 320px wide, and never scrolls sideways', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:320px"><str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${weekOfContacts} .clock=${clock}></str-contact-log>
      <str-contact-log readonly service-user-id=${FIXTURE_PERSON_ID} .contacts=${weekOfContacts} .clock=${clock}></str-contact-log></div>`);
    for (const el of wrap.querySelectorAll('str-contact-log')) {
      await expectNoAxeViolations(el);
      expect(el.scrollWidth, 'no horizontal overflow at 320px').to.be.at.most(320);
    }
  });
});
