// IndexedDB and DOMException failures as StrErrors, the database-name check and the persistence request, shared by
// the IndexedDB store and the drafts store.
import { StrError, isStrError } from '../../errors.js';

/** Less free space than this (bytes, by the browser's own estimate) and a failed write is read as a full device. */
const NEARLY_FULL_BYTES = 5 * 1024 * 1024;

const nameOf = (e: unknown): string | undefined => {
  try {
    const name = (e as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
};

const outOfSpace = (e: unknown, what: string) =>
  new StrError('storage', `${what}: this device is out of storage space`, false, { reason: 'quota' }, { cause: e });

/** IndexedDB and DOMException failures → StrError; a full disk says so. */
export function storageError(e: unknown, what: string): StrError {
  if (isStrError(e)) return e;
  const name = nameOf(e);
  if (name === 'QuotaExceededError') return outOfSpace(e, what);
  return new StrError('storage', `${what}: the device store failed (${name ?? 'unknown error'})`, true, {}, { cause: e });
}

/**
 * `storageError`, and a failure the browser gives no name for (Chromium: `UnknownError` when the disk itself is full,
 * not the origin's quota) is read as "out of storage space" when the browser's own estimate says there is almost no
 * room left, so the worker is told in words what to do instead of "the device store failed (UnknownError)".
 */
export async function writeError(e: unknown, what: string): Promise<StrError> {
  const err = storageError(e, what);
  const name = nameOf(e);
  if (err.details.reason === 'quota' || (name !== 'UnknownError' && name !== 'AbortError')) return err;
  try {
    const { usage, quota } = (await globalThis.navigator?.storage?.estimate?.()) ?? {};
    if (typeof usage === 'number' && typeof quota === 'number' && quota - usage < NEARLY_FULL_BYTES) return outOfSpace(e, what);
  } catch {
    // No estimate: say what we know.
  }
  return err;
}

/** The `name` option of an IndexedDB adapter, checked; a validation StrError otherwise. */
export function databaseName(options: unknown, what: string): string {
  let name: unknown;
  try {
    name = (options as { name?: unknown } | undefined)?.name;
  } catch {
    name = undefined;
  }
  if (typeof name !== 'string' || name.length === 0 || name.length > 200) {
    throw new StrError('validation', `${what} needs a database name`, false, { issues: [{ path: 'name', code: 'invalid', message: 'Pass a database name' }] });
  }
  return name;
}

export async function requestPersistence(): Promise<boolean> {
  try {
    return (await globalThis.navigator?.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
