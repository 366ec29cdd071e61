// Synthetic records for tests: invented people, NHS numbers from the 999 test range only. One valid record of every
// type the SDK stores. Not shipped (package.json `files` leaves out *.fixtures.ts); test/helpers/fixtures.ts
// re-exports it, so the SDK's own tests and the cross-package suites share one sequence of ids.
import type { Contact } from './schemas/contact.js';
import type { ServiceUser } from './schemas/people.js';
import { RECORDS, RECORD_TYPES, type RecordOf, type RecordType } from './schemas/registry.js';
import { DEFAULT_ALERT_RULE } from './schemas/relapse.js';

export const PERSON_ID = '6f1c2a9e-4b7d-4c1e-9a2b-3d4e5f607182';
export const OTHER_PERSON_ID = '0b5e8c71-2f3a-4d6b-8e9c-1a2b3c4d5e6f';

let seq = 0;
/** A fresh v4-shaped UUID, deterministic within a run. */
export function testId(): string {
  seq++;
  const hex = seq.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

const envelope = (by: string, at = '2026-06-03T09:00:00Z') => ({
  id: testId(), version: '1', schemaVersion: 1, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by,
});

export function validContact(overrides: Partial<Contact> = {}): Contact {
  return {
    ...envelope('worker-1'),
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
    ...envelope('lead-1', '2026-06-01T09:00:00Z'),
    displayName: 'Alex Testperson',
    nhsNumber: '9990000018',
    ...overrides,
  };
}

/** Ids the sample records point at (a plan, a goal, a task, a sign, a check); the records need not exist. */
const REF = {
  plan: '10000000-0000-4000-8000-0000000000a1',
  goal: '10000000-0000-4000-8000-0000000000a2',
  sign: '10000000-0000-4000-8000-0000000000a3',
  signPlan: '10000000-0000-4000-8000-0000000000a4',
  check: '10000000-0000-4000-8000-0000000000a5',
  supervision: '10000000-0000-4000-8000-0000000000a6',
};

type Sample<T extends RecordType> = (serviceUserId: string) => Omit<RecordOf<T>, 'id' | 'version' | 'schemaVersion' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;

const SAMPLES: { readonly [T in RecordType]: Sample<T> } = {
  serviceUser: () => ({ displayName: 'Alex Testperson', nhsNumber: '9990000018' }),
  worker: () => ({ name: 'Sam Testworker', role: 'str-worker', actorId: 'worker-1' }),
  contact: (serviceUserId) => {
    const { id: _i, version: _v, schemaVersion: _s, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, ...rest } = validContact({ serviceUserId });
    return rest;
  },
  carePlan: (serviceUserId) => ({ serviceUserId, coordinatorId: 'cc-1', agreedWith: [{ kind: 'service-user' }], agreedOn: '2026-06-01', status: 'active', goalOrder: [], taskOrder: {} }),
  goal: (serviceUserId) => ({ serviceUserId, carePlanId: REF.plan, text: 'Get back to the allotment', lifeArea: 'leisure', status: 'active' }),
  task: (serviceUserId) => ({ serviceUserId, carePlanId: REF.plan, goalId: REF.goal, text: 'Ring the allotment society', owner: { kind: 'worker', workerId: 'worker-1' }, dueDate: '2026-06-10', status: 'not-started' }),
  progressNote: (serviceUserId) => ({ serviceUserId, carePlanId: REF.plan, about: { kind: 'goal', id: REF.goal }, text: 'Went to see the plot on Tuesday.' }),
  warningSignPlan: (serviceUserId) => ({
    serviceUserId, coordinatorId: 'cc-1', signs: [{ id: REF.sign, text: 'Sleeping less than four hours', stage: 'early', response: 'Ring the team' }],
    contacts: [{ who: 'Crisis line', how: 'Ring 0300 000 0000' }], rule: DEFAULT_ALERT_RULE, agreedOn: '2026-06-01',
  }),
  signCheck: (serviceUserId) => ({
    serviceUserId, planId: REF.signPlan, planVersion: '1', at: '2026-06-03T10:00:00Z', workerId: 'worker-1', ratings: { [REF.sign]: 1 },
    functioning: {}, observations: 'Tired.', personsView: 'Not sleeping well.', markedWell: false,
  }),
  careTeam: (serviceUserId) => ({ serviceUserId, name: 'North community team', status: 'active', participants: [{ workerId: 'cc-1', role: 'care-coordinator' }] }),
  alert: (serviceUserId) => ({
    serviceUserId, checkId: REF.check, reason: 'A late sign was rated 2 or more.', note: '', raisedBy: 'worker-1', raisedAt: '2026-06-03T10:05:00Z', status: 'open',
  }),
  keyContact: (serviceUserId) => ({
    serviceUserId, kind: 'professional', name: 'Rowan Testcontact', role: 'Housing officer', organisation: 'Northtown Housing', phone: '01632 960123',
    reach: 'Weekdays 9 to 5; ask for the duty officer', crisis: false, status: 'active',
  }),
  referral: (serviceUserId) => ({
    serviceUserId, direction: 'out', service: 'Northtown Talking Therapies', reason: 'Low mood; asked for talking therapy.', referrerId: 'worker-1', sentOn: '2026-05-20',
  }),
  supervision: () => ({
    workerId: 'worker-1', supervisorId: 'lead-1', heldOn: '2026-06-02', kind: 'clinical',
    actions: [{ text: 'Book the boundaries refresher', ownerId: 'worker-1', dueOn: '2026-06-30' }], nextDueOn: '2026-07-14',
  }),
  supervisionNote: () => ({ supervisionId: REF.supervision, workerId: 'worker-1', supervisorId: 'lead-1', text: 'Talked about a hard week; feels supported.' }),
  training: () => ({ workerId: 'worker-1', itemId: 'safeguarding-adults-2', title: 'Safeguarding adults, level 2', completedOn: '2026-05-20', expiresOn: '2029-05-20', evidence: 'Certificate seen.' }),
};

/** The field each type's lists are ordered by (registry `date`). */
export const DATE_FIELD: { readonly [T in RecordType]: string } = {
  ...(Object.fromEntries(RECORD_TYPES.map((t) => [t, 'createdAt'])) as { [T in RecordType]: string }),
  contact: 'start',
  signCheck: 'at',
  alert: 'raisedAt',
};

/** A valid record of `type` about `serviceUserId` (the person itself for `serviceUser`), with a fresh id. */
export function validRecord<T extends RecordType>(type: T, overrides: Partial<RecordOf<T>> = {}, serviceUserId = PERSON_ID): RecordOf<T> {
  // At the type's current schema: a store hands back what this STR Kit reads, upgraded (schemas/migrations.ts).
  const env = { ...envelope(type === 'serviceUser' ? 'lead-1' : 'worker-1'), schemaVersion: RECORDS[type].schemaVersion };
  return { ...env, ...(SAMPLES[type] as Sample<T>)(serviceUserId), ...(type === 'serviceUser' && { id: serviceUserId === PERSON_ID ? env.id : serviceUserId }), ...overrides } as RecordOf<T>;
}

/** A change to each type's content that a store must keep (a text field where the type has one). */
export const EDIT: { readonly [T in RecordType]: Partial<RecordOf<T>> } = {
  serviceUser: { displayName: 'Alex Testperson-Edited' },
  worker: { name: 'Sam Edited' },
  contact: { note: 'Corrected: we walked to the library.' },
  carePlan: { nextReviewOn: '2026-09-01' },
  goal: { text: 'Grow beans on the allotment' },
  task: { text: 'Visit the allotment society' },
  progressNote: { enteredInError: { reason: 'Wrong person', at: '2026-06-03T11:00:00Z', by: 'worker-1' } },
  warningSignPlan: { reviewOn: '2026-12-01' },
  signCheck: { enteredInError: { reason: 'Wrong person', at: '2026-06-03T11:00:00Z', by: 'worker-1' } },
  careTeam: { name: 'South community team' },
  alert: { status: 'acknowledged', acknowledged: { by: 'cc-1', at: '2026-06-03T12:00:00Z', action: 'Rang the person; visit booked.' } },
  keyContact: { phone: '01632 960456' },
  referral: { acceptedOn: '2026-05-27' },
  supervision: { nextDueOn: '2026-07-21' },
  supervisionNote: { text: 'Talked about a hard week; feels supported. Added: wants shadowing.' },
  training: { evidence: 'Certificate seen; copy on file.' },
};
