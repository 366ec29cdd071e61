// Batch pushes to the record system (issue 16, docs/adr/0003-offline-first.md): R4 `batch` Bundles whose entries never
// depend on each other; resources that refer to each other go in a later Bundle. Each answer is checked against its own
// request before it is trusted.
import type { BatchItem, BatchOutcome } from '../../batch.js';
import { StrError, isStrError } from '../../errors.js';
import type { Contact } from '../../schemas/contact.js';
import { parseRecord } from '../../schemas/parse.js';
import { serviceUserIdOf, type AnyRecord, type RecordOf, type RecordType } from '../../schemas/registry.js';
import { sameContent } from '../shared.js';
import { PAGE, SIMPLE, type FhirCore } from './fhir-core.js';
import type { Bundle, Resource } from './fhir-types.js';
import { sameEncounter } from './fhir-writes.js';
import { digest } from './map-common.js';
import { contactToEncounter, noteDocumentId, noteToDocumentReference } from './map-contact.js';

/**
 * Record types that are one resource with nothing to look up or write beside it, so their creates and their
 * `If-Match` updates can go in a batch. Contacts' creates go too, in two batches (docs/adr/0003-offline-first.md).
 * The rest take the one-record path.
 */
const BATCHED: ReadonlySet<RecordType> = new Set(['carePlan', 'goal', 'task', 'progressNote', 'warningSignPlan', 'careTeam']);

/** One entry of a batch: what is sent, and what its answer must be about. */
interface BatchEntry {
  readonly method: 'POST' | 'PUT';
  readonly resource: Resource;
  /** POST: the conditional create's identifier; PUT: the resource's server id and the version it must still be at. */
  readonly identifier?: { readonly system: string; readonly value: string };
  readonly id?: string;
  readonly ifMatch?: string;
}

/** A batch entry's answer: `ok` (2xx, checked against its request), `retry` (transport-class), `refused` (a 4xx). */
type EntryAnswer = { readonly kind: 'ok'; readonly status: number; readonly resource: Resource } | { readonly kind: 'retry'; readonly error: StrError } | { readonly kind: 'refused'; readonly status: number };

/**
 * An item ready to send: its place in the request, the parsed record and its Patient reference; for an update, the
 * version it is based on (and once found, the resource's server id).
 */
interface Prepared { readonly i: number; readonly type: RecordType; readonly record: RecordOf<RecordType>; readonly subject: string; readonly expectedVersion?: string; serverId?: string }
/** A contact ready to send, and once its Encounter is there, the Encounter. */
type Contacted = Prepared & { readonly c: Contact; readonly noteDigest?: string; enc?: Resource };

const bundleOf = (entries: readonly BatchEntry[]) => ({
  resourceType: 'Bundle', type: 'batch',
  entry: entries.map((e) => ({
    resource: e.method === 'PUT' ? { ...e.resource, id: e.id! } : e.resource,
    request: e.method === 'POST'
      ? { method: 'POST', url: e.resource.resourceType, ifNoneExist: `identifier=${e.identifier!.system}|${e.identifier!.value}` }
      : { method: 'PUT', url: `${e.resource.resourceType}/${e.id!}`, ifMatch: e.ifMatch! },
  })),
});

/** One entry's answer, checked against what was sent in its place. */
function answerOf(sent: BatchEntry, answer: { resource?: Resource; response?: { status?: string } }, i: number): EntryAnswer {
  const status = Number(/^\s*(\d{3})/.exec(answer.response?.status ?? '')?.[1] ?? NaN);
  const wrong = (what: string): EntryAnswer => ({ kind: 'retry', error: new StrError('transport', `POST batch, entry ${i + 1}: ${what}`, true, { ...(Number.isFinite(status) && { status }) }) });
  if (!Number.isFinite(status)) return wrong('the answer has no status');
  if (status === 429 || status >= 500) return wrong(`the record system is busy or failing (HTTP ${status})`);
  if (status >= 300) return { kind: 'refused', status };
  const r = answer.resource;
  if (!r) return { kind: 'refused', status }; // no representation: the one-record path reads it back
  if (r.resourceType !== sent.resource.resourceType) return wrong('the answer was for another resource type');
  if (sent.identifier && !r.identifier?.some((x) => x.system === sent.identifier!.system && x.value === sent.identifier!.value)) return wrong('the answer was for another identifier');
  if (sent.id !== undefined && r.id !== sent.id) return wrong('the answer was for another id');
  if (!r.id || !r.meta?.versionId) return wrong('the answer has no id or version');
  return { kind: 'ok', status, resource: r };
}

/** Sends batches for one `fhirStore`, and remembers whether its record system takes them. */
export class FhirBatcher {
  /** Whether the record system takes `batch` Bundles: asked once (CapabilityStatement), and no after a refused Bundle. */
  #batching: boolean | undefined;

  constructor(private readonly core: FhirCore) {}

  async #allowed(): Promise<boolean> {
    if (this.#batching !== undefined) return this.#batching;
    try {
      const res = await this.core.http.request('GET', 'metadata');
      const rest = (res.resource?.rest as { interaction?: { code?: string }[] }[] | undefined) ?? [];
      this.#batching = res.status === 200 && rest.some((r) => r.interaction?.some((i) => i.code === 'batch'));
    } catch (e) {
      // Asked to wait (429/503 Retry-After): nothing more now, the caller waits. Else not known yet: one record at a
      // time this run, ask again next.
      if (isStrError(e) && e.retryable && e.details.retryAfterMs !== undefined) throw e;
      if (isStrError(e) && e.retryable) return false;
      this.#batching = false;
    }
    return this.#batching;
  }

  /**
   * One R4 `batch` Bundle. Entries never depend on each other and may be applied in any order. Each answer is checked
   * against its own request (type; identifier of a conditional create; id of an update): a reply for another resource,
   * reordered or missing entries are transport-class and sent again, never trusted. Returns undefined when the record
   * system refused the Bundle itself (it does not do batches): the caller sends one record at a time.
   */
  async #send(entries: readonly BatchEntry[]): Promise<EntryAnswer[] | undefined> {
    if (entries.length === 0) return [];
    let res;
    try {
      res = await this.core.http.request('POST', '', bundleOf(entries), { prefer: 'return=representation' });
    } catch (e) {
      if (isStrError(e) && e.retryable) throw e;
      if (isStrError(e) && (e.code === 'unauthenticated' || e.code === 'aborted')) throw e;
      this.#batching = false; // a 4xx OperationOutcome on the Bundle itself: this record system does not take batches
      return undefined;
    }
    if (res.status !== 200) {
      this.#batching = false;
      return undefined;
    }
    const reply = res.resource as Bundle & { entry?: { resource?: Resource; response?: { status?: string } }[] };
    if (reply.type !== 'batch-response' || (reply.entry?.length ?? 0) !== entries.length) {
      throw new StrError('transport', `POST batch: the reply was for another request (${reply.entry?.length ?? 0} entries for ${entries.length})`, true);
    }
    return entries.map((sent, i) => answerOf(sent, reply.entry![i]!, i));
  }

  /** Parses each wanted item and finds its Patient; one that is invalid or whose person is not there is left alone. */
  async #prepare(items: readonly BatchItem[], wanted: readonly number[]): Promise<Prepared[]> {
    const prepared: Prepared[] = [];
    for (const i of wanted) {
      const { type, record, expectedVersion } = items[i]!;
      try {
        const parsed = parseRecord(type, record);
        const suid = serviceUserIdOf(type, parsed);
        prepared.push({ i, type, record: parsed, subject: suid ? await this.core.patientReference(suid) : '', ...(typeof expectedVersion === 'string' && { expectedVersion }) });
      } catch (e) {
        if (isStrError(e) && e.retryable) throw e;
        // Invalid, or the person is not in the record system: the one-record path says so.
      }
    }
    return prepared;
  }

  /**
   * Creates and updates in batches (docs/adr/0003-offline-first.md): single-resource records (creates, and `If-Match`
   * updates of resources found first by identifier, one search for many) and contacts' Encounters (each naming its
   * note document by identifier) in the first Bundle, then the note documents of the Encounters that are there, each
   * naming its Encounter. An answer that says the resource already existed is accepted only when it holds the same
   * content; anything else (a conflict, a resource not found) is left to the one-record path, which judges it.
   */
  async putBatch(items: readonly BatchItem[]): Promise<BatchOutcome[]> {
    const out: BatchOutcome[] = items.map(() => ({ kind: 'alone' }));
    const wanted = items.flatMap((it, i) => (BATCHED.has(it.type) || (it.expectedVersion === undefined && it.type === 'contact') ? [i] : []));
    if (wanted.length === 0 || !(await this.#allowed())) return out;
    const run = new BatchRun(this.core, out, await this.#prepare(items, wanted));
    await run.locate();
    const written = await run.first((entries) => this.#send(entries));
    if (!written) return out;
    const docs = await run.notes(written, (entries) => this.#send(entries));
    if (!docs) return out;
    const unlinked = await run.link(docs, (entries) => this.#send(entries));
    if (!unlinked) return out;
    for (const p of written) if ((p.noteDigest === undefined || docs.has(p)) && !unlinked.has(p)) run.saved(p, p.enc!);
    return out;
  }
}

type Send = (entries: readonly BatchEntry[]) => Promise<EntryAnswer[] | undefined>;

/** One `putBatch`: its items, and the outcome of each as the Bundles come back. */
class BatchRun {
  readonly #simple: Prepared[];
  #updates: Prepared[];
  readonly #contacts: Contacted[];

  constructor(private readonly core: FhirCore, private readonly out: BatchOutcome[], prepared: readonly Prepared[]) {
    this.#simple = prepared.filter((p) => p.type !== 'contact' && p.expectedVersion === undefined);
    this.#updates = prepared.filter((p) => p.type !== 'contact' && p.expectedVersion !== undefined);
    this.#contacts = prepared.filter((p) => p.type === 'contact').map((p) => {
      const c = p.record as Contact;
      return { ...p, c, ...(c.note && { noteDigest: digest(c.note) }) };
    });
  }

  saved(p: Prepared, r: Resource): void {
    const record = { ...p.record, version: r.meta!.versionId! } as AnyRecord;
    this.out[p.i] = { kind: 'saved', record };
    const suid = serviceUserIdOf(p.type, p.record);
    this.core.listeners.emit({ type: p.type, id: p.record.id, version: record.version, ...(suid !== undefined && { serviceUserId: suid }) });
  }

  /** The resource an answer holds when it is ours: made now, or there already with our content. */
  #accepted(p: Prepared, a: EntryAnswer | undefined, same: (r: Resource) => boolean): Resource | undefined {
    if (a?.kind === 'retry') this.out[p.i] = { kind: 'retry', error: a.error };
    if (a?.kind !== 'ok') return undefined;
    if (a.status === 201) return a.resource;
    try {
      return same(a.resource) ? a.resource : undefined; // it existed: ours only if the content is ours
    } catch {
      return undefined;
    }
  }

  /**
   * The server ids of the resources to update, by identifier: one search for up to 40 of a resource type. One not
   * there, or there twice, is left to the one-record path (a conflict, or a `mapping` error naming both).
   */
  async locate(): Promise<void> {
    const { core } = this;
    const byType = new Map<string, Prepared[]>();
    for (const p of this.#updates) byType.set(SIMPLE[p.type]!.resourceType, [...(byType.get(SIMPLE[p.type]!.resourceType) ?? []), p]);
    for (const [resourceType, group] of byType) {
      for (let k = 0; k < group.length; k += 40) {
        const chunk = group.slice(k, k + 40);
        const found = await core.retrying(() => core.http.searchAll(resourceType, [['identifier', chunk.map((p) => `${core.ns.id}|${p.record.id}`).join(',')], ['_count', String(PAGE)]]));
        for (const p of chunk) {
          const mine = found.filter((r) => r.identifier?.some((x) => x.system === core.ns.id && x.value === p.record.id));
          if (mine.length === 1 && mine[0]!.id) p.serverId = mine[0]!.id;
        }
      }
    }
    this.#updates = this.#updates.filter((p) => p.serverId !== undefined);
  }

  /**
   * 1. Single-resource records (creates and updates), and the contacts' Encounters: each names its note document by identifier (note-ref),
   * which needs no server id, so nothing in this Bundle depends on another entry. Returns the contacts whose
   * Encounter is there (undefined: the record system does not take batches).
   */
  async first(send: Send): Promise<Contacted[] | undefined> {
    const ns = this.core.ns;
    const simple = this.#simple;
    const updates = this.#updates;
    const answers = await send([
      ...simple.map((p): BatchEntry => ({ method: 'POST', resource: SIMPLE[p.type]!.to(p.record as never, p.subject, ns), identifier: { system: ns.id, value: p.record.id } })),
      ...this.#contacts.map((p): BatchEntry => ({
        method: 'POST', resource: contactToEncounter(p.c, { patientReference: p.subject }, p.noteDigest, ns), identifier: { system: ns.id, value: p.c.id },
      })),
      ...updates.map((p): BatchEntry => ({ method: 'PUT', resource: SIMPLE[p.type]!.to(p.record as never, p.subject, ns), id: p.serverId!, ifMatch: `W/"${p.expectedVersion!}"` })),
    ]);
    if (!answers) return undefined;
    // An update the record system applied is ours (its id checked); a 409/412 is judged by the one-record path.
    const afterCreates = simple.length + this.#contacts.length;
    updates.forEach((p, k) => {
      const r = this.#accepted(p, answers[afterCreates + k], () => true);
      if (r) this.saved(p, r);
    });
    simple.forEach((p, k) => {
      const r = this.#accepted(p, answers[k], (got) => sameContent(parseRecord(p.type, SIMPLE[p.type]!.from(got, ns)), p.record));
      if (r) this.saved(p, r);
    });
    this.#contacts.forEach((p, k) => {
      const r = this.#accepted(p, answers[simple.length + k], (enc) => sameEncounter(this.core, enc, p.c, p.subject, p.noteDigest));
      if (r) p.enc = r;
    });
    return this.#contacts.filter((p) => p.enc);
  }

  /** 2. The note documents of the contacts whose Encounter is there, each naming it (context.encounter). */
  async notes(written: readonly Contacted[], send: Send): Promise<Map<Contacted, Resource> | undefined> {
    const ns = this.core.ns;
    const withNote = written.filter((p) => p.noteDigest !== undefined);
    const answers = await send(withNote.map((p): BatchEntry => ({
      method: 'POST', resource: noteToDocumentReference(p.c, { patientReference: p.subject, encounterReference: `Encounter/${p.enc!.id}` }, p.noteDigest!, ns),
      identifier: { system: ns.noteId, value: noteDocumentId(p.c.id, p.noteDigest!) },
    })));
    if (!answers) return undefined;
    const docs = new Map<Contacted, Resource>();
    withNote.forEach((p, k) => {
      const a = answers[k];
      if (a?.kind === 'retry') this.out[p.i] = { kind: 'retry', error: a.error };
      if (a?.kind === 'ok') docs.set(p, a.resource); // ours by its identifier, which carries the digest of the text
    });
    return docs;
  }

  /**
   * 3. Only for a note an earlier STR Kit wrote before its Encounter and never linked: link it now (If-Match; a 412
   * means an earlier attempt linked it). Contacts written by this one never need this step. Returns those still unlinked.
   */
  async link(docs: ReadonlyMap<Contacted, Resource>, send: Send): Promise<Set<Contacted> | undefined> {
    const ns = this.core.ns;
    const toLink = [...docs].filter(([, doc]) => !(doc.context as { encounter?: unknown[] } | undefined)?.encounter?.length);
    const answers = await send(toLink.map(([p, doc]): BatchEntry => ({
      method: 'PUT', id: doc.id!, ifMatch: `W/"${doc.meta?.versionId}"`,
      resource: noteToDocumentReference(p.c, { patientReference: p.subject, encounterReference: `Encounter/${p.enc!.id}` }, p.noteDigest!, ns),
    })));
    if (!answers) return undefined;
    return new Set<Contacted>(toLink.filter(([p], k) => {
      const a = answers[k]!;
      if (a.kind === 'retry') this.out[p.i] = { kind: 'retry', error: a.error };
      return !(a.kind === 'ok' || (a.kind === 'refused' && a.status === 412));
    }).map(([p]) => p));
  }
}
