import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createClient, memoryDrafts, memoryStore, type Clock, type SignCheck, type WarningSignPlan } from '@strkit/sdk';
import { html } from 'lit';
import '@strkit/components/define/str-relapse-signs.js';
import type { StrRelapseSigns } from '@strkit/components';
import { FIXTURE_NOW, FIXTURE_PERSON_ID, FIXTURE_WORKER, largeSignPlan, settledChecks, signPlan, weeklyChecks } from '../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

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
