import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { StrError, createClient, memoryDrafts, memoryStore, type Clock, type SignCheck, type Store, type WarningSignPlan } from '@strkit/sdk';
import { html } from 'lit';
import '@strkit/components/define/str-relapse-signs.js';
import type { StrRelapseSigns } from '@strkit/components';
import { FIXTURE_COORDINATOR, FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER, fixtureAlert, largeSignPlan, settledChecks, signPlan, weeklyChecks } from '../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };
const plan = signPlan();

interface Args {
  plan: WarningSignPlan;
  checks: readonly SignCheck[];
  view: 'check' | 'trend';
  readonly: boolean;
  width?: string;
}

const meta = {
  title: 'Relapse signs/Check and trend',
  component: 'str-relapse-signs',
  args: { plan, checks: settledChecks(plan), view: 'check', readonly: false },
  argTypes: { view: { control: 'inline-radio', options: ['check', 'trend'] }, plan: { table: { disable: true } }, checks: { table: { disable: true } } },
  render: (a: Args) => html`<div style=${a.width ? `max-width:${a.width}` : ''}>
    <str-relapse-signs .plan=${a.plan} .checks=${a.checks} view=${a.view} ?readonly=${a.readonly} .clock=${clock}></str-relapse-signs>
  </div>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Twelve signs in the person's own words (invented), three stages, each with its agreed response. */
export const TypicalTwelveSigns: Story = {};
export const TwoHundredSigns: Story = { args: { plan: largeSignPlan(200), checks: [] } };
/** A check part done: some signs rated, one "not asked". */
export const CheckInProgress: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('str-relapse-signs') as StrRelapseSigns;
    await el.updateComplete;
    el.value = { [plan.signs[0]!.id]: 1, [plan.signs[1]!.id]: 2, [plan.signs[2]!.id]: 'not-asked' };
  },
};
/** A half-done check kept on the device, restored when the worker comes back. */
export const DraftRestored: Story = {
  render: () => {
    const el = document.createElement('str-relapse-signs');
    const store = memoryStore();
    const drafts = memoryDrafts();
    void (async () => {
      await store.put('serviceUser', { id: FIXTURE_PERSON_ID, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson' });
      const stored = await store.put('warningSignPlan', plan);
      await drafts.save(FIXTURE_WORKER, `relapse-signs:check:${FIXTURE_PERSON_ID}`, {
        ratings: { [plan.signs[0]!.id]: 1, [plan.signs[4]!.id]: 2 },
        details: { functioning: {}, observations: '', personsView: 'A bit on edge this week.', markedWell: false },
        pendingId: crypto.randomUUID(), planId: stored.id,
      }, '2026-06-05T14:40:00Z');
      Object.assign(el, { client: createClient({ store, drafts, actor: { id: FIXTURE_WORKER, role: 'str-worker' }, clock }), clock });
      el.serviceUserId = FIXTURE_PERSON_ID;
    })();
    return el;
  },
};
/** A saved check met the rule: the reason in words, the agreed responses, who to contact. */
export const RuleFiredWithReason: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('str-relapse-signs') as StrRelapseSigns;
    await el.updateComplete;
    el.value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [plan.signs[9]!.id]: 2 };
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};
export const TrendOf52WeeklyChecks: Story = { args: { view: 'trend', checks: weeklyChecks(plan, 52) } };
export const ReadOnly: Story = { args: { readonly: true } };
export const Narrow320: Story = { args: { width: '320px' } };

async function seededStore() {
  const store = memoryStore();
  await store.put('serviceUser', { id: FIXTURE_PERSON_ID, version: '1', schemaVersion: 1, createdAt: '2026-01-05T09:00:00Z', createdBy: 'lead', updatedAt: '2026-01-05T09:00:00Z', updatedBy: 'lead', displayName: 'Sam Storyperson' });
  const stored = await store.put('warningSignPlan', plan);
  for (const c of settledChecks(stored)) await store.put('signCheck', { ...c, planVersion: stored.version, markedWell: true });
  return { store, stored };
}

function connectedStory(view: StrRelapseSigns['view'], role: 'str-worker' | 'care-coordinator', prepare?: (store: Store, el: StrRelapseSigns) => Promise<void>, withPerson = true) {
  return () => {
    const el = document.createElement('str-relapse-signs');
    void seededStore().then(async ({ store }) => {
      Object.assign(el, { client: createClient({ store, actor: { id: role === 'str-worker' ? FIXTURE_WORKER : FIXTURE_COORDINATOR, role }, clock }), clock, view });
      if (withPerson) el.serviceUserId = FIXTURE_PERSON_ID;
      await prepare?.(store, el);
    });
    return el;
  };
}

/** The care co-ordinator edits the plan with the person: signs, responses, contacts, thresholds, baseline. */
export const PlanEditing: Story = {
  render: connectedStory('plan', 'care-coordinator', async (_store, el) => {
    await el.whenLoaded();
    el.shadowRoot!.querySelector<HTMLButtonElement>('#plan-edit')!.click();
  }),
};

/** A check met the rule and the alert was sent. */
export const AlertRaised: Story = {
  render: connectedStory('check', 'str-worker', async (_store, el) => {
    await el.whenLoaded();
    el.value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [plan.signs[9]!.id]: 2 };
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('[part=result] button.primary'); i++) await new Promise((r) => setTimeout(r, 20));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=result] button.primary')!.click();
  }),
};

/** The store refused the alert: it stays on screen as not sent, with a retry and the crisis contacts. */
export const AlertNotSentWithRetry: Story = {
  render: () => {
    const el = document.createElement('str-relapse-signs');
    void seededStore().then(async ({ store }) => {
      const refusing: Store = { ...store, name: store.name, durability: store.durability, get: store.get, list: store.list, history: store.history, subscribe: store.subscribe,
        put: (type, record, expected) => (type === 'alert' ? Promise.reject(new StrError('transport', 'offline', true)) : store.put(type, record, expected)) };
      Object.assign(el, { client: createClient({ store: refusing, drafts: memoryDrafts(), actor: { id: FIXTURE_WORKER, role: 'str-worker' }, clock }), clock });
      el.serviceUserId = FIXTURE_PERSON_ID;
      await el.whenLoaded();
      el.value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [plan.signs[9]!.id]: 2 };
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('[part=result] button.primary'); i++) await new Promise((r) => setTimeout(r, 20));
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=result] button.primary')!.click();
    });
    return el;
  },
};

async function raiseAlerts(store: Store) {
  const at = (iso: string) => createClient({ store, actor: { id: FIXTURE_WORKER, role: 'str-worker' }, clock: { now: () => new Date(iso) } });
  const current = (await store.list('warningSignPlan', { serviceUserId: FIXTURE_PERSON_ID })).items[0]!;
  const c1 = await at('2026-06-04T09:00:00Z').signChecks.create({ planId: current.id, ratings: { [plan.signs[9]!.id]: 2 } });
  await at('2026-06-04T09:05:00Z').alerts.create({ checkId: c1.id, reason: `Late sign “${plan.signs[9]!.text}” rated quite a lot (2 of 3)`, note: 'Frightened; did not want to go out.' });
  const c2 = await at('2026-06-05T14:00:00Z').signChecks.create({ planId: current.id, ratings: { [plan.signs[10]!.id]: 2 } });
  await at('2026-06-05T14:05:00Z').alerts.create({ checkId: c2.id, reason: `Late sign “${plan.signs[10]!.text}” rated quite a lot (2 of 3)` });
}

/** The care co-ordinator's open alerts, oldest first. */
export const OpenAlerts: Story = { render: connectedStory('alerts', 'care-coordinator', async (store, el) => { await raiseAlerts(store); el.requestUpdate('view'); }, false) };
/** Unacknowledged for more than 24 hours: overdue, with the person's crisis contacts. */
export const OverdueAlert: Story = { render: connectedStory('alerts', 'care-coordinator', async (store, el) => { await raiseAlerts(store); el.alertOverdueHours = 24; el.requestUpdate('view'); }, false) };
/** Controlled (no client): the alerts the host gives, oldest first; Acknowledge fires a cancelable str-alert-acknowledge. */
export const ControlledAlerts: Story = {
  render: () => {
    const checks = settledChecks(plan);
    const alerts = [fixtureAlert(checks[2]!, 1, 3), fixtureAlert(checks[1]!, 2, 30)];
    return html`<str-relapse-signs view="alerts" .plan=${plan} .checks=${checks} .alerts=${alerts} .people=${{ [FIXTURE_PERSON_ID]: 'Sam Storyperson' }} .clock=${clock}></str-relapse-signs>`;
  },
};
/** After acknowledging: the alert leaves the open list, with what was done recorded. */
export const Acknowledged: Story = {
  render: connectedStory('alerts', 'care-coordinator', async (store, el) => {
    await raiseAlerts(store);
    const cc = createClient({ store, actor: { id: FIXTURE_COORDINATOR, role: 'care-coordinator' }, clock });
    const [first] = (await cc.alerts.list({ status: 'open' })).items.slice(-1);
    await cc.alerts.acknowledge(first!.id, 'Visited with the crisis team the same evening.', first!.version);
    el.requestUpdate('view');
  }, false),
};

/** Connected to a store that has no such person: it says so and offers no plan to start or check (issue 15). */
export const UnknownPerson: Story = {
  render: () => {
    const el = document.createElement('str-relapse-signs');
    Object.assign(el, { client: createClient({ store: memoryStore(), drafts: memoryDrafts(), actor: { id: FIXTURE_COORDINATOR, role: 'care-coordinator' }, clock }), clock });
    el.serviceUserId = FIXTURE_PERSON_ID;
    return el;
  },
};
