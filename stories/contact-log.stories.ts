import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createClient, memoryDrafts, memoryStore, type Clock, type Contact } from '@strkit/sdk';
import { html } from 'lit';
import '@strkit/components/define/str-contact-log.js';
import { FIXTURE_NOW, FIXTURE_PERSON, FIXTURE_PERSON_ID, enteredInErrorContact, longNoteContact, manyContacts, weekOfContacts } from '../packages/components/src/contact-log/contact-log.fixtures.js';

const clock: Clock = { now: () => new Date(FIXTURE_NOW) };

interface Args {
  contacts: readonly Contact[];
  readonly: boolean;
  width?: string;
}

const meta = {
  title: 'Contact log/Quick log and history',
  component: 'str-contact-log',
  args: { contacts: [], readonly: false },
  render: (a: Args) => html`<div style=${a.width ? `max-width:${a.width}` : ''}>
    <str-contact-log service-user-id=${FIXTURE_PERSON_ID} .contacts=${a.contacts} ?readonly=${a.readonly} .clock=${clock}></str-contact-log>
  </div>`,
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};
export const WeekOfContacts: Story = { args: { contacts: weekOfContacts } };
export const LongNote: Story = { args: { contacts: [longNoteContact, ...weekOfContacts] } };
export const ReadOnly: Story = { args: { contacts: weekOfContacts, readonly: true } };
export const EnteredInErrorShown: Story = { args: { contacts: [...weekOfContacts, enteredInErrorContact] } };
export const TenThousandContacts: Story = { args: { contacts: manyContacts(10_000), readonly: true } };
export const Narrow320: Story = { args: { contacts: weekOfContacts, width: '320px' } };

/** Connected to a client (in memory) as a worker, the way a host page uses it. */
export const Connected: Story = {
  render: () => {
    const store = memoryStore();
    void store.put('serviceUser', FIXTURE_PERSON);
    const client = createClient({ store, actor: { id: 'story-worker', role: 'str-worker' }, clock });
    return html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .client=${client} .clock=${clock}></str-contact-log>`;
  },
};

/** A half-typed contact kept as a draft on the device, restored when the worker comes back. */
export const DraftRestored: Story = {
  render: () => {
    const drafts = memoryDrafts();
    const value = { date: '2026-06-05', time: '15:30', duration: '45', mechanism: '01', location: 'A01', attendance: '5', planned: true, note: 'Helped fill in the housing form; to finish on Tuesday.' };
    void drafts.save('story-worker', `contact-log:${FIXTURE_PERSON_ID}`, { value, pendingId: crypto.randomUUID() }, '2026-06-05T14:40:00Z');
    const store = memoryStore();
    void store.put('serviceUser', FIXTURE_PERSON);
    const client = createClient({ store, drafts, actor: { id: 'story-worker', role: 'str-worker' }, clock });
    return html`<str-contact-log service-user-id=${FIXTURE_PERSON_ID} .client=${client} .clock=${clock}></str-contact-log>`;
  },
};

/** Save pressed with nothing chosen: the NHS-style error summary takes focus. */
export const ValidationErrors: Story = {
  args: { contacts: weekOfContacts },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('str-contact-log')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};
