// Many people's records in few round trips, for the caseload (issue 21; docs/adr/0023-caseload-summary.md, "FHIR"):
// their Patients by identifier, then per 40 people one search per resource type with an R4 OR list
// (`subject=Patient/a,Patient/b,…`), all in one `batch` Bundle, every page followed; then the contacts' note documents
// the same way. The server's filtering is never trusted: each resource is given to a person only when both its
// reference and its STR person identifier name that person; one that names nobody asked for is someone else's (an
// ignored parameter returned more), one that cannot be placed is reported as unreadable.
import { isAttended } from '../../domain/contacts.js';
import { londonDate, londonDateToEpoch } from '../../domain/time.js';
import { StrError, isStrError } from '../../errors.js';
import type { PersonRead, PersonRecordType, Unreadable } from '../../ports.js';
import type { Contact } from '../../schemas/contact.js';
import { serviceUserIdOf, sortKeyOf, type RecordOf, type RecordType } from '../../schemas/registry.js';
import { compareDesc } from '../query.js';
import type { FhirCore } from './fhir-core.js';
import type { Bundle, Identifier, Resource } from './fhir-types.js';
import { checkSearchEntry } from './http.js';
import { strIdOf } from './map-common.js';
import { documentReferenceNote, encounterToContact, noteRefOf } from './map-contact.js';
import { isRelapsePlan, isSignCheck } from './map-relapse.js';

/** People (or note documents) named in one search: an OR list short enough for any server's URL. */
const PER_SEARCH = 40;
/** Searches in one `batch` Bundle. */
const PER_BUNDLE = 50;
/** Page size asked for; a server may give fewer, and every `next` page is followed. */
const COUNT = '1000';

export interface Search { readonly type: string; readonly params: readonly [string, string][] }

/** Whether this record system answered a `batch` of searches; remembered per store. */
const batchReads = new WeakMap<FhirCore, boolean>();

/** Each entry's first page from one `batch` Bundle, each checked as its own search would be; undefined: refused. */
async function firstPages(core: FhirCore, searches: readonly Search[], urls: readonly URL[], signal?: AbortSignal): Promise<Bundle[] | undefined> {
  const base = core.http.base;
  const bundle = {
    resourceType: 'Bundle', type: 'batch',
    entry: urls.map((u) => ({ request: { method: 'GET', url: `${u.pathname.slice(base.pathname.length)}${u.search}` } })),
  };
  let res;
  try {
    res = await core.http.request('POST', '', bundle, {}, signal);
  } catch (e) {
    // A refusal of the Bundle itself (not a passing failure): this record system does not take batches.
    if (isStrError(e) && !e.retryable && (e.code === 'transport' || e.code === 'validation')) return undefined;
    throw e;
  }
  if (res.status !== 200) return undefined;
  const entries = (res.resource as { entry?: { resource?: Resource; response?: { status?: string } }[] }).entry ?? [];
  if (entries.length !== searches.length) throw new StrError('transport', `POST batch: the reply was for another request (${entries.length} entries for ${searches.length})`, true);
  return searches.map((s, i) => {
    const where = `POST batch, entry ${i + 1} (searching ${s.type})`;
    const status = Number(/^\s*(\d{3})/.exec(entries[i]!.response?.status ?? '')?.[1] ?? NaN);
    if (status !== 200) throw new StrError('transport', `${where}: HTTP ${Number.isFinite(status) ? status : 'status missing'}`, !(status >= 400 && status < 500 && status !== 429), { ...(Number.isFinite(status) && { status }) });
    return checkSearchEntry(entries[i]!.resource, urls[i]!, base, s.type, where);
  });
}

/**
 * Every match of each search: the first pages in one R4 `batch` Bundle, then each search's `next` pages. A record
 * system that refuses the Bundle gets the searches one by one (and is not asked again).
 */
export async function searchMany(core: FhirCore, searches: readonly Search[], signal?: AbortSignal): Promise<Resource[][]> {
  const out: Resource[][] = [];
  for (let i = 0; i < searches.length; i += PER_BUNDLE) {
    const group = searches.slice(i, i + PER_BUNDLE);
    const urls = group.map((s) => {
      const u = core.http.url(s.type);
      for (const [k, v] of s.params) u.searchParams.append(k, v);
      return u;
    });
    let first: (Bundle | undefined)[] | undefined;
    if (group.length > 1 && batchReads.get(core) !== false) {
      first = await core.retrying(() => firstPages(core, group, urls, signal), signal);
      if (!first) batchReads.set(core, false);
    }
    out.push(...(await Promise.all(group.map((s, k) => core.retrying(() => core.http.searchOn(s.type, urls[k]!, first?.[k], signal), signal)))));
  }
  return out;
}

const chunks = <T>(xs: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
const idOf = (r: Resource, core: FhirCore): string => strIdOf(r, core.ns) ?? `${r.resourceType}/${r.id ?? '?'}`;
const reasonOf = (e: unknown, r: Resource, type: string) => (isStrError(e) ? e.message : `${r.resourceType} could not be mapped to a ${type}`);

interface Person { readonly serviceUserId: string; readonly reference: string }

/** The people's Patients, by STR identifier: one each, or reported (two carrying one identifier are never resolved). */
async function patientsOf(core: FhirCore, ids: readonly string[], unreadable: Unreadable[], signal?: AbortSignal) {
  const ns = core.ns;
  const found = (await searchMany(core, chunks(ids, PER_SEARCH).map((c) => ({ type: 'Patient', params: [['identifier', c.map((id) => `${ns.id}|${id}`).join(',')], ['_count', COUNT]] })), signal)).flat();
  const users = new Map<string, RecordOf<'serviceUser'>>();
  const people: Person[] = [];
  for (const id of ids) {
    const mine = [...new Map(found.filter((p) => strIdOf(p, ns) === id && p.id).map((p) => [p.id!, p])).values()];
    if (mine.length > 1) {
      core.patientIds.delete(id);
      unreadable.push({ id, reason: `${mine.map((r) => `Patient/${r.id}`).join(' and ')} both carry STR Kit identifier ${id}: the record system must keep one before STR Kit can use it` });
      continue;
    }
    if (mine.length === 0) continue;
    const each = await core.fromFhirEach('serviceUser', mine, signal);
    unreadable.push(...each.unreadable);
    if (each.records[0]) {
      users.set(id, each.records[0]);
      core.patientIds.set(id, mine[0]!.id!);
      people.push({ serviceUserId: id, reference: `Patient/${mine[0]!.id!}` });
    }
  }
  return { users, people };
}

/** The element each searched type names its person in (R4 `subject` reads `Task.for`). */
const SUBJECT: Readonly<Record<string, string>> = { Encounter: 'subject', CarePlan: 'subject', Task: 'for', Flag: 'subject', Observation: 'subject' };

/** The record type a resource is, among those the caseload reads; undefined for others (an alert's Task has no STR id). */
function kindOf(r: Resource, core: FhirCore): PersonRecordType | 'contact' | undefined {
  if (strIdOf(r, core.ns) === undefined) return undefined;
  switch (r.resourceType) {
    case 'Encounter': return 'contact';
    case 'CarePlan': return isRelapsePlan(r, core.ns) ? 'warningSignPlan' : 'carePlan';
    case 'Task': return 'task';
    case 'Flag': return 'alert';
    case 'Observation': return isSignCheck(r, core.ns) ? 'signCheck' : undefined;
    default: return undefined;
  }
}

/**
 * Whose a resource is: the asked person both its reference and its STR person identifier name; `other` when it names
 * nobody asked for (the server returned more than asked: ignored); a reason when it cannot be placed.
 */
function ownerOf(r: Resource, byReference: ReadonlyMap<string, string>, asked: ReadonlySet<string>, core: FhirCore): string | 'other' | { reason: string } {
  const element = r[SUBJECT[r.resourceType] ?? 'subject'] as { reference?: string; identifier?: Identifier } | undefined;
  const ref = typeof element?.reference === 'string' ? element.reference : undefined;
  const claimed = element?.identifier?.system === core.ns.id ? element.identifier.value : undefined;
  const byRef = ref === undefined ? undefined : byReference.get(ref);
  if (byRef !== undefined && byRef === claimed) return byRef;
  if (byRef === undefined && (claimed === undefined || !asked.has(claimed)) && ref !== undefined) return 'other';
  return { reason: `${r.resourceType}/${r.id ?? '?'} names ${ref ?? 'no Patient'} and person ${claimed ?? '(none)'}: it cannot be checked to be about the person asked for` };
}

type Buckets = { contact: Resource[] } & { [T in PersonRecordType]: Resource[] };
const emptyBuckets = (): Buckets => ({ contact: [], carePlan: [], task: [], alert: [], warningSignPlan: [], signCheck: [] });

/** Every Encounter, CarePlan, Task, Flag and Observation about the people, sorted to them and checked. */
async function resourcesOf(core: FhirCore, people: readonly Person[], unreadable: Unreadable[], signal?: AbortSignal): Promise<Map<string, Buckets>> {
  const searches = chunks(people, PER_SEARCH).flatMap((c) => Object.keys(SUBJECT).map((type): Search => ({ type, params: [['subject', c.map((p) => p.reference).join(',')], ['_count', COUNT]] })));
  const byReference = new Map(people.map((p) => [p.reference, p.serviceUserId]));
  const asked = new Set(people.map((p) => p.serviceUserId));
  const out = new Map(people.map((p) => [p.serviceUserId, emptyBuckets()]));
  const seen = new Set<string>();
  for (const r of (await searchMany(core, searches, signal)).flat()) {
    const kind = kindOf(r, core);
    if (!kind || seen.has(`${r.resourceType}/${r.id}`)) continue;
    seen.add(`${r.resourceType}/${r.id}`);
    const owner = ownerOf(r, byReference, asked, core);
    if (owner === 'other') continue;
    if (typeof owner === 'object') unreadable.push({ id: idOf(r, core), reason: owner.reason });
    else out.get(owner)![kind].push(r);
  }
  return out;
}

/** Maps a person's resources of one kind, newest first (the order of `list`); the ones that cannot be read are reported. */
async function recordsIn<T extends PersonRecordType>(core: FhirCore, type: T, serviceUserId: string, resources: readonly Resource[], unreadable: Unreadable[]): Promise<RecordOf<T>[]> {
  const each = await core.fromFhirEach(type as RecordType, resources);
  unreadable.push(...each.unreadable);
  return (each.records as RecordOf<T>[])
    .filter((r) => serviceUserIdOf(type, r) === serviceUserId)
    .map((r) => ({ r, key: sortKeyOf(type, r), id: r.id }))
    .sort(compareDesc)
    .map((p) => p.r);
}

/** Note text by note-document identifier, for the Encounters given; a document that cannot be read is left out. */
async function notesOf(core: FhirCore, encounters: readonly Resource[], signal?: AbortSignal): Promise<Map<string, string>> {
  const ns = core.ns;
  const refs = [...new Set(encounters.map((e) => noteRefOf(e, ns)).filter((r): r is string => !!r))];
  const docs = (await searchMany(core, chunks(refs, PER_SEARCH).map((c) => ({ type: 'DocumentReference', params: [['identifier', c.map((r) => `${ns.noteId}|${r}`).join(',')], ['_count', COUNT]] })), signal)).flat();
  const notes = new Map<string, string>();
  for (const d of docs) {
    const ref = d.identifier?.find((x) => x.system === ns.noteId)?.value;
    try {
      if (ref) notes.set(ref, documentReferenceNote(d));
    } catch {
      // Not UTF-8 text: the contact naming it is reported as unreadable (its note is not there to show).
    }
  }
  return notes;
}

interface Walk { readonly rows: { readonly enc: Resource; readonly attendedBy: boolean }[]; next: number; done: boolean; readonly out: Contact[] }

/**
 * The contacts of each person newest first, down to the newest attended one on or before `until` (as the client's
 * own walk reads them): the Encounters are ordered from their own elements, then only those notes are fetched. When
 * that contact turns out unreadable (its note missing), the walk goes on to the next attended one.
 */
async function contactsOf(core: FhirCore, encounters: ReadonlyMap<string, readonly Resource[]>, until: string, unreadable: Unreadable[], signal?: AbortSignal): Promise<Map<string, Contact[]>> {
  const walks = new Map<string, Walk>();
  for (const [id, encs] of encounters) {
    const rows = encs.flatMap((enc) => {
      try {
        const c = encounterToContact(enc, '', core.ns);
        const key = sortKeyOf('contact', c);
        return Number.isNaN(key) ? [] : [{ enc, key, id: c.id, attendedBy: !c.enteredInError && isAttended(c) && londonDate(key) <= until }];
      } catch (e) {
        unreadable.push({ id: idOf(enc, core), reason: reasonOf(e, enc, 'contact') });
        return [];
      }
    }).sort(compareDesc);
    walks.set(id, { rows, next: 0, done: rows.length === 0, out: [] });
  }
  for (let open = [...walks.values()].filter((w) => !w.done); open.length > 0; open = open.filter((w) => !w.done)) {
    const segments = open.map((w) => {
      const end = w.rows.findIndex((r, i) => i >= w.next && r.attendedBy);
      const seg = w.rows.slice(w.next, end < 0 ? undefined : end + 1);
      w.next += seg.length;
      return { w, seg };
    });
    const notes = await notesOf(core, segments.flatMap((s) => s.seg.map((r) => r.enc)), signal);
    for (const { w, seg } of segments) {
      let lastRead = false;
      for (const r of seg) {
        try {
          w.out.push(core.toContact(r.enc, notes));
          lastRead = true;
        } catch (e) {
          if (isStrError(e, 'transport')) throw e;
          unreadable.push({ id: idOf(r.enc, core), reason: reasonOf(e, r.enc, 'contact') });
          lastRead = false;
        }
      }
      w.done = w.next >= w.rows.length || (lastRead && seg[seg.length - 1]!.attendedBy);
    }
  }
  return new Map([...walks].map(([id, w]) => [id, w.out]));
}

function assertArguments(ids: unknown, until: unknown): asserts ids is readonly string[] {
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && id.length > 0)) {
    throw new StrError('validation', 'readPeople needs a list of person ids', false, { issues: [{ path: 'serviceUserIds', code: 'invalid', message: 'Pass the person ids' }] });
  }
  if (typeof until !== 'string' || londonDateToEpoch(until) === undefined) {
    throw new StrError('validation', 'readPeople needs contactsUntil as a date', false, { issues: [{ path: 'contactsUntil', code: 'invalid', message: 'Enter a date like 2026-06-03' }] });
  }
}

/** `Store.readPeople` for `fhirStore`: four round trips for up to 40 people when nothing pages (the ADR's figures). */
export async function readPeople(core: FhirCore, serviceUserIds: readonly string[], options: { readonly contactsUntil: string; readonly signal?: AbortSignal }): Promise<{ people: Map<string, PersonRead>; unreadable: Unreadable[] }> {
  assertArguments(serviceUserIds, options?.contactsUntil);
  const signal = options.signal;
  const unreadable: Unreadable[] = [];
  const ids = [...new Set(serviceUserIds)];
  const { users, people } = await patientsOf(core, ids, unreadable, signal);
  const resources = await resourcesOf(core, people, unreadable, signal);
  const contacts = await contactsOf(core, new Map([...resources].map(([id, b]) => [id, b.contact])), options.contactsUntil, unreadable, signal);
  const out = new Map<string, PersonRead>();
  for (const id of ids) {
    const b = resources.get(id) ?? emptyBuckets();
    out.set(id, {
      serviceUser: users.get(id),
      contacts: contacts.get(id) ?? [],
      records: {
        carePlan: await recordsIn(core, 'carePlan', id, b.carePlan, unreadable),
        task: await recordsIn(core, 'task', id, b.task, unreadable),
        alert: await recordsIn(core, 'alert', id, b.alert, unreadable),
        warningSignPlan: await recordsIn(core, 'warningSignPlan', id, b.warningSignPlan, unreadable),
        signCheck: await recordsIn(core, 'signCheck', id, b.signCheck, unreadable),
      },
    });
  }
  return { people: out, unreadable };
}
