// The people and contact namespaces of the client: contacts, service users, workers, care teams.
import { listAll, readReporting } from './adapters/shared.js';
import { markEnteredInErrorVerb, readVerbs, updateRecord, type ClientCore, type MarkEnteredInError, type ReadVerbs } from './client-core.js';
import { can, canCorrect } from './domain/permissions.js';
import { StrError } from './errors.js';
import type { ReadOptions } from './ports.js';
import { ContactInputSchema, ContactUpdateSchema, type Contact, type ContactInput, type ContactUpdate } from './schemas/contact.js';
import { parseOrThrow } from './schemas/parse.js';
import {
  ServiceUserInputSchema, ServiceUserUpdateSchema, WorkerInputSchema, WorkerUpdateSchema,
  type ServiceUser, type ServiceUserInput, type ServiceUserUpdate, type Worker, type WorkerInput, type WorkerUpdate,
} from './schemas/people.js';
import { CareTeamInputSchema, CareTeamUpdateSchema, type CareTeam, type CareTeamInput, type CareTeamUpdate } from './schemas/team.js';

// Every namespace has the verbs its record type allows, with one argument order: docs/adr/0007-client-verbs.md.
export interface ContactsApi extends ReadVerbs<Contact>, MarkEnteredInError<Contact> {
  /** Logs a contact. Pass your own `id` to make a retried save safe: the same id and content never duplicate. */
  create(input: ContactInput): Promise<Contact>;
  /**
   * Saves a corrected version; the earlier one stays in `history`. `null` clears `interpreterLanguage`. Stale
   * `expectedVersion` → `conflict`. A worker corrects their own contacts; co-ordinators and team leads any.
   */
  update(id: string, changes: ContactUpdate, expectedVersion: string): Promise<Contact>;
}

export interface ServiceUsersApi extends ReadVerbs<ServiceUser>, MarkEnteredInError<ServiceUser> {
  create(input: ServiceUserInput): Promise<ServiceUser>;
  /** `null` clears `nhsNumber`, `birthDate` or `careCoordinatorId`. */
  update(id: string, changes: ServiceUserUpdate, expectedVersion: string): Promise<ServiceUser>;
}

export interface WorkersApi extends ReadVerbs<Worker>, MarkEnteredInError<Worker> {
  create(input: WorkerInput): Promise<Worker>;
  /** `null` clears `actorId`. */
  update(id: string, changes: WorkerUpdate, expectedVersion: string): Promise<Worker>;
}

export interface CareTeamsApi extends ReadVerbs<CareTeam>, MarkEnteredInError<CareTeam> {
  /** The person's active care team (the newest not entered in error), or undefined. */
  current(serviceUserId: string, options?: ReadOptions): Promise<CareTeam | undefined>;
  /** Co-ordinators and team leads allocate. */
  create(input: CareTeamInput): Promise<CareTeam>;
  /** A reallocation replaces `participants`; `changeReason` says why (each version has its own, or none). */
  update(id: string, changes: CareTeamUpdate, expectedVersion: string): Promise<CareTeam>;
}

const assertNotFuture = (core: ClientCore, start: string | undefined) => {
  if (start !== undefined && Date.parse(start) > core.now().getTime()) {
    throw new StrError('validation', 'The contact starts in the future', false, {
      issues: [{ path: 'start', code: 'future', message: 'The contact cannot start in the future' }],
    });
  }
};

/** Logs a contact: for the actor, or for another worker when the actor may correct any contact. */
function createContact(core: ClientCore, input: ContactInput): Promise<Contact> {
  const { actor, guard, requireAction, createRecord } = core;
  return guard('Logging a contact', async () => {
    requireAction('contact.log', 'log contacts');
    const fields = parseOrThrow(ContactInputSchema, input, 'The contact');
    const workerId = fields.workerId ?? actor.id;
    if (workerId !== actor.id && !can(actor, 'contact.correct-any')) {
      throw new StrError('forbidden', `${actor.role} may log only their own contacts`);
    }
    assertNotFuture(core, fields.start);
    return createRecord('contact', { planned: true, othersPresent: [], taskIds: [], note: '', ...fields, workerId });
  });
}

/** Corrects a contact: the actor's own, or any when the role allows; never one marked entered in error. */
function correctContact(core: ClientCore, id: string, changes: ContactUpdate, expectedVersion: string): Promise<Contact> {
  const { actor, guard, requireAction, mustGet } = core;
  return guard('Correcting a contact', async () => {
    requireAction('contact.correct-own', 'correct contacts');
    const fields = parseOrThrow(ContactUpdateSchema, changes, 'The correction');
    const current = await mustGet('contact', id);
    if (!canCorrect(actor, current)) throw new StrError('forbidden', `${actor.role} may correct only their own contacts`);
    // Who a contact names is part of the role table: a worker may not hand their contact to someone else (or so
    // make it editable by them). Co-ordinators and team leads may, as they may log for others.
    if (fields.workerId !== undefined && fields.workerId !== current.workerId && !can(actor, 'contact.correct-any')) {
      throw new StrError('forbidden', `${actor.role} may not change the worker of contact ${id}`);
    }
    if (current.enteredInError) {
      throw new StrError('validation', `contact ${id} is marked entered in error`, false, {
        issues: [{ path: '', code: 'entered-in-error', message: 'This contact was marked entered in error; log a new one instead' }],
      });
    }
    assertNotFuture(core, fields.start);
    return updateRecord(core, 'contact', current, fields, expectedVersion);
  });
}

export function contactsApi(core: ClientCore): ContactsApi {
  const { actor } = core;
  return {
    ...readVerbs(core, 'contact', 'contacts', 'a contact'),
    create: (input) => createContact(core, input),
    update: (id, changes, expectedVersion) => correctContact(core, id, changes, expectedVersion),
    markEnteredInError: markEnteredInErrorVerb(core, 'contact', 'contact.correct-own', (current) => {
      if (!canCorrect(actor, current)) throw new StrError('forbidden', `${actor.role} may mark only their own contacts`);
    }),
  };
}

export function serviceUsersApi(core: ClientCore): ServiceUsersApi {
  const { guard, requireAction, createRecord, mustGet } = core;
  return {
    ...readVerbs(core, 'serviceUser', 'people', 'a person'),
    markEnteredInError: markEnteredInErrorVerb(core, 'serviceUser', 'caseload.manage'),
    create: (input) =>
      guard('Adding a person', async () => {
        requireAction('caseload.manage', 'add people to a caseload');
        return createRecord('serviceUser', parseOrThrow(ServiceUserInputSchema, input, 'The person'));
      }),
    update: (id, changes, expectedVersion) =>
      guard('Updating a person', async () => {
        requireAction('caseload.manage', 'change people on a caseload');
        const fields = parseOrThrow(ServiceUserUpdateSchema, changes, 'The change');
        return updateRecord(core, 'serviceUser', await mustGet('serviceUser', id), fields, expectedVersion);
      }),
  };
}

export function workersApi(core: ClientCore): WorkersApi {
  const { guard, requireAction, createRecord, mustGet } = core;
  return {
    ...readVerbs(core, 'worker', 'workers', 'a worker'),
    markEnteredInError: markEnteredInErrorVerb(core, 'worker', 'caseload.manage'),
    create: (input) =>
      guard('Adding a worker', async () => {
        requireAction('caseload.manage', 'add workers');
        return createRecord('worker', parseOrThrow(WorkerInputSchema, input, 'The worker'));
      }),
    update: (id, changes, expectedVersion) =>
      guard('Updating a worker', async () => {
        requireAction('caseload.manage', 'change workers');
        const fields = parseOrThrow(WorkerUpdateSchema, changes, 'The change');
        return updateRecord(core, 'worker', await mustGet('worker', id), fields, expectedVersion);
      }),
  };
}

export function careTeamsApi(core: ClientCore): CareTeamsApi {
  const { store, guard, requireAction, requireString, createRecord, mustGet } = core;
  return {
    ...readVerbs(core, 'careTeam', 'care teams', 'a care team'),
    markEnteredInError: markEnteredInErrorVerb(core, 'careTeam', 'caseload.manage', undefined, ['changeReason']),
    current: (serviceUserId, options) =>
      guard('Reading the care team', () =>
        readReporting(options, async (o) =>
          (await listAll(store, 'careTeam', requireString(serviceUserId, 'serviceUserId'), o)).find((t) => t.status === 'active' && !t.enteredInError))),
    create: (input) =>
      guard('Allocating a care team', async () => {
        requireAction('caseload.manage', 'allocate care teams');
        const fields = parseOrThrow(CareTeamInputSchema, input, 'The care team');
        await mustGet('serviceUser', fields.serviceUserId);
        return createRecord('careTeam', { status: 'active', ...fields });
      }),
    update: (id, changes, expectedVersion) =>
      guard('Updating a care team', async () => {
        requireAction('caseload.manage', 'change care teams');
        const fields = parseOrThrow(CareTeamUpdateSchema, changes, 'The change');
        // Each version says why it was made: the last change's reason is not carried into this one.
        const { changeReason: _previous, ...current } = await mustGet('careTeam', id);
        return updateRecord(core, 'careTeam', current, fields, expectedVersion);
      }),
  };
}
