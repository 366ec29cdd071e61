import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { SignCheck, WarningSignPlan } from '@strkit/sdk';
import { html } from 'lit';
import '@strkit/components/define/str-relapse-plan.js';
import type { StrRelapsePlan } from '@strkit/components';
import { settledChecks, signPlan } from '../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

const plan = signPlan();

interface Args {
  plan?: WarningSignPlan;
  checks: readonly SignCheck[];
  readonly: boolean;
}

const meta = {
  title: 'Relapse signs/Plan',
  component: 'str-relapse-plan',
  args: { plan, checks: settledChecks(plan), readonly: false },
  argTypes: { plan: { table: { disable: true } }, checks: { table: { disable: true } } },
  render: (a: Args) => html`<str-relapse-plan service-user-id=${plan.serviceUserId} .plan=${a.plan} .checks=${a.checks} ?readonly=${a.readonly}></str-relapse-plan>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const ReadOnly: Story = { args: { readonly: true } };
/** No plan yet: who agrees one, and "Start a warning-sign plan". */
export const Empty: Story = { args: { plan: undefined, checks: [] } };
/** The editor open (Save fires a cancelable str-sign-plan-save in controlled mode). */
export const Editing: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('str-relapse-plan') as StrRelapsePlan;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#plan-edit')!.click();
  },
};
