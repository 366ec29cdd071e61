import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { StrError, createClient, memoryDrafts, memoryStore, type CaseloadSummary, type Role, type Store, type StrClient } from '@strkit/sdk';
import { html } from 'lit';
import '@strkit/components/define/str-caseload.js';
import { CASELOAD_COORDINATOR, CASELOAD_WORKER, fixtureSummary, seedCaseload } from '../packages/components/src/caseload/caseload.fixtures.js';
import { FIXTURE_NOW, FIXTURE_PERSON_ID } from '../packages/components/src/contact-log/contact-log.fixtures.js';

// Every state of <str-caseload>: connected to a memory store of invented people (the SDK's own rules make the
// summary), a co-ordinator's choice of whose caseload, controlled, empty, loading and failed. Synthetic people only.

const clientOn = (store: Store, role: Role, id: string): StrClient =>
  createClient({ store, drafts: memoryDrafts(), actor: { id, role }, clock: { now: () => new Date(FIXTURE_NOW) } });

async function seeded(role: Role, id: string): Promise<StrClient> {
  const store = memoryStore();
  await seedCaseload(store);
  return clientOn(store, role, id);
}

interface Args {
  client?: StrClient;
  summary?: CaseloadSummary;
  filter: 'today' | 'week' | 'everyone';
}

const meta = {
  title: 'Caseload/Caseload',
  component: 'str-caseload',
  args: { filter: 'everyone' },
  argTypes: { filter: { control: 'inline-radio', options: ['today', 'week', 'everyone'] }, client: { table: { disable: true } }, summary: { table: { disable: true } } },
  render: (a: Args, { loaded }) => html`<str-caseload .client=${loaded.client ?? a.client} .summary=${a.summary} filter=${a.filter}></str-caseload>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** A worker's own people, most in need first, with the reasons (connected to a store). */
export const Default: Story = { loaders: [async () => ({ client: await seeded('str-worker', CASELOAD_WORKER) })] };
/** Only the people to see today. */
export const Today: Story = { ...Default, args: { filter: 'today' } };
/** A co-ordinator may choose whose caseload to view. */
export const Coordinator: Story = { loaders: [async () => ({ client: await seeded('care-coordinator', CASELOAD_COORDINATOR) })] };
/** Controlled: the host gives the summary. */
export const Controlled: Story = { args: { summary: fixtureSummary(FIXTURE_PERSON_ID) } };
export const Empty: Story = { args: { summary: { workerId: CASELOAD_WORKER, today: '2026-06-05', at: FIXTURE_NOW.toISOString(), people: [] } } };
/** While the store answers: the caseload says it is loading, and claims nothing. */
export const Loading: Story = {
  args: { client: clientOn({ ...memoryStore(), list: () => new Promise(() => undefined) } as Store, 'str-worker', CASELOAD_WORKER) },
};
/** The store could not be read: said plainly, with a way to try again. */
export const Failed: Story = {
  args: { client: clientOn({ ...memoryStore(), list: () => Promise.reject(new StrError('transport', 'offline', true)) } as Store, 'str-worker', CASELOAD_WORKER) },
};
