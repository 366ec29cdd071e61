import { memoryDrafts } from './adapters/memory/memory-drafts.js';
import { sameContent } from './adapters/shared.js';
import { can, canCorrect, type Action } from './domain/permissions.js';
import { canSetTaskStatus } from './domain/care-plan.js';
import { listAll, readReporting } from './adapters/shared.js';
import { applyChanges, markEnteredInErrorVerb, readVerbs, type MarkEnteredInError, type ReadVerbs } from './client-core.js';
import { carePlanApis, type CarePlansApi, type GoalsApi, type ProgressNotesApi, type TasksApi } from './client-care-plan.js';
import type { TaskOwner } from './schemas/care-plan.js';
import { syncedStore, type SyncEngine } from './sync.js';
import { relapseApis, type AlertsApi, type SignChecksApi, type WarningSignPlansApi } from './client-relapse.js';
import { CareTeamInputSchema, CareTeamUpdateSchema, type CareTeam, type CareTeamInput, type CareTeamUpdate } from './schemas/team.js';
import { StrError, isStrError } from './errors.js';
import type { Change, Clock, Draft, DraftStore, OutboxStore, Page, ReadOptions, Store, Unreadable } from './ports.js';
import { systemClock } from './ports.js';
import {
  ContactUpdateSchema,
  ContactInputSchema,
  type Contact,
  type ContactUpdate,
  type ContactInput,
} from './schemas/contact.js';
import { parseOrThrow, parseRecord } from './schemas/parse.js';
import {
  ActorSchema,
  ServiceUserInputSchema,
  ServiceUserUpdateSchema,
  WorkerInputSchema,
  WorkerUpdateSchema,
  type Actor,
  type ServiceUser,
  type ServiceUserInput,
  type ServiceUserUpdate,
  type Worker,
  type WorkerInput,
  type WorkerUpdate,
} from './schemas/people.js';
import { isRecordType, RECORDS, type RecordOf, type RecordType } from './schemas/registry.js';
import { singleLine } from './schemas/text.js';

export interface ClientOptions {
  /** Where records live: `memoryStore()`, `indexedDbStore({ name })`, `fhirStore({ baseUrl })` or `syncedStore({ local, remote })`. */
  readonly store?: Store;
  /** Offline first, instead of `store`: the device store and the record system (`syncedStore({ local, remote })`). */
  readonly local?: OutboxStore;
  readonly remote?: Store;
  /** Where half-typed work lives; on this device only. Default: in memory. */
  readonly drafts?: DraftStore;
  /** Who is signed in; the host authenticates them. */
  readonly actor: Actor;
  readonly clock?: Clock;
  /** Sign-in id of the team lead who receives an alert when the person has no care co-ordinator or care team. */
  readonly teamLeadId?: string;
}

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
  update(id: string, changes: CareTeamUpdate, expectedVersion: string): Promise<CareTeam>;
}

export interface DraftsApi {
  /** Keeps a draft for the signed-in actor under `key` (e.g. `contact-log:<serviceUserId>`). */
  save<V>(key: string, value: V): Promise<void>;
  load<V>(key: string): Promise<Draft<V> | undefined>;
  discard(key: string): Promise<void>;
  /** The signed-in actor's drafts. */
  list(): Promise<readonly Draft[]>;
}

export interface SubscribeFilter {
  readonly type?: RecordType;
  readonly serviceUserId?: string;
}

/** What signing out would remove from (or did remove from) this device. */
export interface LocalDataReport {
  readonly drafts: readonly { readonly key: string; readonly actorId: string; readonly savedAt: string }[];
  /** Records that exist only on this device, per type. */
  readonly records: Partial<Record<RecordType, number>>;
  /** With `syncedStore`: each record saved here and not yet in the record system. */
  readonly unsynced?: readonly { readonly type: RecordType; readonly id: string; readonly since: string; readonly needsAttention: boolean }[];
}

export interface SignOutResult {
  /** False when sign-out refused because something would be lost; pass `{ force: true }` after the worker agrees. */
  readonly wiped: boolean;
  readonly wouldLose: LocalDataReport;
}

export interface StrClient {
  readonly actor: Actor;
  readonly contacts: ContactsApi;
  readonly serviceUsers: ServiceUsersApi;
  readonly workers: WorkersApi;
  readonly carePlans: CarePlansApi;
  readonly goals: GoalsApi;
  readonly tasks: TasksApi;
  readonly progressNotes: ProgressNotesApi;
  readonly warningSignPlans: WarningSignPlansApi;
  readonly signChecks: SignChecksApi;
  readonly alerts: AlertsApi;
  readonly careTeams: CareTeamsApi;
  readonly drafts: DraftsApi;
  /** With `syncedStore`: the sync engine's state (online, syncing, unsynced, needs attention) and controls. */
  readonly sync?: SyncEngine;
  /**
   * Whether the signed-in actor may do an action (the UI hides what it may not). With a record: `contact.correct-own`
   * asks about that contact, `task.set-status-own` about that task (workers set only the tasks they own).
   */
  can(action: Action, record?: { createdBy?: string; workerId?: string; owner?: TaskOwner }): boolean;
  /** Tells `listener` about every stored change matching the filter; returns an unsubscribe function. */
  subscribe(filter: SubscribeFilter, listener: (change: Change) => void): () => void;
  /** Wipes this device's records and drafts, unless that would lose something and `force` is not set. */
  signOut(options?: { readonly force?: boolean }): Promise<SignOutResult>;
}

const syncOf = (store: Store): SyncEngine | undefined => (store as Store & { sync?: SyncEngine }).sync;

/** Runs an SDK call so it rejects only with a StrError, whatever went wrong below. */
async function guard<R>(what: string, fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } catch (e) {
    if (isStrError(e)) throw e;
    throw new StrError('storage', `${what} failed`, false, {}, { cause: e });
  }
}

const abortedError = () => new StrError('aborted', 'The read was aborted by its caller');

/**
 * Settles like `work`, except that it rejects with an `aborted` StrError as soon as `signal` aborts (and at once if it
 * already has): the caller never sees a result it stopped waiting for. docs/adr/0004-right-person-right-actor.md.
 */
export function untilAborted<R>(signal: AbortSignal | undefined, work: () => Promise<R>): Promise<R> {
  const run = (): Promise<R> => {
    try {
      if (typeof work !== 'function') throw new StrError('validation', 'untilAborted needs a function', false, { issues: [{ path: 'work', code: 'invalid', message: 'Pass a function' }] });
      return Promise.resolve(work());
    } catch (e) {
      return Promise.reject(e);
    }
  };
  if (signal === undefined) return run();
  try {
    if (typeof signal !== 'object' || signal === null || typeof signal.addEventListener !== 'function') throw new Error('not a signal');
    if (signal.aborted) return Promise.reject(abortedError());
  } catch {
    return Promise.reject(new StrError('validation', 'signal must be an AbortSignal', false, { issues: [{ path: 'signal', code: 'invalid', message: 'Pass an AbortSignal' }] }));
  }
  return new Promise<R>((resolve, reject) => {
    const onAbort = () => reject(abortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    run().then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const idOf = (r: unknown): string => {
  try {
    const id = (r as { id?: unknown })?.id;
    return typeof id === 'string' ? id.slice(0, 128) : '(no id)';
  } catch {
    return '(no id)';
  }
};

/**
 * The store as the client reads it: every `list` honours `query.signal`, and every record read passes the schema
 * before anyone sees it — one that does not is left out of the page and reported in `unreadable` (a `get` of it is a
 * `mapping` error), never a crash further up. Other members come through unchanged.
 */
const checkedReads = (store: Store): Store => {
  const wrapped = Object.create(store) as Store & Pick<Store, 'list' | 'get'>;
  wrapped.list = async (type, query) => {
    const page = await untilAborted(query?.signal, () => store.list(type, query));
    const items: RecordOf<typeof type>[] = [];
    const unreadable: Unreadable[] = [...(page.unreadable ?? [])];
    for (const r of page.items) {
      try {
        items.push(parseRecord(type, r));
      } catch (e) {
        unreadable.push({ id: idOf(r), reason: isStrError(e) ? e.message : `The ${type} record could not be read` });
      }
    }
    return { items, ...(page.next !== undefined && { next: page.next }), ...(unreadable.length > 0 && { unreadable }) } as Page<RecordOf<typeof type>>;
  };
  wrapped.get = async (type, id) => {
    const r = await store.get(type, id);
    if (r === undefined) return undefined;
    try {
      return parseRecord(type, r);
    } catch (cause) {
      throw new StrError('mapping', `${type} ${idOf(r)} could not be read: ${isStrError(cause) ? cause.message : 'not a record'}`, false, { type, id: idOf(r) }, { cause });
    }
  };
  return wrapped;
};

const newId = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const ENVELOPE_KEYS = ['id', 'version', 'schemaVersion', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;
const contentOf = (r: object) => {
  const copy: Record<string, unknown> = { ...r };
  for (const k of ENVELOPE_KEYS) delete copy[k];
  return { version: '', ...copy };
};

const requireString = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.length === 0 || value.length > 128) {
    throw new StrError('validation', `${field} is required`, false, { issues: [{ path: field, code: 'invalid', message: `Pass the ${field}` }] });
  }
  return value;
};

const DraftKeySchema = singleLine(200, 'Enter a draft key');

/**
 * Creates the client a host page gives the widgets (through `<str-provider>`). Every method validates its input,
 * enforces the role table and rejects only with a StrError.
 */
export function createClient(options: ClientOptions): StrClient {
  let store: Store, clock: Clock, draftStore: DraftStore, actor: Actor;
  try {
    if (typeof options !== 'object' || options === null) throw new Error('no options');
    store = (options.local !== undefined || options.remote !== undefined) && options.store === undefined
      ? syncedStore({ local: options.local!, remote: options.remote!, ...(options.clock && { clock: options.clock }) })
      : options.store!;
    if (typeof store?.put !== 'function' || typeof store.get !== 'function') {
      throw new StrError('validation', 'createClient needs a store', false, { issues: [{ path: 'store', code: 'invalid', message: 'Pass memoryStore(), indexedDbStore({ name }) or fhirStore({ baseUrl })' }] });
    }
    clock = options.clock ?? systemClock;
    if (typeof clock?.now !== 'function') {
      throw new StrError('validation', 'createClient: clock.now must be a function', false, { issues: [{ path: 'clock', code: 'invalid', message: 'Pass a clock with now()' }] });
    }
    store = checkedReads(store);
    draftStore = options.drafts ?? memoryDrafts();
    actor = Object.freeze(parseOrThrow(ActorSchema, options.actor, 'The actor'));
  } catch (e) {
    if (isStrError(e)) throw e;
    throw new StrError('validation', 'createClient needs { store, actor }', false, { issues: [{ path: '', code: 'invalid', message: 'Pass { store, actor }' }] }, { cause: e });
  }

  /** Set once sign-out wipes the device: a signed-out client writes nothing more (not even a late draft). */
  let signedOut = false;
  const requireSignedIn = () => {
    if (signedOut) throw new StrError('unauthenticated', 'This client has signed out; create a new one for the next sign-in');
  };
  const nowIso = () => {
    const d = clock.now();
    if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new StrError('validation', 'The clock returned an invalid date');
    return d.toISOString();
  };
  const requireAction = (action: Action, what: string) => {
    if (!can(actor, action)) throw new StrError('forbidden', `${actor.role} may not ${what}`, false);
  };
  const mustGet = async <T extends RecordType>(type: T, id: string): Promise<RecordOf<T>> => {
    const r = await store.get(type, requireString(id, 'id'));
    if (!r) throw new StrError('not-found', `No ${type} ${id}`, false, { type, id });
    return r;
  };

  /** Builds, validates and stores a new record; a repeat of the same create returns what is stored. */
  const createRecord = async <T extends RecordType>(type: T, fields: Record<string, unknown> & { id?: string }): Promise<RecordOf<T>> => {
    requireSignedIn();
    const at = nowIso();
    const { id, ...rest } = fields;
    // The store parses it (its trust boundary); the input was parsed already, so it is canonical here.
    const record = {
      ...rest,
      id: id ?? newId(),
      version: 'new',
      schemaVersion: RECORDS[type].schemaVersion,
      createdAt: at,
      createdBy: actor.id,
      updatedAt: at,
      updatedBy: actor.id,
    } as unknown as RecordOf<T>;
    try {
      return await store.put(type, record);
    } catch (e) {
      // A retried create (same id, same content, later clock): the first one landed, so return it.
      if (isStrError(e, 'conflict') && id !== undefined) {
        const existing = await store.get(type, id);
        if (existing && existing.createdBy === actor.id && sameContent(contentOf(existing), contentOf(record))) return existing;
      }
      throw e;
    }
  };

  const putUpdated = async <T extends RecordType>(type: T, record: RecordOf<T>, expectedVersion: string) => {
    requireSignedIn();
    return store.put(type, { ...record, updatedAt: nowIso(), updatedBy: actor.id }, requireString(expectedVersion, 'expectedVersion'));
  };
  /** Every update of every type: `null` clears an optional field. */
  const updateRecord = async <T extends RecordType>(type: T, current: RecordOf<T>, changes: Record<string, unknown>, expectedVersion: string) =>
    putUpdated(type, applyChanges(current, changes), expectedVersion);

  const assertNotFuture = (start: string | undefined) => {
    if (start !== undefined && Date.parse(start) > clock.now().getTime()) {
      throw new StrError('validation', 'The contact starts in the future', false, {
        issues: [{ path: 'start', code: 'future', message: 'The contact cannot start in the future' }],
      });
    }
  };

  const core = { store, actor, now: () => clock.now(), nowIso, guard, requireAction, requireString, mustGet, createRecord, putUpdated };

  const contacts: ContactsApi = {
    ...readVerbs(core, 'contact', 'contacts', 'a contact'),
    create: (input) =>
      guard('Logging a contact', async () => {
        requireAction('contact.log', 'log contacts');
        const fields = parseOrThrow(ContactInputSchema, input, 'The contact');
        const workerId = fields.workerId ?? actor.id;
        if (workerId !== actor.id && !can(actor, 'contact.correct-any')) {
          throw new StrError('forbidden', `${actor.role} may log only their own contacts`);
        }
        assertNotFuture(fields.start);
        return createRecord('contact', { planned: true, othersPresent: [], taskIds: [], note: '', ...fields, workerId });
      }),
    update: (id, changes, expectedVersion) =>
      guard('Correcting a contact', async () => {
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
        assertNotFuture(fields.start);
        return updateRecord('contact', current, fields, expectedVersion);
      }),
    markEnteredInError: markEnteredInErrorVerb(core, 'contact', 'contact.correct-own', (current) => {
      if (!canCorrect(actor, current)) throw new StrError('forbidden', `${actor.role} may mark only their own contacts`);
    }),
  };

  const serviceUsers: ServiceUsersApi = {
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
        return updateRecord('serviceUser', await mustGet('serviceUser', id), fields, expectedVersion);
      }),
  };

  const workers: WorkersApi = {
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
        return updateRecord('worker', await mustGet('worker', id), fields, expectedVersion);
      }),
  };

  const careTeams: CareTeamsApi = {
    ...readVerbs(core, 'careTeam', 'care teams', 'a care team'),
    markEnteredInError: markEnteredInErrorVerb(core, 'careTeam', 'caseload.manage'),
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
        return updateRecord('careTeam', await mustGet('careTeam', id), fields, expectedVersion);
      }),
  };

  const drafts: DraftsApi = {
    save: (key, value) =>
      guard('Saving a draft', async () => {
        requireSignedIn();
        const k = parseOrThrow(DraftKeySchema, key, 'The draft key');
        let copy: unknown;
        try {
          copy = structuredClone(value);
        } catch (cause) {
          throw new StrError('validation', 'A draft must be plain data', false, { issues: [{ path: 'value', code: 'invalid', message: 'Pass plain data' }] }, { cause });
        }
        await draftStore.save(actor.id, k, copy, nowIso());
      }),
    load: (key) => guard('Reading a draft', async () => draftStore.load(actor.id, parseOrThrow(DraftKeySchema, key, 'The draft key'))),
    discard: (key) => guard('Discarding a draft', async () => draftStore.discard(actor.id, parseOrThrow(DraftKeySchema, key, 'The draft key'))),
    list: () => guard('Listing drafts', () => draftStore.list(actor.id)),
  };

  const carePlanNamespaces = carePlanApis(core);
  const relapseNamespaces = relapseApis(core, { teamLeadId: options.teamLeadId });

  return {
    actor,
    contacts,
    serviceUsers,
    workers,
    ...carePlanNamespaces,
    ...relapseNamespaces,
    careTeams,
    drafts,
    ...(syncOf(store) && { sync: syncOf(store)! }),
    can(action, record) {
      try {
        if (action === 'contact.correct-own' && record) return canCorrect(actor, { createdBy: record.createdBy ?? '', ...(record.workerId !== undefined && { workerId: record.workerId }) });
        if (action === 'task.set-status-own' && record?.owner) return canSetTaskStatus(actor, { owner: record.owner });
        return can(actor, action);
      } catch {
        return false;
      }
    },
    subscribe(filter, listener) {
      if (typeof listener !== 'function') {
        throw new StrError('validation', 'subscribe needs a listener function', false, { issues: [{ path: 'listener', code: 'invalid', message: 'Pass a function' }] });
      }
      let type: RecordType | undefined, serviceUserId: string | undefined;
      try {
        type = filter?.type;
        serviceUserId = filter?.serviceUserId;
      } catch (cause) {
        throw new StrError('validation', 'subscribe: the filter could not be read', false, {}, { cause });
      }
      if (type !== undefined && !isRecordType(type)) {
        throw new StrError('validation', 'subscribe: unknown record type', false, { issues: [{ path: 'type', code: 'invalid', message: 'Use a record type the SDK knows' }] });
      }
      try {
        return store.subscribe((c) => {
          if ((type === undefined || c.type === type) && (serviceUserId === undefined || c.serviceUserId === serviceUserId)) listener(c);
        });
      } catch (e) {
        throw isStrError(e) ? e : new StrError('storage', 'subscribe failed', false, {}, { cause: e });
      }
    },
    signOut: (o) =>
      guard('Signing out', async () => {
        const force = (() => {
          try {
            return o?.force === true;
          } catch {
            return false;
          }
        })();
        const all = await draftStore.list();
        const records = store.durability === 'device' ? ((await store.count?.()) ?? {}) : {};
        const sync = syncOf(store);
        const unsynced = sync ? (await sync.entries()).map((e) => ({ type: e.type, id: e.id, since: e.since, needsAttention: !!e.attention })) : undefined;
        const wouldLose: LocalDataReport = {
          drafts: all.map((d) => ({ key: d.key, actorId: d.actorId, savedAt: d.savedAt })),
          // A synced store's records are in the record system too: only the unsynced ones would be lost.
          records: sync ? {} : records,
          ...(unsynced && { unsynced }),
        };
        const losingRecords = unsynced ? unsynced.length > 0 : Object.values(records).some((n) => (n ?? 0) > 0);
        const losing = all.length > 0 || losingRecords;
        if (losing && !force) return { wiped: false, wouldLose };
        // Who may agree to lose what (docs/adr/0004-right-person-right-actor.md): anyone their own drafts; a role that
        // writes records the device's records and unsynced changes; only a team lead other people's drafts.
        if (losing) {
          if (losingRecords && !can(actor, 'contact.log')) throw new StrError('forbidden', `${actor.role} may not discard records on this device`);
          if (all.some((d) => d.actorId !== actor.id) && actor.role !== 'team-lead') {
            throw new StrError('forbidden', `${actor.role} may not discard other people's drafts on this device`);
          }
        }
        signedOut = true;
        await draftStore.wipe();
        await store.wipe?.();
        return { wiped: true, wouldLose };
      }),
  };
}
