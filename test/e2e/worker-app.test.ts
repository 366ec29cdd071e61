// Issue 21: the example page as the worker's app (examples/app.ts), driven as a worker would on a phone: by keyboard
// alone from the caseload to logging a contact for the top person and back to their row; the header's height; what
// each role is offered; and demo data that agrees with itself. The app's own code on a memory store, in real
// Chromium with real key presses. Synthetic people only: the demo seed invents them.
import { createClient, memoryDrafts, memoryStore, type Store, type StrClient } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { mountApp, type App, type DemoWorker } from '../../examples/app.js';
import { DEMO_WORKERS, EXAMPLE_CHECKLIST, seed } from '../../examples/seed.js';
import { until } from '../helpers/dom.js';
import { focused, labelled, landsOn, press, tabTo, words } from '../helpers/keyboard.js';

const NOW = new Date();
let seeded: Promise<Store> | undefined;

/** The demo's people, seeded once for the file (the seed is what `npm start` shows). */
function demoStore(): Promise<Store> {
  return (seeded ??= (async () => {
    const store = memoryStore();
    const coordinator = DEMO_WORKERS.find((w) => w.role === 'care-coordinator')!;
    const as = (now: Date) => createClient({ store, drafts: memoryDrafts(), actor: { id: coordinator.id, role: coordinator.role }, clock: { now: () => now } });
    const lead = createClient({ store, drafts: memoryDrafts(), actor: { id: 'demo-team-lead', role: 'team-lead' }, clock: { now: () => NOW } });
    await seed(as(NOW), NOW, (at) => as(at), lead);
    return store;
  })());
}

async function app(signedIn = 'demo-str-worker'): Promise<{ app: App; root: HTMLElement; store: Store; clientFor: (w: DemoWorker) => StrClient }> {
  const store = await demoStore();
  const clientFor = (w: DemoWorker) => createClient({ store, drafts: memoryDrafts(), actor: { id: w.id, role: w.role, name: w.name } });
  await pageStyles();
  const root = await fixture<HTMLDivElement>(html`<div></div>`);
  const workers = [...DEMO_WORKERS].sort((a, b) => (a.id === signedIn ? -1 : b.id === signedIn ? 1 : 0));
  const mounted = mountApp(root, { workers, clientFor, where: 'Records in memory (a test).', checklist: EXAMPLE_CHECKLIST });
  await until(mounted.caseload, () => !!mounted.caseload.shadowRoot?.querySelector('h2'), 'the caseload drawn');
  await mounted.caseload.whenLoaded();
  return { app: mounted, root, store, clientFor };
}

/** The example page's own stylesheet, as `npm start` serves it. */
let styled: Promise<void> | undefined;
function pageStyles(): Promise<void> {
  return (styled ??= new Promise((ok, fail) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/examples/styles.css' });
    link.addEventListener('load', () => ok());
    link.addEventListener('error', () => fail(new Error('examples/styles.css did not load')));
    document.head.append(link);
  }));
}

const firstRow = (a: App) => a.caseload.shadowRoot!.querySelector<HTMLButtonElement>('.person button.open')!;

describe('the worker’s app (examples/app.ts)', () => {
  before(() => setViewport({ width: 390, height: 844 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('by keyboard alone: caseload → the top person → log a contact → back, and focus returns to their row', async function () {
    this.timeout(90_000);
    const { app: a, root, store } = await app();
    const top = firstRow(a);
    const id = top.id.replace(/^open-/, '');
    const before = (await store.list('contact', { serviceUserId: id, limit: 100 })).items.length;
    root.querySelector<HTMLSelectElement>('#signed-in')!.focus();
    await tabTo('the top person', (e) => e === top, { max: 20 });
    await press('Enter');
    await landsOn(root, 'opening the person', 'their name', (e) => e.id === 'person-heading' && words(e) === words(top));
    const log = root.querySelector<HTMLElement & { whenLoaded(): Promise<void> }>('str-contact-log')!;
    await log.whenLoaded();
    await tabTo('the durations', (e) => e.getAttribute('name') === 'duration');
    await press('ArrowRight');
    await tabTo('how', (e) => e.getAttribute('name') === 'mechanism');
    await press('Space');
    await tabTo('where', (e) => e.getAttribute('name') === 'location');
    await press('Space');
    await tabTo('Save contact', labelled('button[type=submit]', 'Save contact'));
    await press('Enter');
    await landsOn(log, 'Save contact', 'the status saying "Contact saved"', (e) => e.matches('[role=status]') && words(e).startsWith('Contact saved'));
    expect((await store.list('contact', { serviceUserId: id, limit: 100 })).items.length).to.equal(before + 1);
    await tabTo('Back to the caseload', labelled('button', '← Back to the caseload'), { back: true });
    await press('Enter');
    await landsOn(root, 'Back to the caseload', 'the same person’s row', (e) => e.id === `open-${id}`);
    expect(focused()).to.equal(a.caseload.shadowRoot!.querySelector(`#open-${id}`));
  });

  it('the header takes no more than 15% of a 390 × 844 screen', async () => {
    const { root } = await app();
    const height = root.querySelector('header')!.getBoundingClientRect().height;
    expect(height, `header ${height} px`).to.be.at.most(844 * 0.15);
  });

  it('a worker sees their own caseload and no team views; a co-ordinator gets the team’s open alerts and a choice of caseload', async function () {
    this.timeout(60_000);
    const worker = await app();
    expect(worker.root.querySelectorAll('.views button')).to.have.length(0);
    expect(worker.app.caseload.shadowRoot!.querySelector('#whose')).to.equal(null);
    const coordinator = await app('demo-coordinator');
    expect([...coordinator.root.querySelectorAll('.views button')].map(words)).to.deep.equal(['Caseload', 'Open alerts']);
    await until(coordinator.app.caseload, () => !!coordinator.app.caseload.shadowRoot!.querySelector('#whose'), 'the choice of caseload');
    coordinator.root.querySelector<HTMLButtonElement>('.views button[data-view=alerts]')!.click();
    const inbox = coordinator.root.querySelector<HTMLElement & { whenLoaded(): Promise<void> }>('str-alert-inbox')!;
    await until(inbox as never, () => !!inbox.shadowRoot?.querySelector('.alert'), 'the open alerts');
    expect(inbox.shadowRoot!.querySelectorAll('li.alert:not(.done)').length).to.equal(2);
  });

  it('a team lead gets the Team view: each worker’s workload, supervision and training from the demo data', async function () {
    this.timeout(60_000);
    const lead = await app('demo-team-lead');
    expect([...lead.root.querySelectorAll('.views button')].map(words)).to.deep.equal(['Caseload', 'Open alerts', 'Team']);
    lead.root.querySelector<HTMLButtonElement>('.views button[data-view=team]')!.click();
    const team = lead.root.querySelector('str-team')!;
    await team.whenLoaded();
    await until(team as never, () => !!team.shadowRoot?.querySelector('[data-worker]'), 'the workers');
    const card = (id: string) => words(team.shadowRoot!.querySelector(`[data-worker="${id}"]`)!);
    expect(card('demo-str-worker')).to.include('Sam Example (STR worker)').and.include('next due').and.include('Safeguarding adults, level 2: expires');
    expect(card('demo-str-worker'), 'the demo’s visits are the workers’ own').to.match(/4 weeks: [1-9]/);
    expect(card('demo-peer-worker')).to.include('Ash Example (Peer support worker)').and.include('overdue by 8 days').and.include('Lone working and personal safety: expired');
    expect(words(team.shadowRoot!), 'no private notes in the team view').to.not.include('difficult home visit');

    // Recording the lapsed training from Ash's card, as the team lead on the phone.
    team.shadowRoot!.querySelector<HTMLButtonElement>('#training-demo-peer-worker')!.click();
    await until(team as never, () => !!team.shadowRoot!.querySelector('#tr-item'), 'the training form');
    const item = team.shadowRoot!.querySelector<HTMLSelectElement>('#tr-item')!;
    item.value = 'lone-working';
    item.dispatchEvent(new Event('change', { bubbles: true }));
    team.shadowRoot!.querySelector<HTMLFormElement>('form.editor')!.requestSubmit();
    await until(team as never, () => !card('demo-peer-worker').includes('Lone working and personal safety: expired'), 'the card without the lapse');
    expect(card('demo-peer-worker')).to.include('Training for Ash Example recorded.');
  });

  it('the person’s record has a Care pathway: the demo’s GP and crisis contact, and the person’s copy to print', async function () {
    this.timeout(60_000);
    const { app: a, root } = await app('demo-str-worker');
    firstRow(a).click();
    await until(a.caseload as never, () => !!root.querySelector('.parts button[data-part=pathway]'), 'the person’s record');
    root.querySelector<HTMLButtonElement>('.parts button[data-part=pathway]')!.click();
    const pathway = root.querySelector('str-care-pathway')!;
    await until(pathway as never, () => !!pathway.shadowRoot?.querySelector('#who-heading'), 'the care pathway');
    await pathway.whenLoaded();
    expect(words(pathway.shadowRoot!)).to.include('GP').and.include('Weekdays 8 to 6');
    expect(pathway.shadowRoot!.querySelector('#open-contact')?.textContent, 'a worker suggests').to.equal('Suggest a contact');
    pathway.shadowRoot!.querySelector<HTMLButtonElement>('#show-copy')!.click();
    await until(pathway as never, () => !!pathway.shadowRoot!.querySelector('#copy-heading'), 'the person’s copy');
    expect(words(pathway.shadowRoot!)).to.include('Who is helping me, and how to reach them').and.include('If you are in danger now, ring 999.');
  });

  it('a viewer is offered nothing to save, and no team views', async function () {
    this.timeout(60_000);
    const { app: a, root } = await app('demo-viewer');
    expect(root.querySelectorAll('.views button')).to.have.length(0);
    expect(words(a.caseload.shadowRoot!)).to.include('No one is on this caseload yet');
  });

  it('the demo data agrees with itself: 25 people, how and where match the note, varied goals, some overdue, alerts and rises', async () => {
    const store = await demoStore();
    const people = (await store.list('serviceUser', { limit: 100 })).items;
    expect(people).to.have.length(25);
    const contacts = (await Promise.all(people.map((p) => store.list('contact', { serviceUserId: p.id, limit: 100 })))).flatMap((r) => r.items);
    for (const c of contacts) {
      const note = c.note ?? '';
      if (c.mechanism === '02') expect(note, 'a phone call says so, from home').to.match(/^Phone call/) && expect(c.locationType).to.equal('A01');
      if (c.mechanism === '11') expect(note).to.match(/^Video call/) && expect(c.locationType).to.equal('A01');
      if (c.locationType === 'E02') expect(note).to.match(/ward/);
      if (c.attendance === '3') expect(note).to.match(/Did not answer/);
    }
    const goals = (await store.list('goal', { limit: 1000 })).items;
    expect(new Set(goals.map((g) => g.text)).size, 'goals differ between people').to.be.at.least(10);
    const summary = await createClient({ store, drafts: memoryDrafts(), actor: { id: 'demo-coordinator', role: 'care-coordinator' } }).caseload.summary();
    const codes = summary.people.flatMap((p) => p.reasons.map((r) => r.code));
    for (const code of ['alert-overdue', 'alert-open', 'contact-overdue', 'sign-check-rise', 'review-overdue', 'no-frequency'] as const) expect(codes, code).to.include(code);
    expect(summary.people.filter((p) => p.reasons.length === 0).length, 'some need nothing today').to.be.at.least(3);
  });
});
