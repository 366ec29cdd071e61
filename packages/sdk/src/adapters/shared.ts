// Small pieces every store adapter uses, so the three behave the same.
import { StrError } from '../errors.js';
import type { Change, Page, ReadOptions, Store, Unreadable } from '../ports.js';
import { isRecordType, type RecordOf, type RecordType } from '../schemas/registry.js';

/** Deterministic JSON (keys sorted) for comparing two records' content. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Same record apart from the store-owned `version`: a retried create. */
export function sameContent(a: { version: string }, b: { version: string }): boolean {
  return canonicalJson({ ...a, version: '' }) === canonicalJson({ ...b, version: '' });
}

export function assertType(type: unknown): asserts type is RecordType {
  if (!isRecordType(type)) {
    throw new StrError('validation', 'Unknown record type', false, { issues: [{ path: 'type', code: 'invalid', message: 'Use a record type the SDK knows' }] });
  }
}

export function assertId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 128) {
    throw new StrError('validation', 'A record id is required', false, { issues: [{ path: 'id', code: 'invalid', message: 'Pass the record id' }] });
  }
}

export function conflict(type: string, id: string, currentVersion: string | undefined, expected: string | undefined): StrError {
  return new StrError(
    'conflict',
    expected === undefined
      ? `${type} ${id} already exists with different content`
      : `${type} ${id} changed since version ${expected}${currentVersion ? ` (now ${currentVersion})` : ''}`,
    false,
    { type, id, ...(currentVersion !== undefined && { currentVersion }) },
  );
}

/** A set of listeners that are told asynchronously and can never break the store. */
export class Listeners {
  #set = new Set<(c: Change) => void>();
  add(listener: (c: Change) => void): () => void {
    if (typeof listener !== 'function') {
      throw new StrError('validation', 'subscribe needs a function', false, { issues: [{ path: 'listener', code: 'invalid', message: 'Pass a function' }] });
    }
    this.#set.add(listener);
    return () => void this.#set.delete(listener);
  }
  emit(change: Change): void {
    for (const l of [...this.#set]) {
      queueMicrotask(() => {
        try {
          l(change);
        } catch {
          // A listener's own failure is its own; the write already happened.
        }
      });
    }
  }
}

/** Where {@link listAll} reports what it left out, and the signal that aborts it. */
export interface ListAllOptions {
  readonly signal?: AbortSignal;
  /** Records the pages left out as unreadable are added here. */
  readonly unreadable?: Unreadable[];
}

/** Every record of a type about a person, following the store's pages; unreadable ones go to `options.unreadable`. */
export async function listAll<T extends RecordType>(store: Store, type: T, serviceUserId: string | undefined, options: ListAllOptions = {}): Promise<RecordOf<T>[]> {
  const out: RecordOf<T>[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<RecordOf<T>> = await store.list(type, {
      ...(serviceUserId !== undefined && { serviceUserId }), limit: 10_000, ...(cursor !== undefined && { cursor }), ...(options.signal !== undefined && { signal: options.signal }),
    });
    out.push(...page.items);
    options.unreadable?.push(...(page.unreadable ?? []));
    cursor = page.next;
  } while (cursor !== undefined);
  return out;
}

/**
 * Runs a read that gathers records with {@link listAll}, then tells `options.onUnreadable` of every record it left
 * out (docs/adr/0004-right-person-right-actor.md): a left-out record is reported, never silently dropped.
 */
export async function readReporting<R>(options: ReadOptions | undefined, read: (o: ListAllOptions) => Promise<R>): Promise<R> {
  const onUnreadable: unknown = options?.onUnreadable;
  if ((options !== undefined && (typeof options !== 'object' || options === null)) || (onUnreadable !== undefined && typeof onUnreadable !== 'function')) {
    throw new StrError('validation', 'Read options must be { signal?, onUnreadable? }', false, { issues: [{ path: 'onUnreadable', code: 'invalid', message: 'Pass a function' }] });
  }
  const unreadable: Unreadable[] = [];
  const result = await read({ unreadable, ...(options?.signal !== undefined && { signal: options.signal }) });
  if (unreadable.length > 0 && typeof onUnreadable === 'function') {
    try {
      (onUnreadable as NonNullable<ReadOptions['onUnreadable']>)(unreadable);
    } catch {
      // The caller's own failure is its own; the read succeeded.
    }
  }
  return result;
}
