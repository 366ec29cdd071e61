import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Clock, SignCheck, WarningSignPlan } from '@strkit/sdk';
import { html } from 'lit';
import '@strkit/components/define/str-relapse-check.js';
import type { StrRelapseCheck } from '@strkit/components';
import { FIXTURE_NOW, largeSignPlan, settledChecks, signPlan } from '../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };
const plan = signPlan();

interface Args {
  plan?: WarningSignPlan;
  checks: readonly SignCheck[];
  readonly: boolean;
  disabled: boolean;
  width?: string;
}

const meta = {
  title: 'Relapse signs/Check',
  component: 'str-relapse-check',
  args: { plan, checks: settledChecks(plan), readonly: false, disabled: false },
  argTypes: { plan: { table: { disable: true } }, checks: { table: { disable: true } } },
  render: (a: Args) => html`<div style=${a.width ? `max-width:${a.width}` : ''}>
    <str-relapse-check .plan=${a.plan} .checks=${a.checks} ?readonly=${a.readonly} ?disabled=${a.disabled} .clock=${clock}></str-relapse-check>
  </div>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const TwoHundredSigns: Story = { args: { plan: largeSignPlan(200), checks: [] } };
/** Save pressed with signs unrated: the error summary links each one. */
export const WithError: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('str-relapse-check') as StrRelapseCheck;
    await el.updateComplete;
    el.value = { [plan.signs[0]!.id]: 1 };
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};
/** A saved check met the rule: the reason, the agreed responses, who to contact, and "Send an alert". */
export const RuleFired: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('str-relapse-check') as StrRelapseCheck;
    await el.updateComplete;
    el.value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [plan.signs[9]!.id]: 2 };
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};
/** A role that may not record a check reads the signs and their agreed responses. */
export const ReadOnly: Story = { args: { readonly: true } };
export const Disabled: Story = { args: { disabled: true } };
export const Empty: Story = { args: { plan: undefined, checks: [] }, render: () => html`<str-relapse-check service-user-id="not-chosen"></str-relapse-check>` };
export const Narrow320: Story = { args: { width: '320px' } };
