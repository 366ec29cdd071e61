// What every namespace of the client shares (docs/adr/0007-client-verbs.md): the core the client hands each
// namespace, the read verbs (`list`, `get`, `history`), `markEnteredInError`, and "`null` clears a field".
import type { Action } from './domain/permissions.js';
import { StrError } from './errors.js';
import type { Page, Query, Store } from './ports.js';
import { parseOrThrow } from './schemas/parse.js';
import type { Actor } from './schemas/people.js';
import type { RecordOf, RecordType } from './schemas/registry.js';
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
}

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
      return putUpdated(type, { ...current, enteredInError: { reason: why, at: nowIso(), by: actor.id } }, expectedVersion);
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
