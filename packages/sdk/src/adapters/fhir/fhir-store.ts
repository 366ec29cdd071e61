// A store on any FHIR R4 server (DESIGN.md, "FHIR R4"; docs/adr/0002-fhir-mapping.md). This module holds the reads
// and puts the parts together: fhir-core.ts (connection, shared reads), fhir-writes.ts (one record at a time) and
// fhir-batch.ts (batch pushes, issue 16).
import type { BatchPut } from '../../batch.js';
import { StrError, isStrError } from '../../errors.js';
import type { Page, Query, Store } from '../../ports.js';
import { serviceUserIdOf, sortKeyOf, statusOf, type RecordOf, type RecordType } from '../../schemas/registry.js';
import { compareDesc, encodeCursor, isAfter, normaliseQuery } from '../query.js';
import { assertId, assertType } from '../shared.js';
import { FhirBatcher } from './fhir-batch.js';
import { FhirCore, PAGE, SIMPLE, assertSupported, resourceTypeOf, type FhirStoreOptions } from './fhir-core.js';
import { readPeople } from './fhir-people.js';
import type { Resource } from './fhir-types.js';
import { putRecord } from './fhir-writes.js';
import { strIdOf } from './map-common.js';

export type { FhirStoreOptions } from './fhir-core.js';

/** The latest `meta.lastUpdated` among resources (the record system's clock), as an ISO instant. */
function latestChange(resources: readonly Resource[]): string | undefined {
  let latest = -Infinity;
  for (const r of resources) latest = Math.max(latest, Date.parse(r.meta?.lastUpdated ?? '') || -Infinity);
  return Number.isFinite(latest) ? new Date(latest).toISOString() : undefined;
}

/**
 * The `date` bounds of a contact search: the query's range, and for a later page only contacts that start at or before
 * the cursor's (a day's slack either way; the exact cut is made on the resources), so a walk never reads every match again.
 */
function contactDates(q: ReturnType<typeof normaliseQuery>): [string, string][] {
  const day = 86_400_000;
  const out: [string, string][] = [];
  if (q.from !== undefined) out.push(['date', `ge${new Date(q.from - day).toISOString()}`]);
  if (q.to !== undefined) out.push(['date', `lt${new Date(q.to).toISOString()}`]);
  if (q.after !== undefined && Number.isFinite(q.after.key)) out.push(['date', `lt${new Date(q.after.key + day).toISOString()}`]);
  return out;
}

/** `_lastUpdated=ge…` for `Query.changedSince` (the record system's clock), or a validation error. */
function changedSinceParam(since: unknown): [string, string][] {
  if (since === undefined) return [];
  if (typeof since !== 'string' || Number.isNaN(Date.parse(since))) throw new StrError('validation', 'changedSince must be an ISO 8601 instant', false, { issues: [{ path: 'changedSince', code: 'invalid', message: 'Pass an ISO 8601 instant' }] });
  return [['_lastUpdated', `ge${new Date(since).toISOString()}`]];
}

/** Where a resource sorts: the contact's start, or a person's record creation time. */
function keyOf(core: FhirCore, type: RecordType, r: Resource): number {
  return type === 'contact'
    ? Date.parse((r.period as { start?: string } | undefined)?.start ?? '')
    : Date.parse(r.extension?.find((e) => e.url === `${core.ns.extension}record`)?.extension?.find((e) => e.url === 'createdAt')?.valueDateTime ?? '');
}

/**
 * Whether a contact's Encounter names another person by STR identifier: a server that ignored `subject` returned
 * everyone's (issue 21). One that names nobody stays, for its mapping to report it as unreadable.
 */
function namesAnother(core: FhirCore, enc: Resource, serviceUserId: string): boolean {
  const id = (enc.subject as { identifier?: { system?: string; value?: string } } | undefined)?.identifier;
  return id?.system === core.ns.id && id.value !== serviceUserId;
}

async function getRecord<T extends RecordType>(core: FhirCore, type: T, id: string): Promise<RecordOf<T> | undefined> {
  assertType(type);
  assertId(id);
  assertSupported(type);
  const found = await core.findOne(resourceTypeOf(type), id);
  if (!found) return undefined;
  const [r] = await core.fromFhir(type, [found]);
  return r;
}

/**
 * The search parameters of a list: the person (R4 `subject`), a contact's dates, and changed since. Undefined when the
 * person is not in the record system (nothing to list).
 */
async function listParams(core: FhirCore, type: RecordType, q: ReturnType<typeof normaliseQuery>, query: Query | undefined): Promise<[string, string][] | undefined> {
  const params: [string, string][] = [['_count', String(PAGE)]];
  if (type === 'contact' || SIMPLE[type]?.patient) {
    if (q.serviceUserId !== undefined) {
      let ref: string;
      try {
        ref = await core.patientReference(q.serviceUserId, query?.signal);
      } catch (e) {
        if (isStrError(e, 'not-found')) return undefined;
        throw e;
      }
      params.push(['subject', ref]);
    }
    if (type === 'contact') params.push(...contactDates(q));
  }
  params.push(...(SIMPLE[type]?.search?.(core.ns) ?? []));
  // Changed since, by the record system's clock (`_lastUpdated`), never the device's: issue 16.
  params.push(...changedSinceParam(query?.changedSince));
  return params;
}

async function listRecords<T extends RecordType>(core: FhirCore, type: T, query?: Query): Promise<Page<RecordOf<T>>> {
  assertType(type);
  assertSupported(type);
  const q = normaliseQuery(query);
  // The caller's signal cancels every request of this read (docs/adr/0004-right-person-right-actor.md).
  const signal = query?.signal;
  // R4 sorts a Period descending by its end, not its start, so server order cannot give ours: read every match
  // (R4 search parameters only, bounded by date where given) and order here. docs/adr/0002-fhir-mapping.md.
  // Resources without our identifier are filtered out here rather than by `identifier=system|`, which some
  // servers answer slowly; `subject` (not `patient`) for the same reason — both are R4 Encounter parameters.
  const params = await listParams(core, type, q, query);
  if (!params) return { items: [] };
  const resources = await core.retrying(() => core.http.searchAll(resourceTypeOf(type), params, signal), signal);
  const changedUpTo = latestChange(resources);
  const simple = SIMPLE[type];
  if (simple) {
    // One resource per record: map them all, then filter by status, order and cut the page.
    const mine = resources.filter((r) => strIdOf(r, core.ns) !== undefined && (simple.accepts?.(r, core.ns) ?? true));
    const each = await core.fromFhirEach(type, mine, signal);
    const all = each.records
      .filter((r) => (q.serviceUserId === undefined || serviceUserIdOf(type, r) === q.serviceUserId) && (q.status === undefined || statusOf(type, r) === q.status))
      .map((r) => ({ r, key: sortKeyOf(type, r), id: r.id }))
      .filter((p) => (q.from === undefined || p.key >= q.from) && (q.to === undefined || p.key < q.to) && isAfter(p, q.after))
      .sort(compareDesc);
    const page = all.slice(0, q.limit);
    const last = page[page.length - 1];
    return { items: page.map((p) => p.r), ...(all.length > q.limit && last && { next: encodeCursor(last) }), ...(changedUpTo && { changedUpTo }), ...(each.unreadable.length > 0 && { unreadable: each.unreadable }) };
  }
  // Order and cut the page from the resources themselves; fetch notes only for the page.
  const positioned = resources
    .map((res) => ({ res, key: keyOf(core, type, res), id: strIdOf(res, core.ns) ?? '' }))
    .filter((p) => p.id !== '' && !Number.isNaN(p.key))
    .filter((p) => q.serviceUserId === undefined || (type === 'serviceUser' ? p.id === q.serviceUserId : !namesAnother(core, p.res, q.serviceUserId)))
    .filter((p) => (q.from === undefined || p.key >= q.from) && (q.to === undefined || p.key < q.to) && isAfter(p, q.after))
    .sort(compareDesc);
  const page = positioned.slice(0, q.limit);
  const last = page[page.length - 1];
  const { records: items, unreadable } = await core.fromFhirEach(type, page.map((p) => p.res), signal);
  return { items, ...(positioned.length > q.limit && last && { next: encodeCursor(last) }), ...(changedUpTo && { changedUpTo }), ...(unreadable.length > 0 && { unreadable }) };
}

async function historyOf<T extends RecordType>(core: FhirCore, type: T, id: string): Promise<RecordOf<T>[]> {
  assertType(type);
  assertId(id);
  assertSupported(type);
  const found = await core.findOne(resourceTypeOf(type), id);
  if (!found) return [];
  const res = await core.retrying(() => core.http.request('GET', `${found.resourceType}/${found.id}/_history?_count=1000`));
  const entries = ((res.resource as { entry?: { resource?: Resource }[] } | undefined)?.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  // The port promises oldest first. FHIR says a history is newest first, but not every server keeps to it (Medplum's
  // memory store gives the current version first, then the rest oldest first): ordered by lastUpdated, ties as served.
  const when = (r: Resource) => Date.parse((r.meta as { lastUpdated?: string } | undefined)?.lastUpdated ?? '') || 0;
  const oldestFirst = entries.reverse().map((r, i) => ({ r, i })).sort((a, b) => when(a.r) - when(b.r) || a.i - b.i).map((x) => x.r);
  return (await core.fromFhir(type, oldestFirst)) as RecordOf<T>[];
}

/**
 * A store on any FHIR R4 server (DESIGN.md, "FHIR R4"). Creates are conditional on the STR identifier
 * (`If-None-Exist`), updates carry `If-Match: W/"<versionId>"`; the record's `version` is the server's versionId.
 * A contact is an Encounter plus a DocumentReference for its note, written in a fixed order so a retry completes it.
 */
export function fhirStore(options: FhirStoreOptions): Store & BatchPut {
  const core = new FhirCore(options);
  const batcher = new FhirBatcher(core);
  return {
    name: `fhir:${core.http.base.origin}`,
    durability: 'remote',
    get: (type, id) => getRecord(core, type, id),
    list: (type, query) => listRecords(core, type, query),
    put(type, record, expectedVersion) {
      assertType(type);
      assertSupported(type);
      return putRecord(core, type, record, expectedVersion);
    },
    history: (type, id) => historyOf(core, type, id),
    putBatch: (items) => batcher.putBatch(items),
    readPeople: (ids, options) => readPeople(core, ids, options),
    subscribe: (listener) => core.listeners.add(listener),
  };
}
