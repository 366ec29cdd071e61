import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { StrError, memoryStore, type Role, type Store, type StrClient, type TeamSummary } from '@strkit/sdk';
import { html } from 'lit';
import '@strkit/components/define/str-team.js';
import type { StrTeam } from '../packages/components/src/team/team.js';
import { EXAMPLE_CHECKLIST, TEAM_LEAD, seedTeam, teamClientAt } from '../packages/components/src/team/team.fixtures.js';

// Every state of <str-team>: connected to a memory store of invented workers and people (the SDK's rules make the
// summary), a co-ordinator's view, a worker told it is not theirs, controlled, no workers, loading and failed.
// Synthetic people only.

async function seeded(role: Role, id: string): Promise<StrClient> {
  const store = memoryStore();
  await seedTeam(store);
  return teamClientAt(store, role, id);
}

interface Args {
  client?: StrClient;
  summary?: TeamSummary;
}

const meta = {
  title: 'Team/Team',
  component: 'str-team',
  argTypes: { client: { table: { disable: true } }, summary: { table: { disable: true } } },
  render: (a: Args, { loaded }) => html`<str-team .client=${loaded.client ?? a.client} .summary=${a.summary} .checklist=${EXAMPLE_CHECKLIST}></str-team>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** The team lead's view: workload, supervision and training for each worker (connected to a store). */
export const Default: Story = { loaders: [async () => ({ client: await seeded('team-lead', TEAM_LEAD) })] };
/** A care co-ordinator sees the same workload. */
export const Coordinator: Story = { loaders: [async () => ({ client: await seeded('care-coordinator', 'care-coordinator-1') })] };
/** A worker is told the team view is for team leads and co-ordinators. */
export const NotForWorkers: Story = { loaders: [async () => ({ client: await seeded('str-worker', 'str-worker-1') })] };
/** Opens a form on Sky's card, as a team lead would, and waits for it to be drawn. */
async function openForm(canvas: HTMLElement, button: string, then?: (root: ShadowRoot) => void, drawn = '#tr-heading') {
  const el = canvas.querySelector('str-team') as StrTeam;
  await el.whenLoaded();
  await el.updateComplete;
  const root = el.shadowRoot!;
  root.querySelector<HTMLButtonElement>(button)!.click();
  for (let i = 0; i < 200 && !root.querySelector(drawn); i++) await new Promise((r) => setTimeout(r, 10));
  then?.(root);
  await el.updateComplete;
}
/** Recording a supervision: kind, next due, an agreed action and private notes. */
export const RecordingSupervision: Story = {
  loaders: [async () => ({ client: await seeded('team-lead', TEAM_LEAD) })],
  play: ({ canvasElement }) => openForm(canvasElement, '#supervision-peer-worker-1', (root) => root.querySelector<HTMLButtonElement>('#tr-add-action')!.click()),
};
/** The supervision form refused: the error summary, and each error beside its field. */
export const SupervisionErrors: Story = {
  loaders: [async () => ({ client: await seeded('team-lead', TEAM_LEAD) })],
  play: ({ canvasElement }) => openForm(canvasElement, '#supervision-peer-worker-1', (root) => root.querySelector<HTMLFormElement>('form.editor')!.requestSubmit()),
};
/** Recording training against the team's checklist. */
export const RecordingTraining: Story = {
  loaders: [async () => ({ client: await seeded('team-lead', TEAM_LEAD) })],
  play: ({ canvasElement }) => openForm(canvasElement, '#training-peer-worker-1'),
};
/** Reallocating one of Wren's people to another worker, with the reason kept in the care team's history. */
export const Reallocating: Story = {
  loaders: [async () => ({ client: await seeded('team-lead', TEAM_LEAD) })],
  play: ({ canvasElement }) => openForm(canvasElement, '#reallocation-str-worker-1', () => undefined, '#tr-person'),
};
/** Controlled: the host gives the summary. */
export const Controlled: Story = {
  args: {
    summary: {
      today: '2026-06-05', at: '2026-06-05T16:00:00Z',
      workers: [{
        worker: { id: 'str-worker-1', name: 'Wren Worker', role: 'str-worker' }, caseload: 2, attended: { thisWeek: 1, last4Weeks: 6 },
        dna: { rate: 0.25, notAttended: 2, due: 8 }, overdueTasks: 1, openAlerts: 1, overdueAlerts: 1,
        supervision: { state: 'overdue', lastHeldOn: '2026-04-01', dueOn: '2026-05-13', daysSince: 65, daysOverdue: 23 },
        training: { items: [], missing: 0, expiring: 0, expired: 0 },
      }],
    },
  },
};
/** No STR or peer support workers listed yet. */
export const NoWorkers: Story = { args: { summary: { today: '2026-06-05', at: '2026-06-05T16:00:00Z', workers: [] } } };
/** While the store answers: the team says it is loading, and claims nothing. */
export const Loading: Story = {
  args: { client: teamClientAt({ ...memoryStore(), list: () => new Promise(() => undefined) } as Store, 'team-lead', TEAM_LEAD) },
};
/** The store could not be read: said plainly, with a way to try again. */
export const Failed: Story = {
  args: { client: teamClientAt({ ...memoryStore(), list: () => Promise.reject(new StrError('transport', 'offline', true)) } as Store, 'team-lead', TEAM_LEAD) },
};
