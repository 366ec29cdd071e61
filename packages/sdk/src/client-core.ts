// What every namespace of the client shares (docs/adr/0007-client-verbs.md): the core the client hands each
// namespace (its writes, role check and sign-out state), the read verbs (`list`, `get`, `history`),
// `markEnteredInError`, and "`null` clears a field".
import { sameContent } from './adapters/shared.js';
import { can, type Action } from './domain/permissions.js';
import { StrError, isStrError } from './errors.js';
import type { Clock, Page, Query, Store } from './ports.js';
import { parseOrThrow } from './schemas/parse.js';
import type { Actor } from './schemas/people.js';
import { RECORDS, type RecordOf, type RecordType } from './schemas/registry.js';
import { noteText } from './schemas/text.js';

/** What the namespaces need from the client. */
export interface ClientCore {
  readonly store: Store;
  readonly actor: Actor;
  readonly now: () => Date;
  readonly nowIso: () => string;
  readonly guard: <R>(what: string, fn: () => Promise<R>) => Promise<R>;
  readonly requireAction: (action: Action, what: string) => void;
  readonly requireString: (value: unknown, field: string) => string;
  readonly mustGet: <T extends RecordType>(type: T, id: string) => Promise<RecordOf<T>>;
  readonly createRecord: <T extends RecordType>(type: T, fields: Record<string, unknown> & { id?: string }) => Promise<RecordOf<T>>;
  readonly putUpdated: <T extends RecordType>(type: T, record: RecordOf<T>, expectedVersion: string) => Promise<RecordOf<T>>;
  /** Throws `unauthenticated` once the client has signed out: a signed-out client writes nothing more. */
  readonly requireSignedIn: () => void;
  /** Called by sign-out once it wipes the device. */
  readonly endSession: () => void;
}

/** Where a client keeps its core: a symbol-keyed, enumerable property, so a copy made by spreading the client keeps it. */
const CORE = Symbol('strkit.client-core');

/** Ties a client to its core, for namespaces made apart from `createClient` (`teamClient`). */
export const registerCore = (client: object, core: ClientCore): void => void Object.defineProperty(client, CORE, { value: core, enumerable: true });

/** The core of a client `createClient` made (or a spread copy of one); a `validation` error for anything else. */
export function coreOf(client: unknown): ClientCore {
  let core: ClientCore | undefined;
  try {
    core = typeof client === 'object' && client !== null ? (client as { [CORE]?: ClientCore })[CORE] : undefined;
  } catch {
    core = undefined; // a value that cannot be read (a throwing proxy) is no client
  }
  if (!core) throw new StrError('validation', 'Pass a client made by createClient', false, { issues: [{ path: 'client', code: 'invalid', message: 'Pass a client made by createClient' }] });
  return core;
}

/** Runs an SDK call so it rejects only with a StrError, whatever went wrong below. */
export async function guard<R>(what: string, fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } catch (e) {
    if (isStrError(e)) throw e;
    throw new StrError('storage', `${what} failed`, false, {}, { cause: e });
  }
}

export const requireString = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.length === 0 || value.length > 128) {
    throw new StrError('validation', `${field} is required`, false, { issues: [{ path: field, code: 'invalid', message: `Pass the ${field}` }] });
  }
  return value;
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

/** Builds, validates and stores a new record; a repeat of the same create returns what is stored. */
async function createRecordIn<T extends RecordType>(core: ClientCore, type: T, fields: Record<string, unknown> & { id?: string }): Promise<RecordOf<T>> {
  const { store, actor } = core;
  core.requireSignedIn();
  const at = core.nowIso();
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
}

/** The core of one client: its store, actor and clock, the role check, and the writes every namespace makes. */
export function makeCore(store: Store, clock: Clock, actor: Actor): ClientCore {
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
  const core: ClientCore = {
    store,
    actor,
    now: () => clock.now(),
    nowIso,
    guard,
    requireString,
    requireSignedIn,
    endSession: () => {
      signedOut = true;
    },
    requireAction: (action, what) => {
      if (!can(actor, action)) throw new StrError('forbidden', `${actor.role} may not ${what}`, false);
    },
    mustGet: async (type, id) => {
      const r = await store.get(type, requireString(id, 'id'));
      if (!r) throw new StrError('not-found', `No ${type} ${id}`, false, { type, id });
      return r;
    },
    createRecord: (type, fields) => createRecordIn(core, type, fields),
    putUpdated: async (type, record, expectedVersion) => {
      requireSignedIn();
      return store.put(type, { ...record, updatedAt: nowIso(), updatedBy: actor.id }, requireString(expectedVersion, 'expectedVersion'));
    },
  };
  return core;
}

/** Every update of every type: `null` clears an optional field. */
export const updateRecord = <T extends RecordType>(core: ClientCore, type: T, current: RecordOf<T>, changes: Record<string, unknown>, expectedVersion: string): Promise<RecordOf<T>> =>
  core.putUpdated(type, applyChanges(current, changes), expectedVersion);

/** The read verbs every namespace has, with one argument order. */
export interface ReadVerbs<R> {
  /** Newest first; pass `serviceUserId` for one person's records. */
  list(query?: Query): Promise<Page<R>>;
  /** One record; `not-found` if there is none. */
  get(id: string): Promise<R>;
  /** Every version, oldest first. */
  history(id: string): Promise<readonly R[]>;
}

/** `markEnteredInError` (every type but alerts): the record stays, visible and marked, never deleted. */
export interface MarkEnteredInError<R> {
  /** Marks the record entered in error with a reason. Stale `expectedVersion` → `conflict`; already marked → `validation`. */
  markEnteredInError(id: string, reason: string, expectedVersion: string): Promise<R>;
}

/** `list`, `get` and `history` of one record type; `plural` and `singular` name it in messages (no content). */
export function readVerbs<T extends RecordType>(core: ClientCore, type: T, plural: string, singular: string): ReadVerbs<RecordOf<T>> {
  const { store, guard, mustGet, requireString } = core;
  return {
    list: (query) => guard(`Listing ${plural}`, () => store.list(type, query)),
    get: (id) => guard(`Reading ${singular}`, () => mustGet(type, id)),
    history: (id) => guard(`Reading ${singular} history`, () => store.history(type, requireString(id, 'id'))),
  };
}

const EieReasonSchema = noteText(500, true, 'Enter why this record was entered in error');

export const enteredInErrorRefusal = (type: string, id: string) =>
  new StrError('validation', `${type} ${id} is marked entered in error`, false, {
    issues: [{ path: '', code: 'entered-in-error', message: 'This was marked entered in error and cannot be changed' }],
  });

/**
 * `markEnteredInError` of one record type: `action` is the role table's, `mayMark` refuses (throws `forbidden`) when
 * this actor may not mark this record (e.g. someone else's contact).
 */
export function markEnteredInErrorVerb<T extends RecordType>(
  core: ClientCore, type: T, action: Action, mayMark: (record: RecordOf<T>) => void = () => undefined,
  /** Fields that say why a version was made (a care team's `changeReason`): the marked version does not carry them. */
  perVersion: readonly string[] = [],
): MarkEnteredInError<RecordOf<T>>['markEnteredInError'] {
  const { guard, requireAction, mustGet, putUpdated, nowIso, actor } = core;
  return (id, reason, expectedVersion) =>
    guard(`Marking a ${type} entered in error`, async () => {
      requireAction(action, `mark ${type} records entered in error`);
      const why = parseOrThrow(EieReasonSchema, reason, 'The reason');
      const current = await mustGet(type, id);
      mayMark(current);
      if (current.enteredInError) {
        throw new StrError('validation', `${type} ${id} is already marked entered in error`, false, {
          issues: [{ path: '', code: 'entered-in-error', message: 'This is already marked entered in error' }],
        });
      }
      return putUpdated(type, { ...without(current, ...perVersion), enteredInError: { reason: why, at: nowIso(), by: actor.id } }, expectedVersion);
    });
}

/** A copy of `r` without the given keys (an optional field cleared is absent, never `undefined`). */
export function without<R extends object>(r: R, ...keys: string[]): R {
  const copy = { ...r } as Record<string, unknown>;
  for (const k of keys) delete copy[k];
  return copy as R;
}

/** Applies changes where `null` means "clear this optional field" (every update of every type). */
export function applyChanges<R extends object>(current: R, changes: Record<string, unknown>): R {
  const out = { ...current } as Record<string, unknown>;
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out as R;
}
