import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { StrError, memoryStore, type Role, type Store, type StrClient } from '@strkit/sdk';
import { html } from 'lit';
import '@strkit/components/define/str-care-pathway.js';
import type { StrCarePathway } from '../packages/components/src/care-pathway/care-pathway.js';
import { COORDINATOR, WORKER, fixtureClock, fixturePathway, pathwayClientAt, seedPathway } from '../packages/components/src/care-pathway/care-pathway.fixtures.js';
import type { CarePathway } from '../packages/components/src/care-pathway/care-pathway.view.js';

// Every state of <str-care-pathway> (issue 23): connected to a memory store of one invented person (a co-ordinator's,
// a worker's and a viewer's view), the person's copy, the forms and their errors, controlled, nothing recorded yet,
// loading and failed. Synthetic people only.

async function seeded(role: Role, id: string, bare = false): Promise<{ client: StrClient; serviceUserId: string }> {
  const store = memoryStore();
  const serviceUserId = await seedPathway(store, bare);
  return { client: pathwayClientAt(store, role, id), serviceUserId };
}

interface Args {
  client?: StrClient;
  serviceUserId?: string;
  pathway?: CarePathway;
  view?: 'team' | 'person';
}

const meta = {
  title: 'Care pathway/Care pathway',
  component: 'str-care-pathway',
  argTypes: { client: { table: { disable: true } }, pathway: { table: { disable: true } }, view: { control: 'radio', options: ['team', 'person'] } },
  render: (a: Args, { loaded }) => html`<str-care-pathway .client=${loaded.client ?? a.client} service-user-id=${loaded.serviceUserId ?? a.serviceUserId ?? ''}
    .pathway=${a.pathway} .clock=${fixtureClock} view=${a.view ?? 'team'}></str-care-pathway>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Opens a form as a worker would and waits for it to be drawn; `then` acts on it. */
async function openForm(canvas: HTMLElement, button: string, then?: (root: ShadowRoot) => void) {
  const el = canvas.querySelector('str-care-pathway') as StrCarePathway;
  await el.whenLoaded();
  await el.updateComplete;
  const root = el.shadowRoot!;
  root.querySelector<HTMLButtonElement>(button)!.click();
  for (let i = 0; i < 200 && !root.querySelector('#pw-heading'); i++) await new Promise((r) => setTimeout(r, 10));
  then?.(root);
  await el.updateComplete;
  for (let i = 0; i < 50 && then && !root.querySelector('.error-summary'); i++) await new Promise((r) => setTimeout(r, 10));
}

/** The care co-ordinator's view: contacts by agency, a worker's suggestion to confirm, the crisis plan, referrals. */
export const Default: Story = { loaders: [async () => seeded('care-coordinator', COORDINATOR)] };
/** A worker suggests contacts and adds the referrals they make; they cannot confirm. */
export const Worker: Story = { loaders: [async () => seeded('str-worker', WORKER)] };
/** A viewer reads the pathway and is offered no change. */
export const Viewer: Story = { loaders: [async () => seeded('viewer', 'viewer-1')] };
/** The person's copy: plain words, confirmed contacts only, printable on A4. */
export const PersonsCopy: Story = { loaders: [async () => seeded('care-coordinator', COORDINATOR)], args: { view: 'person' } };
/** Adding a contact: someone from a service, or family, a friend or a carer with the person's agreement. */
export const AddingContact: Story = {
  loaders: [async () => seeded('care-coordinator', COORDINATOR)],
  play: ({ canvasElement }) => openForm(canvasElement, '#open-contact'),
};
/** The contact form refused: the error summary, and each error beside its field. */
export const ContactErrors: Story = {
  loaders: [async () => seeded('care-coordinator', COORDINATOR)],
  play: ({ canvasElement }) => openForm(canvasElement, '#open-contact', (root) => root.querySelector<HTMLFormElement>('form.editor')!.requestSubmit()),
};
/** Adding a referral the worker made: sent today by default. */
export const AddingReferral: Story = {
  loaders: [async () => seeded('str-worker', WORKER)],
  play: ({ canvasElement }) => openForm(canvasElement, '#open-referral'),
};
/** Changing a contact's details (a co-ordinator): the form holds the contact as it is. */
export const ChangingContact: Story = {
  loaders: [async () => seeded('care-coordinator', COORDINATOR)],
  play: ({ canvasElement }) => openForm(canvasElement, '[id^="change-"]'),
};
/** Recording a referral's progress: accepted, first seen, closed with how it ended. */
export const RecordingProgress: Story = {
  loaders: [async () => seeded('str-worker', WORKER)],
  play: ({ canvasElement }) => openForm(canvasElement, '[id^="progress-"]'),
};
/** Controlled: the host gives the pathway. */
export const Controlled: Story = { args: { pathway: fixturePathway() } };
/** A person with a care team and nothing else recorded yet. */
export const NothingYet: Story = { loaders: [async () => seeded('care-coordinator', COORDINATOR, true)] };
/** While the store answers: the pathway says it is loading, and claims nothing. */
export const Loading: Story = {
  args: { client: pathwayClientAt({ ...memoryStore(), list: () => new Promise(() => undefined) } as Store, 'care-coordinator', COORDINATOR), serviceUserId: '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182' },
};
/** The store could not be read: said plainly, with a way to try again. */
export const Failed: Story = {
  args: {
    client: pathwayClientAt({ ...memoryStore(), list: () => Promise.reject(new StrError('transport', 'offline', true)) } as Store, 'care-coordinator', COORDINATOR),
    serviceUserId: '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182',
  },
};
