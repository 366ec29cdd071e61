// Synthetic records for tests: invented people, NHS numbers from the 999 test range only.
import type { Contact, ServiceUser } from '@strkit/sdk';

export const PERSON_ID = '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182';
export const OTHER_PERSON_ID = '0b5e8c71-2f3a-4d6b-8e9c-1a2b3c4d5e6f';

let seq = 0;
/** A fresh v4-shaped UUID, deterministic within a run. */
export function testId(): string {
  seq++;
  const hex = seq.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export function validContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: testId(),
    version: '1',
    schemaVersion: 1,
    createdAt: '2026-06-03T09:00:00Z',
    createdBy: 'worker-1',
    updatedAt: '2026-06-03T09:00:00Z',
    updatedBy: 'worker-1',
    serviceUserId: PERSON_ID,
    workerId: 'worker-1',
    start: '2026-06-03T10:00:00+01:00',
    durationMinutes: 30,
    mechanism: '01',
    locationType: 'A01',
    attendance: '5',
    planned: true,
    othersPresent: [],
    taskIds: [],
    note: 'Walked to the shops together; talked about the bus pass.',
    ...overrides,
  };
}

export function validServiceUser(overrides: Partial<ServiceUser> = {}): ServiceUser {
  return {
    id: testId(),
    version: '1',
    schemaVersion: 1,
    createdAt: '2026-06-01T09:00:00Z',
    createdBy: 'lead-1',
    updatedAt: '2026-06-01T09:00:00Z',
    updatedBy: 'lead-1',
    displayName: 'Alex Testperson',
    nhsNumber: '9990000018',
    ...overrides,
  };
}
