// Batch pushes (issue 16, docs/adr/0003-offline-first.md): a remote store that can send many records in one request
// says so with `putBatch`; the sync engine feeds each outcome into the same exactly-once bookkeeping as a single put.
import type { StrError } from './errors.js';
import type { AnyRecord, RecordType } from './schemas/registry.js';

export interface BatchItem {
  readonly type: RecordType;
  readonly record: AnyRecord;
  /** The record system's version the change is based on; none for a create. */
  readonly expectedVersion?: string;
}

/**
 * What became of one item: `saved` (the record system holds it as `record.version`), `retry` (something in the way
 * garbled or lost this entry's answer: a transport-class failure, sent again later), or `alone` (not settled by the
 * batch: a kind the batch does not carry, or an answer only the one-record path may judge, e.g. a conflict).
 */
export type BatchOutcome =
  | { readonly kind: 'saved'; readonly record: AnyRecord }
  | { readonly kind: 'retry'; readonly error: StrError }
  | { readonly kind: 'alone' };

export interface BatchPut {
  /**
   * Sends the items in as few requests as the record system allows; one outcome per item, in order. Throws a
   * retryable `transport` StrError when the exchange as a whole failed (nothing about any item is known).
   */
  putBatch(items: readonly BatchItem[]): Promise<BatchOutcome[]>;
}

/** Whether a store can send in batches. */
export const canBatch = (store: object): store is BatchPut => typeof (store as Partial<BatchPut>).putBatch === 'function';
