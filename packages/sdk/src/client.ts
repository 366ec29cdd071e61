import { memoryDrafts } from './adapters/memory/memory-drafts.js';
import { can, canCorrect, type Action } from './domain/permissions.js';
import { canSetTaskStatus } from './domain/care-plan.js';
import { guard, makeCore, registerCore, type ClientCore } from './client-core.js';
import { carePlanApis, type CarePlansApi, type GoalsApi, type ProgressNotesApi, type TasksApi } from './client-care-plan.js';
import { careTeamsApi, contactsApi, serviceUsersApi, workersApi, type CareTeamsApi, type ContactsApi, type ServiceUsersApi, type WorkersApi } from './client-people.js';
import type { TaskOwner } from './schemas/care-plan.js';
import { syncedStore, type SyncEngine } from './sync.js';
import { caseloadApi, type CaseloadApi } from './client-caseload.js';
import { relapseApis, type AlertsApi, type SignChecksApi, type WarningSignPlansApi } from './client-relapse.js';
import { StrError, isStrError } from './errors.js';
import type { Change, Clock, Draft, DraftStore, OutboxStore, Page, Store, Unreadable } from './ports.js';
import { systemClock } from './ports.js';
import { parseOrThrow, parseRecord } from './schemas/parse.js';
import { ActorSchema, type Actor } from './schemas/people.js';
import { isRecordType, type RecordOf, type RecordType } from './schemas/registry.js';
import { singleLine } from './schemas/text.js';

export type { CareTeamsApi, ContactsApi, ServiceUsersApi, WorkersApi } from './client-people.js';

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
  /** The worker's day: who they support and why to see them, in order of need (docs/adr/0023-caseload-summary.md). */
  readonly caseload: CaseloadApi;
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

const DraftKeySchema = singleLine(200, 'Enter a draft key');

/** The store, clock, drafts and actor of `createClient`'s options, checked: anything else is a `validation` error. */
function readOptions(options: ClientOptions): { store: Store; clock: Clock; draftStore: DraftStore; actor: Actor } {
  try {
    if (typeof options !== 'object' || options === null) throw new Error('no options');
    const store = (options.local !== undefined || options.remote !== undefined) && options.store === undefined
      ? syncedStore({ local: options.local!, remote: options.remote!, ...(options.clock && { clock: options.clock }) })
      : options.store!;
    if (typeof store?.put !== 'function' || typeof store.get !== 'function') {
      throw new StrError('validation', 'createClient needs a store', false, { issues: [{ path: 'store', code: 'invalid', message: 'Pass memoryStore(), indexedDbStore({ name }) or fhirStore({ baseUrl })' }] });
    }
    const clock = options.clock ?? systemClock;
    if (typeof clock?.now !== 'function') {
      throw new StrError('validation', 'createClient: clock.now must be a function', false, { issues: [{ path: 'clock', code: 'invalid', message: 'Pass a clock with now()' }] });
    }
    const checked = checkedReads(store);
    const draftStore = options.drafts ?? memoryDrafts();
    const actor = Object.freeze(parseOrThrow(ActorSchema, options.actor, 'The actor'));
    return { store: checked, clock, draftStore, actor };
  } catch (e) {
    if (isStrError(e)) throw e;
    throw new StrError('validation', 'createClient needs { store, actor }', false, { issues: [{ path: '', code: 'invalid', message: 'Pass { store, actor }' }] }, { cause: e });
  }
}

function draftsApi(core: ClientCore, draftStore: DraftStore): DraftsApi {
  const { actor, nowIso, requireSignedIn } = core;
  return {
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
}

/** `client.can`: the role table, asked about one record where the action depends on whose it is. */
function canFor(actor: Actor, action: Action, record?: { createdBy?: string; workerId?: string; owner?: TaskOwner }): boolean {
  try {
    if (action === 'contact.correct-own' && record) return canCorrect(actor, { createdBy: record.createdBy ?? '', ...(record.workerId !== undefined && { workerId: record.workerId }) });
    if (action === 'task.set-status-own' && record?.owner) return canSetTaskStatus(actor, { owner: record.owner });
    return can(actor, action);
  } catch {
    return false;
  }
}

/** `client.subscribe`: the store's changes, filtered by type and person. */
function subscribeTo(store: Store, filter: SubscribeFilter, listener: (change: Change) => void): () => void {
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
}

/** What signing out would remove from this device, and whether any of it would be lost. */
async function localData(store: Store, draftStore: DraftStore): Promise<{ wouldLose: LocalDataReport; losingRecords: boolean; draftActors: readonly string[] }> {
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
  return { wouldLose, losingRecords, draftActors: all.map((d) => d.actorId) };
}

/** `client.signOut`: wipes the device unless that would lose something and `force` is not set. */
function signOutOf(core: ClientCore, draftStore: DraftStore, o: { readonly force?: boolean } | undefined): Promise<SignOutResult> {
  const { store, actor } = core;
  return guard('Signing out', async () => {
    const force = (() => {
      try {
        return o?.force === true;
      } catch {
        return false;
      }
    })();
    const { wouldLose, losingRecords, draftActors } = await localData(store, draftStore);
    const losing = draftActors.length > 0 || losingRecords;
    if (losing && !force) return { wiped: false, wouldLose };
    // Who may agree to lose what (docs/adr/0004-right-person-right-actor.md): anyone their own drafts; a role that
    // writes records the device's records and unsynced changes; only a team lead other people's drafts.
    if (losing) {
      if (losingRecords && !can(actor, 'contact.log')) throw new StrError('forbidden', `${actor.role} may not discard records on this device`);
      if (draftActors.some((id) => id !== actor.id) && actor.role !== 'team-lead') {
        throw new StrError('forbidden', `${actor.role} may not discard other people's drafts on this device`);
      }
    }
    core.endSession();
    await draftStore.wipe();
    await store.wipe?.();
    return { wiped: true, wouldLose };
  });
}

/**
 * Creates the client a host page gives the widgets (through `<str-provider>`). Every method validates its input,
 * enforces the role table and rejects only with a StrError.
 */
export function createClient(options: ClientOptions): StrClient {
  const { store, clock, draftStore, actor } = readOptions(options);
  const core = makeCore(store, clock, actor);
  const sync = syncOf(store);
  const client: StrClient = {
    actor,
    contacts: contactsApi(core),
    serviceUsers: serviceUsersApi(core),
    workers: workersApi(core),
    ...carePlanApis(core),
    ...relapseApis(core, { teamLeadId: options.teamLeadId }),
    careTeams: careTeamsApi(core),
    caseload: caseloadApi(core),
    drafts: draftsApi(core, draftStore),
    ...(sync && { sync }),
    can: (action, record) => canFor(actor, action, record),
    subscribe: (filter, listener) => subscribeTo(store, filter, listener),
    signOut: (o) => signOutOf(core, draftStore, o),
  };
  // Namespaces a worker's app does not need (the team lead's: teamClient) reach the core through this, so they stay
  // out of every bundle that does not import them.
  registerCore(client, core);
  return client;
}
