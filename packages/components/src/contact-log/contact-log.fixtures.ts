// Synthetic contacts shared by tests and stories. Invented people and notes only.
import type { Contact, ServiceUser } from '@strkit/sdk';

export const FIXTURE_PERSON_ID = '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182';
export const FIXTURE_NOW = new Date('2026-06-05T16:00:00Z');

/** The person the fixture contacts are with: a connected contact log saves only for a person the store has. */
export const FIXTURE_PERSON: ServiceUser = {
  id: FIXTURE_PERSON_ID, version: '1', schemaVersion: 1, createdAt: '2026-05-01T09:00:00Z', createdBy: 'story-lead', updatedAt: '2026-05-01T09:00:00Z', updatedBy: 'story-lead',
  displayName: 'Kit Storyperson',
};

const base = (i: number, overrides: Partial<Contact>): Contact => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  version: '1',
  schemaVersion: 1,
  createdAt: '2026-06-05T15:00:00Z',
  createdBy: 'story-worker',
  updatedAt: '2026-06-05T15:00:00Z',
  updatedBy: 'story-worker',
  serviceUserId: FIXTURE_PERSON_ID,
  workerId: 'story-worker',
  start: '2026-06-01T10:00:00+01:00',
  durationMinutes: 30,
  mechanism: '01',
  locationType: 'A01',
  attendance: '5',
  planned: true,
  othersPresent: [],
  taskIds: [],
  note: '',
  ...overrides,
});

/** A week of contacts with one person. */
export const weekOfContacts: readonly Contact[] = [
  base(1, { start: '2026-06-01T10:00:00+01:00', note: 'Met at home. Talked through the week; plans to visit the library on Thursday.' }),
  base(2, { start: '2026-06-02T14:30:00+01:00', mechanism: '02', durationMinutes: 15, note: 'Phone call before the benefits appointment.' }),
  base(3, { start: '2026-06-03T00:30:00+01:00', mechanism: '02', durationMinutes: 20, planned: false, note: 'Called late at night, could not sleep.\nAgreed to talk again in the morning.' }),
  base(4, { start: '2026-06-04T11:00:00+01:00', locationType: 'N02', durationMinutes: 60, note: 'Went to the café together.' }),
  base(5, { start: '2026-06-05T09:15:00+01:00', attendance: '3', durationMinutes: 1, note: 'No answer at the door; left a card.' }),
];

export const longNoteContact: Contact = base(6, {
  start: '2026-06-05T13:00:00+01:00',
  note: `${'A long note that keeps going. '.repeat(60)}\nSecond paragraph.`,
});

/** A contact marked entered in error: it stays in the record, in its own section. */
export const enteredInErrorContact: Contact = base(7, {
  start: '2026-06-04T15:00:00+01:00',
  note: 'Logged against the wrong person by mistake.',
  enteredInError: { reason: 'Logged against the wrong person', at: '2026-06-04T16:00:00Z', by: 'story-worker' },
});

/** Many contacts, three hours apart, newest first from the fixture "now": the virtualised history. */
export function manyContacts(count: number): Contact[] {
  return Array.from({ length: count }, (_, i) =>
    base(1000 + i, { start: new Date(Date.parse('2026-06-05T08:00:00Z') - i * 3 * 3_600_000).toISOString(), note: `Contact number ${i + 1}` }),
  );
}
