import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { SignCheck, WarningSignPlan } from '@strkit/sdk';
import { html } from 'lit';
import '@strkit/components/define/str-relapse-trend.js';
import { settledChecks, signPlan, weeklyChecks } from '../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

const plan = signPlan();

interface Args {
  plan: WarningSignPlan;
  checks: readonly SignCheck[];
  width?: string;
}

const meta = {
  title: 'Relapse signs/Trend',
  component: 'str-relapse-trend',
  args: { plan, checks: settledChecks(plan) },
  argTypes: { plan: { table: { disable: true } }, checks: { table: { disable: true } } },
  render: (a: Args) => html`<div style=${a.width ? `max-width:${a.width}` : ''}><str-relapse-trend .plan=${a.plan} .checks=${a.checks}></str-relapse-trend></div>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const Empty: Story = { args: { checks: [] } };
export const FiftyTwoWeeklyChecks: Story = { args: { checks: weeklyChecks(plan, 52) } };
/** Under 480 px the tables become labelled lists: no sideways scroll, no word broken. */
export const Narrow320: Story = { args: { checks: weeklyChecks(plan, 5), width: '320px' } };
