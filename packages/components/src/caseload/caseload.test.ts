// <str-caseload> (issue 21): the worker's people in order of need with the reasons in words, the counts, the filters
// and the search, opening a person and coming back to their row, whose caseload a role may choose, a load for a worker
// no longer shown dropped, and controlled mode. Real memory store and SDK rules; synthetic people only.
import { expect, fixture, html } from '@open-wc/testing';
import { memoryStore, type CaseloadSummary, type Store } from '@strkit/sdk';
import { $, $$, active, until } from '../../../../test/helpers/dom.js';
import { clientAs } from '../../../../test/helpers/clients.js';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-caseload.js';
import type { StrCaseload } from './caseload.js';
import { CASELOAD_COORDINATOR, CASELOAD_WORKER, seedCaseload } from './caseload.fixtures.js';

const names = (el: StrCaseload) => $$(el, '.person h3').map((h) => h.textContent!.trim());
const reasonsOf = (el: StrCaseload, first: string) => $$(el, '.person').find((p) => p.querySelector('h3')!.textContent!.includes(first))!.querySelector('.reasons')!.textContent!.replace(/\s+/g, ' ').trim();
const text = (el: StrCaseload) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const count = (el: StrCaseload, label: string) => $$(el, '.counts div').find((d) => d.querySelector('dt')!.textContent === label)?.querySelector('dd')!.textContent;

async function seeded() {
  const store = memoryStore();
  const { ids } = await seedCaseload(store);
  return { store, ids };
}

async function connected(store: Store, role: Parameters<typeof clientAs>[1] = 'str-worker', id = CASELOAD_WORKER) {
  const el = await fixture<StrCaseload>(html`<str-caseload .client=${clientAs(store, role, id)}></str-caseload>`);
  await el.whenLoaded();
  return el;
}

async function choose(el: StrCaseload, selector: string) {
  $<HTMLInputElement>(el, selector).click();
  await el.updateComplete;
}

async function type(el: StrCaseload, words: string) {
  const box = $<HTMLInputElement>(el, '#search');
  box.value = words;
  box.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('<str-caseload>', () => {
  it('lists the worker’s own people most in need first, each with the reasons in words', async () => {
    const { store } = await seeded();
    const el = await connected(store);
    expect($(el, 'h2').textContent).to.equal('My caseload');
    expect(names(el)).to.deep.equal(['Ben Testperson', 'Ada Testperson', 'Cat Testperson', 'Siân Testperson', 'Dan Testperson']);
    expect(reasonsOf(el, 'Ben')).to.equal('Alert not acknowledged for 30 hours');
    expect(reasonsOf(el, 'Ada')).to.equal('No contact for 12 days — agreed weekly');
    expect(reasonsOf(el, 'Cat')).to.equal('Contact due today — agreed weekly');
    expect(reasonsOf(el, 'Siân')).to.equal('No contact frequency agreed');
    expect(reasonsOf(el, 'Dan')).to.equal('Nothing due');
    const dan = $$(el, '.person').find((p) => p.textContent!.includes('Dan'))!;
    expect(dan.querySelector('.facts')!.textContent).to.equal('Last attended contact 2 June 2026, 3 days ago · Agreed contact: every 2 weeks · Next contact due 16 June 2026 · Next task due 8 June 2026');
    expect(text(el)).not.to.include('Eve Testperson');
  });

  it('counts the whole caseload at the top, whatever is filtered', async () => {
    const { store } = await seeded();
    const el = await connected(store);
    await choose(el, 'input[value="today"]');
    expect(count(el, 'People')).to.equal('5');
    expect(count(el, 'To see today')).to.equal('3');
    expect(count(el, 'With an open alert')).to.equal('1');
    expect(count(el, 'Not seen in 7 days'), 'Ada, and Cat, seen exactly 7 days ago').to.equal('2');
  });

  it('filters to today, this week or everyone, and says how many it shows where the worker is looking', async () => {
    const { store } = await seeded();
    const el = await connected(store);
    await choose(el, 'input[value="today"]');
    expect(names(el)).to.deep.equal(['Ben Testperson', 'Ada Testperson', 'Cat Testperson']);
    expect($(el, '.filters ~ .status').textContent).to.equal('Showing 3 of 5 people');
    await choose(el, 'input[value="week"]');
    expect(names(el), 'Dan has a task due on Monday').to.deep.equal(['Ben Testperson', 'Ada Testperson', 'Cat Testperson', 'Dan Testperson']);
    await choose(el, '#only-alerts');
    expect(names(el)).to.deep.equal(['Ben Testperson']);
    await choose(el, '#only-alerts');
    await choose(el, '#only-not-seen');
    expect(names(el), 'Cat was seen exactly 7 days ago').to.deep.equal(['Ada Testperson', 'Cat Testperson']);
    await choose(el, 'input[value="everyone"]');
    await choose(el, '#only-not-seen');
    expect(names(el)).to.have.length(5);
    expect($(el, '.filters ~ .status').textContent).to.equal('Showing 5 of 5 people');
  });

  it('finds a person by part of their name, accents or not, or by NHS number with or without spaces', async () => {
    const { store } = await seeded();
    const el = await connected(store);
    await type(el, 'sian');
    expect(names(el)).to.deep.equal(['Siân Testperson']);
    await type(el, '999 000 0034');
    expect(names(el)).to.deep.equal(['Cat Testperson']);
    await type(el, 'Nobody');
    expect(names(el)).to.deep.equal([]);
    expect(text(el)).to.include('No one on the caseload matches. Choose “Everyone” or clear the search.');
    await type(el, '');
    expect(names(el)).to.have.length(5);
  });

  it('opens a person with one cancelable intent (ids only), by keyboard, and focusPerson() brings focus back to their row', async () => {
    const { store, ids } = await seeded();
    const el = await connected(store);
    const heard: { detail: unknown; cancelable: boolean }[] = [];
    el.addEventListener('str-person-open', (e) => heard.push({ detail: (e as CustomEvent).detail, cancelable: e.cancelable }));
    const first = $<HTMLButtonElement>(el, `#open-${ids.ben}`);
    first.focus();
    first.click(); // a button: Enter and Space press it
    expect(heard).to.deep.equal([{ detail: { serviceUserId: ids.ben }, cancelable: true }]);
    first.blur();
    expect(await el.focusPerson(ids.ada)).to.equal(true);
    expect(active(el)?.id).to.equal(`open-${ids.ada}`);
    expect(await el.focusPerson('not-listed')).to.equal(false);
    expect(active(el)?.id, 'not listed: the heading, not the page').to.equal('caseload-heading');
  });

  it('redraws when a record changes: a contact logged for Ada takes her reason away', async () => {
    const { store, ids } = await seeded();
    const el = await connected(store);
    await clientAs(store, 'str-worker', CASELOAD_WORKER).contacts.create({ serviceUserId: ids.ada, start: '2026-06-05T09:00:00+01:00', durationMinutes: 30, mechanism: '01', locationType: 'A01', attendance: '5' });
    await until(el, () => reasonsOf(el, 'Ada') === 'Nothing due', () => reasonsOf(el, 'Ada'));
    await el.whenLoaded();
    expect(names(el).indexOf('Ada Testperson')).to.be.greaterThan(2);
  });

  it('a worker sees only their own caseload: no choice of whose is offered', async () => {
    const { store } = await seeded();
    const el = await connected(store);
    expect($(el, '#whose')).to.equal(null);
  });

  it('a co-ordinator may choose whose caseload to view; the heading names the worker; a cancelled choice changes nothing', async () => {
    const { store } = await seeded();
    const el = await connected(store, 'care-coordinator', CASELOAD_COORDINATOR);
    await until(el, () => !!$(el, '#whose'), 'the choice of worker');
    expect(names(el), 'the co-ordinator is on every team').to.have.length(6);
    const select = $<HTMLSelectElement>(el, '#whose');
    expect([...select.options].map((o) => o.textContent)).to.include.members(['Kit Coordinator (you)', 'Wren Worker', 'Rowan Worker']);
    el.addEventListener('str-caseload-worker-change', (e) => e.preventDefault(), { once: true });
    select.value = 'str-worker-2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.workerId).to.equal('');
    select.value = 'str-worker-2';
    select.dispatchEvent(new Event('change'));
    await el.whenLoaded();
    expect(el.workerId).to.equal('str-worker-2');
    expect($(el, 'h2').textContent).to.equal('Caseload: Rowan Worker');
    expect(names(el)).to.deep.equal(['Eve Testperson']);
    await expectNoAxeViolations(el);
  });

  it('never shows one worker’s caseload under another’s: a slow load for the first is dropped', async () => {
    const { store } = await seeded();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held = true;
    const slow: Store = { ...store, name: store.name, durability: store.durability, list: async (t, q) => (held && t === 'contact' ? (await gate, store.list(t, q)) : store.list(t, q)) };
    const el = await fixture<StrCaseload>(html`<str-caseload .client=${clientAs(slow, 'care-coordinator', CASELOAD_COORDINATOR)} worker-id=${CASELOAD_WORKER}></str-caseload>`);
    await el.updateComplete;
    held = false;
    el.workerId = 'str-worker-2';
    await el.updateComplete;
    release();
    await el.whenLoaded();
    expect(names(el)).to.deep.equal(['Eve Testperson']);
  });

  it('says plainly when the caseload cannot be loaded, and tries again', async () => {
    const { store } = await seeded();
    let fail = true;
    const flaky: Store = { ...store, name: store.name, durability: store.durability, list: (t, q) => (fail ? Promise.reject(new Error('down')) : store.list(t, q)) };
    const el = await connected(flaky);
    expect(text(el)).to.include('The caseload could not be loaded. Try again, or ask the team.');
    expect(text(el)).not.to.include('Loading');
    fail = false;
    const again = $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent === 'Try again')!;
    again.focus();
    again.click();
    await el.whenLoaded();
    expect(names(el)).to.have.length(5);
    await until(el, () => active(el)?.id === 'caseload-heading', () => `focus on ${document.activeElement?.tagName}`);
  });

  it('controlled: shows the summary it is given and fires the same intents', async () => {
    const { store, ids } = await seeded();
    const summary: CaseloadSummary = await clientAs(store, 'str-worker', CASELOAD_WORKER).caseload.summary();
    const workers = [{ id: CASELOAD_WORKER, name: 'Wren Worker' }, { id: 'str-worker-2', name: 'Rowan Worker' }];
    const el = await fixture<StrCaseload>(html`<str-caseload .summary=${summary} .workers=${workers}></str-caseload>`);
    expect(names(el)[0]).to.equal('Ben Testperson');
    const heard: string[] = [];
    el.addEventListener('str-person-open', (e) => heard.push(`open ${(e as CustomEvent).detail.serviceUserId}`));
    el.addEventListener('str-caseload-worker-change', (e) => heard.push(`worker ${(e as CustomEvent).detail.workerId}`));
    $<HTMLButtonElement>(el, `#open-${ids.cat}`).click();
    const select = $<HTMLSelectElement>(el, '#whose');
    select.value = 'str-worker-2';
    select.dispatchEvent(new Event('change'));
    expect(heard).to.deep.equal([`open ${ids.cat}`, 'worker str-worker-2']);
    expect(el.workerId, 'the host gives the new summary').to.equal('');
    await expectNoAxeViolations(el);
  });
});
