// Issue 17: the widget contract. One suite, run for every widget: connected (loading, empty, failed, ready) and
// controlled; axe in each state at 1280 and 320 px wide, with no sideways scroll at 320; and nothing offered to a
// viewer that a viewer may not do. A new widget joins by adding a row to WIDGETS. Synthetic people only.
import { StrError, memoryStore, type Store, type StrClient } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';
import { clientAs, fixtureClock } from '../helpers/clients.js';
import { expectNoAxeViolations } from './axe.js';
import '../../packages/components/src/define/str-care-plan.js';
import '../../packages/components/src/define/str-contact-log.js';
import '../../packages/components/src/define/str-relapse-signs.js';
import '../../packages/components/src/define/str-relapse-check.js';
import '../../packages/components/src/define/str-relapse-trend.js';
import '../../packages/components/src/define/str-relapse-plan.js';
import '../../packages/components/src/define/str-alert-inbox.js';
import '../../packages/components/src/define/str-caseload.js';
import '../../packages/components/src/define/str-team.js';
import '../../packages/components/src/define/str-care-pathway.js';
import { fixturePathway } from '../../packages/components/src/care-pathway/care-pathway.fixtures.js';
import { pathwayClient, teamClient } from '@strkit/sdk';
import { fixtureSummary } from '../../packages/components/src/caseload/caseload.fixtures.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID, weekOfContacts } from '../../packages/components/src/contact-log/contact-log.fixtures.js';
import { FIXTURE_WORKER, fixtureWorkers, typicalPlan } from '../../packages/components/src/care-plan/care-plan.fixtures.js';
import { fixtureAlert, settledChecks, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

type Widget = LitElement & { client?: StrClient; whenLoaded(): Promise<void> };

interface WidgetCase {
  readonly tag: string;
  /** Puts the records the ready state shows in the store (the person is there already). */
  readonly seed: (store: Store) => Promise<void>;
  /** The same records, given as properties with no client. */
  readonly controlled: () => TemplateResult;
  /** Words each state shows. */
  readonly loading: string;
  readonly empty: string;
  readonly failed: string;
  /** What a viewer may not do, so must not be offered. */
  readonly notForViewers: readonly string[];
}

const plan = typicalPlan();
const signs = signPlan();

async function seedSigns(store: Store) {
  const stored = await store.put('warningSignPlan', signs);
  for (const c of settledChecks(signs)) await store.put('signCheck', { ...c, planVersion: stored.version });
}

const WIDGETS: readonly WidgetCase[] = [
  {
    tag: 'str-contact-log',
    seed: async (store) => {
      for (const c of weekOfContacts) await store.put('contact', c);
    },
    controlled: () => html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${weekOfContacts} .clock=${fixtureClock}></str-contact-log>`,
    loading: 'Loading the contacts', empty: 'No contacts logged yet', failed: 'The contacts could not be loaded',
    notForViewers: ['Save contact', 'Correct this contact', 'Mark as entered in error'],
  },
  {
    tag: 'str-care-plan',
    seed: async (store) => {
      await store.put('carePlan', plan.plan);
      for (const g of plan.goals) await store.put('goal', g);
      for (const t of plan.tasks) await store.put('task', t);
      for (const n of plan.notes) await store.put('progressNote', n);
    },
    controlled: () => html`<str-care-plan .plan=${plan.plan} .goals=${plan.goals} .tasks=${plan.tasks} .notes=${plan.notes} .workers=${fixtureWorkers}
      actor-id=${FIXTURE_WORKER} .clock=${fixtureClock}></str-care-plan>`,
    loading: 'Loading the care plan', empty: 'No care plan has been started', failed: 'The care plan could not be loaded',
    notForViewers: ['My tasks', 'Add a goal', 'Add a progress note', 'Record a review'],
  },
  {
    tag: 'str-relapse-signs',
    seed: seedSigns,
    controlled: () => html`<str-relapse-signs .plan=${signs} .checks=${settledChecks(signs)} .clock=${fixtureClock}></str-relapse-signs>`,
    loading: 'Loading the warning signs', empty: 'There is no warning-sign plan', failed: 'The warning-sign plan could not be loaded',
    notForViewers: ['Check the signs', 'Save check', 'Edit the plan', 'Acknowledge'],
  },
  // The four elements split out of <str-relapse-signs> (issue 17, docs/adr/0011-relapse-elements.md).
  {
    tag: 'str-relapse-check',
    seed: seedSigns,
    controlled: () => html`<str-relapse-check .plan=${signs} .checks=${settledChecks(signs)} .clock=${fixtureClock}></str-relapse-check>`,
    loading: 'Loading the warning signs', empty: 'There is no warning-sign plan', failed: 'The warning-sign plan could not be loaded',
    notForViewers: ['Check the', 'Save check', 'None noticed'],
  },
  {
    tag: 'str-relapse-trend',
    seed: seedSigns,
    controlled: () => html`<str-relapse-trend .plan=${signs} .checks=${settledChecks(signs)}></str-relapse-trend>`,
    loading: 'Loading the warning signs', empty: 'There is no warning-sign plan', failed: 'The warning-sign plan could not be loaded',
    notForViewers: ['Check the signs', 'Edit the plan'],
  },
  {
    tag: 'str-relapse-plan',
    seed: seedSigns,
    controlled: () => html`<str-relapse-plan .plan=${signs} .checks=${settledChecks(signs)}></str-relapse-plan>`,
    loading: 'Loading the warning signs', empty: 'There is no warning-sign plan', failed: 'The warning-sign plan could not be loaded',
    notForViewers: ['Edit the plan', 'Start a warning-sign plan', 'Save the plan'],
  },
  {
    tag: 'str-alert-inbox',
    seed: async (store) => {
      await seedSigns(store);
      await store.put('alert', fixtureAlert(settledChecks(signs)[2]!, 1, 30));
      await store.put('alert', fixtureAlert(settledChecks(signs)[2]!, 2, 2));
    },
    controlled: () => html`<str-alert-inbox .alerts=${[fixtureAlert(settledChecks(signs)[2]!, 1, 30), fixtureAlert(settledChecks(signs)[2]!, 2, 2)]}
      .people=${{ [FIXTURE_PERSON_ID]: 'Sam Storyperson' }} .clock=${fixtureClock}></str-alert-inbox>`,
    loading: 'Loading the alerts', empty: 'No open alerts', failed: 'The alerts could not be loaded',
    notForViewers: ['Acknowledge', 'What was done'],
  },
  // Issue 21: the caseload is everyone on the signed-in worker's care teams (here the fixtures' person).
  {
    tag: 'str-caseload',
    seed: async (store) => {
      for (const c of weekOfContacts) await store.put('contact', c);
      await clientAs(store, 'care-coordinator').careTeams.create({
        serviceUserId: FIXTURE_PERSON_ID, name: 'North community team',
        participants: [{ workerId: 'care-coordinator-1', role: 'care-coordinator' }, { workerId: 'viewer-1', role: 'viewer' }],
      });
    },
    controlled: () => html`<str-caseload .summary=${fixtureSummary(FIXTURE_PERSON_ID)}></str-caseload>`,
    loading: 'Loading the caseload', empty: 'No one is on this caseload yet', failed: 'The caseload could not be loaded',
    notForViewers: ['Whose caseload'],
  },
  // Issue 22: the team lead's view. Ready: the fixtures' worker has a supervision recorded; empty: none is.
  {
    tag: 'str-team',
    seed: async (store) => {
      const lead = clientAs(store, 'team-lead', 'team-lead-1');
      await teamClient(lead).supervisions.create({ workerId: FIXTURE_WORKER, heldOn: '2026-06-01', kind: 'clinical' });
    },
    controlled: () => html`<str-team .summary=${{
      today: '2026-06-05', at: '2026-06-05T16:00:00Z',
      workers: [{
        worker: { id: FIXTURE_WORKER, name: 'Ash Storyworker', role: 'str-worker' }, caseload: 1, attended: { thisWeek: 1, last4Weeks: 3 },
        dna: { rate: 0.25, notAttended: 1, due: 4 }, overdueTasks: 0, openAlerts: 1, overdueAlerts: 0,
        supervision: { state: 'within', lastHeldOn: '2026-06-01', dueOn: '2026-07-13', daysSince: 4, daysOverdue: 0 }, training: { items: [], missing: 0, expiring: 0, expired: 0 },
      }],
    }}></str-team>`,
    loading: 'Loading the team', empty: 'No supervision or training is recorded for this team yet', failed: 'The team could not be loaded',
    notForViewers: ['Ash Storyworker', 'Supervision'],
  },
  // Issue 23: the care pathway. Ready: the person has a contact; empty: nothing recorded about them yet.
  {
    tag: 'str-care-pathway',
    seed: async (store) => {
      const cc = pathwayClient(clientAs(store, 'care-coordinator', 'care-coordinator-1'));
      await cc.keyContacts.create({ serviceUserId: FIXTURE_PERSON_ID, kind: 'professional', name: 'Rowan Testdoctor', role: 'GP', organisation: 'Riverside Surgery', phone: '01632 960001', crisis: false });
    },
    controlled: () => html`<str-care-pathway .pathway=${fixturePathway()}></str-care-pathway>`,
    loading: 'Loading the care pathway', empty: 'No contacts are recorded yet', failed: 'The care pathway could not be loaded',
    notForViewers: ['Add a contact', 'Suggest a contact', 'Add a referral', 'Confirm'],
  },
];

/** The store, with every list held until `release` (still loading). */
function held(store: Store) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return { store: { ...store, name: store.name, durability: store.durability, list: async (t, q) => (await gate, store.list(t, q)) } as Store, release };
}
const unreachable = (store: Store): Store => ({ ...store, name: store.name, durability: store.durability, list: () => Promise.reject(new StrError('transport', 'offline', true)) });

async function personStore(): Promise<Store> {
  const store = memoryStore();
  await store.put('serviceUser', FIXTURE_PERSON);
  for (const w of fixtureWorkers) await store.put('worker', w);
  return store;
}

/** The widget, connected to `client`, inside a box `width` px wide. */
async function connected(tag: string, client: StrClient, width: number): Promise<Widget> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
  const el = document.createElement(tag) as Widget & { clock: unknown; workers?: unknown };
  el.setAttribute('service-user-id', FIXTURE_PERSON_ID);
  el.clock = fixtureClock;
  el.client = client;
  box.append(el);
  await el.updateComplete;
  return el;
}

const words = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** No violations, and at 320 px nothing wider than the box (no sideways scroll at 320 CSS px, WCAG 1.4.10). */
async function accessibleAt(el: Widget, width: number) {
  await expectNoAxeViolations(el);
  if (width === 320) {
    const box = el.parentElement!.getBoundingClientRect();
    const widest = Math.max(...[...el.shadowRoot!.querySelectorAll('*')].map((n) => n.getBoundingClientRect().right));
    expect(widest, 'nothing wider than 320 px').to.be.at.most(box.right + 0.5);
  }
}

describe('the widget contract', () => {
  for (const w of WIDGETS) {
    describe(`<${w.tag}>`, () => {
      for (const width of [1280, 320]) {
        it(`connected at ${width} px: loading, then ready; empty; failed — each in words, each without axe violations`, async function () {
          this.timeout(60_000);
          const store = await personStore();
          await w.seed(store);
          const { store: slow, release } = held(store);
          const loading = await connected(w.tag, clientAs(slow, 'care-coordinator'), width);
          for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
          expect(words(loading)).to.include(w.loading);
          await accessibleAt(loading, width);
          release();
          await loading.whenLoaded();
          expect(words(loading)).not.to.include(w.loading);
          expect(words(loading)).not.to.include(w.empty);
          await accessibleAt(loading, width);

          const empty = await connected(w.tag, clientAs(await personStore(), 'care-coordinator'), width);
          await empty.whenLoaded();
          expect(words(empty)).to.include(w.empty);
          await accessibleAt(empty, width);

          const failed = await connected(w.tag, clientAs(unreachable(await personStore()), 'care-coordinator'), width);
          await failed.whenLoaded();
          expect(words(failed)).to.include(w.failed);
          expect(words(failed)).not.to.include(w.empty);
          await accessibleAt(failed, width);
        });

        it(`controlled at ${width} px: shows what it is given, without axe violations`, async () => {
          const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px">${w.controlled()}</div>`);
          const el = box.firstElementChild as Widget;
          await el.updateComplete;
          expect(words(el)).not.to.include(w.loading);
          expect(words(el)).not.to.include(w.empty);
          await accessibleAt(el, width);
        });
      }

      it(`a viewer is offered nothing a viewer may not do (${w.notForViewers.join(', ')})`, async () => {
        const store = await personStore();
        await w.seed(store);
        const el = await connected(w.tag, clientAs(store, 'viewer', 'viewer-1'), 1280);
        await el.whenLoaded();
        expect(words(el)).not.to.include(w.empty);
        for (const forbidden of w.notForViewers) expect(words(el), forbidden).not.to.include(forbidden);
      });
    });
  }
});
