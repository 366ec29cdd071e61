// Shared by the stores: one reading of a Query, one order, one cursor format.
import { StrError, isStrError } from '../errors.js';
import type { Query } from '../ports.js';
import { londonDateToEpoch } from '../domain/time.js';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

export interface Position {
  readonly key: number;
  readonly id: string;
}

export interface NormalisedQuery {
  readonly serviceUserId?: string;
  readonly from?: number;
  readonly to?: number;
  readonly status?: string;
  readonly limit: number;
  readonly after?: Position;
}

const bad = (field: string, message: string) =>
  new StrError('validation', `The query is not valid: ${field}`, false, { issues: [{ path: field, code: 'invalid', message }] });

function instant(value: unknown, field: string): number {
  if (typeof value !== 'string') throw bad(field, 'Enter a date (2026-06-03) or a date and time with an offset');
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const t = londonDateToEpoch(value);
    if (t !== undefined) return t;
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return t;
  }
  throw bad(field, 'Enter a date (2026-06-03) or a date and time with an offset');
}

export function encodeCursor(p: Position): string {
  return btoa(JSON.stringify([p.key, p.id])).replace(/=+$/, '');
}

function decodeCursor(cursor: unknown): Position {
  try {
    if (typeof cursor !== 'string') throw new Error('not a string');
    const [key, id] = JSON.parse(atob(cursor)) as unknown[];
    if (typeof key !== 'number' || !Number.isFinite(key) || typeof id !== 'string') throw new Error('shape');
    return { key, id };
  } catch {
    throw bad('cursor', 'This cursor did not come from this store; start again from the first page');
  }
}

export function normaliseQuery(query: unknown): NormalisedQuery {
  try {
    return readQuery(query);
  } catch (e) {
    if (isStrError(e)) throw e;
    throw bad('query', 'This query could not be read');
  }
}

function readQuery(query: unknown): NormalisedQuery {
  if (query === undefined) return { limit: DEFAULT_LIMIT };
  if (typeof query !== 'object' || query === null) throw bad('query', 'Pass a query object');
  const q = query as Query;
  const limit = q.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw bad('limit', `Ask for 1 to ${MAX_LIMIT} items`);
  if (q.serviceUserId !== undefined && typeof q.serviceUserId !== 'string') throw bad('serviceUserId', 'Pass a service user id');
  if (q.status !== undefined && typeof q.status !== 'string') throw bad('status', 'Pass a status');
  return {
    limit,
    ...(q.serviceUserId !== undefined && { serviceUserId: q.serviceUserId }),
    ...(q.status !== undefined && { status: q.status }),
    ...(q.from !== undefined && { from: instant(q.from, 'from') }),
    ...(q.to !== undefined && { to: instant(q.to, 'to') }),
    ...(q.cursor !== undefined && { after: decodeCursor(q.cursor) }),
  };
}

/** Newest first, then id descending: a total order, so cursors are stable while records are added. */
export const compareDesc = (a: Position, b: Position): number => b.key - a.key || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** True when `p` comes after the cursor position in list order. */
export const isAfter = (p: Position, after: Position | undefined): boolean => !after || compareDesc(after, p) < 0;
