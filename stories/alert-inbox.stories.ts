import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Alert, Clock } from '@strkit/sdk';
import { html } from 'lit';
import '@strkit/components/define/str-alert-inbox.js';
import { FIXTURE_NOW, FIXTURE_PERSON_ID, fixtureAlert, settledChecks, signPlan } from '../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };
const check = settledChecks(signPlan())[2]!;
const OTHER = '50000000-0000-4000-8000-000000000002';
const people = { [FIXTURE_PERSON_ID]: 'Sam Storyperson', [OTHER]: 'Blake Storyperson' };

interface Args {
  alerts: readonly Alert[];
  readonly: boolean;
}

const meta = {
  title: 'Relapse signs/Alert inbox',
  component: 'str-alert-inbox',
  args: { alerts: [fixtureAlert(check, 1, 30), fixtureAlert({ ...check, serviceUserId: OTHER }, 2, 3), fixtureAlert(check, 3, 1)], readonly: false },
  argTypes: { alerts: { table: { disable: true } } },
  render: (a: Args) => html`<str-alert-inbox .alerts=${a.alerts} .people=${people} ?readonly=${a.readonly} .clock=${clock}></str-alert-inbox>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Open alerts across people, oldest first (the first overdue), with links to each. */
export const Default: Story = {};
export const Empty: Story = { args: { alerts: [] } };
/** A role that may not acknowledge lists the alerts only. */
export const ReadOnly: Story = { args: { readonly: true } };
/** Acknowledged in the last 7 days, with what was done. */
export const Acknowledged: Story = {
  args: {
    alerts: [fixtureAlert(check, 4, 30, { status: 'acknowledged', acknowledged: { at: new Date(FIXTURE_NOW.getTime() - 3_600_000).toISOString(), by: 'cc-1', action: 'Visited with the crisis team the same evening.' } })],
  },
};
