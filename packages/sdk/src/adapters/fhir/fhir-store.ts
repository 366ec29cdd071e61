import type { BatchItem, BatchOutcome, BatchPut } from '../../batch.js';
import { StrError, isStrError } from '../../errors.js';
import type { Change, Page, Query, Store, Unreadable } from '../../ports.js';
import type { Contact } from '../../schemas/contact.js';
import { parseRecord } from '../../schemas/parse.js';
import type { ServiceUser, Worker } from '../../schemas/people.js';
import type { Alert, SignCheck } from '../../schemas/relapse.js';
import { serviceUserIdOf, sortKeyOf, statusOf, type AnyRecord, type RecordOf, type RecordType } from '../../schemas/registry.js';
import { compareDesc, encodeCursor, isAfter, normaliseQuery } from '../query.js';
import { Listeners, assertId, assertType, conflict, sameContent } from '../shared.js';
import type { Bundle, Resource } from './fhir-types.js';
import { FhirHttp, type GetToken } from './http.js';
import { digest, readEnvelope, strIdOf } from './map-common.js';
import {
  careTeamToFhir, fhirToCareTeam, carePlanToFhir, fhirToCarePlan, fhirToGoal, fhirToProgressNote, fhirToTask, goalToFhir, practitionerRoleOf, practitionerToWorker, progressNoteToFhir, taskToFhir,
  workerToPractitioner,
} from './map-care-plan.js';
import { alertTaskOf, alertToFhir, type AlertContext, fhirToAlert, fhirToSignCheck, fhirToWarningSignPlan, isRelapsePlan, isSignCheck, signCheckToFhir, warningSignPlanToFhir } from './map-relapse.js';
import { contactToEncounter, documentReferenceNote, encounterToContact, noteDocumentId, noteRefOf, noteStatusOf, noteToDocumentReference } from './map-contact.js';
import { patientToServiceUser, serviceUserToPatient } from './map-patient.js';
import { withNarrative } from './narrative.js';
import { namespaceFrom, type FhirNamespace } from './systems.js';

export interface FhirStoreOptions {
  /** The FHIR R4 base, e.g. `https://fhir.example.org/R4`. All traffic goes here, through `fetch`. */
  readonly baseUrl: string;
  /** The host's fetch (default: the page's). */
  readonly fetch?: typeof fetch;
  /** Gives the bearer token; called again with `refresh: true` once after a 401. */
  readonly getToken?: GetToken;
  /** Namespace for STR Kit identifiers, code systems and extensions (default `urn:strkit`). */
  readonly namespace?: string;
  readonly timeoutMs?: number;
  /** Attempts for one idempotent request on a transient failure (default 3). */
  readonly attempts?: number;
  /**
   * The team's care setting, written as `Encounter.serviceType` (SNOMED CT from UKCore-CareSettingType, checked with
   * Verhoeff). Default 89301000000108 "Community mental health team".
   */
  readonly careSetting?: { readonly code: string; readonly display: string };
}

const PAGE = 200;

/** A record that is one resource. `patient`: it sits in the Patient compartment, listed by R4's `subject` parameter. */
interface SimpleMapping {
  readonly resourceType: string;
  readonly patient: boolean;
  to(record: never, patientReference: string, ns: FhirNamespace): Resource;
  from(resource: Resource, ns: FhirNamespace): unknown;
  /** Which resources of the type are this record type (a CarePlan may be a care plan or a warning-sign plan). */
  accepts?(resource: Resource, ns: FhirNamespace): boolean;
}

/** Record types that are one resource each (docs/adr/0002-fhir-mapping.md). People and contacts have their own paths. */
const SIMPLE: Partial<Record<RecordType, SimpleMapping>> = {
  worker: { resourceType: 'Practitioner', patient: false, to: (w, _p, ns) => workerToPractitioner(w, ns), from: practitionerToWorker },
  carePlan: { resourceType: 'CarePlan', patient: true, to: carePlanToFhir, from: fhirToCarePlan, accepts: (r, ns) => !isRelapsePlan(r, ns) },
  goal: { resourceType: 'Goal', patient: true, to: goalToFhir, from: fhirToGoal },
  task: { resourceType: 'Task', patient: true, to: taskToFhir, from: fhirToTask },
  progressNote: { resourceType: 'DocumentReference', patient: true, to: progressNoteToFhir, from: fhirToProgressNote },
  warningSignPlan: { resourceType: 'CarePlan', patient: true, to: warningSignPlanToFhir, from: fhirToWarningSignPlan, accepts: isRelapsePlan },
  signCheck: { resourceType: 'Observation', patient: true, to: signCheckToFhir, from: fhirToSignCheck, accepts: isSignCheck },
  alert: { resourceType: 'Flag', patient: true, to: alertToFhir, from: fhirToAlert },
  careTeam: { resourceType: 'CareTeam', patient: true, to: careTeamToFhir, from: fhirToCareTeam },
};

/** Record types the FHIR store maps today; the others arrive with their widgets. */
const SUPPORTED: ReadonlySet<RecordType> = new Set(['serviceUser', 'contact', ...(Object.keys(SIMPLE) as RecordType[])]);

/**
 * Record types whose create is one resource with nothing to look up or write beside it, so it can go in a batch.
 * Contacts go too, in two batches (docs/adr/0003-offline-first.md). The rest take the one-record path.
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
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

/**
 * A store on any FHIR R4 server (DESIGN.md, "FHIR R4"). Creates are conditional on the STR identifier
 * (`If-None-Exist`), updates carry `If-Match: W/"<versionId>"`; the record's `version` is the server's versionId.
 * A contact is an Encounter plus a DocumentReference for its note, written in a fixed order so a retry completes it.
 */
export function fhirStore(options: FhirStoreOptions): Store & BatchPut {
  let http: FhirHttp;
  let ns: FhirNamespace;
  let attempts = 3;
  try {
    http = new FhirHttp(options);
    ns = namespaceFrom(options.namespace, { ...(options.careSetting && { careSetting: options.careSetting }) });
    if (options.attempts !== undefined) attempts = Math.max(1, Math.min(10, Math.floor(options.attempts)));
  } catch (e) {
    if (isStrError(e)) throw e;
    throw new StrError('validation', 'fhirStore needs { baseUrl }', false, { issues: [{ path: 'baseUrl', code: 'invalid', message: 'Pass the FHIR base URL' }] }, { cause: e });
  }
  const listeners = new Listeners();
  const patientIds = new Map<string, string>(); // STR service user id → Patient server id

  /**
   * Retries a transient failure of an idempotent step (GET, conditional create, If-Match update). An `aborted` read
   * is never retried, nor is one whose `signal` aborted while it waited to retry.
   */
  async function retrying<R>(fn: () => Promise<R>, signal?: AbortSignal): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (!isStrError(e, 'transport') || !e.retryable || attempt >= attempts) throw e;
        // Never sooner than the record system asked (429/503 `Retry-After`).
        await sleep(Math.max(e.details.retryAfterMs ?? 0, 50 * 3 ** (attempt - 1) * (0.5 + Math.random())));
        if (signal?.aborted) throw new StrError('aborted', 'The read was aborted by its caller', false, {}, { cause: e });
      }
    }
  }

  const byIdentifier = (type: string, system: string, value: string, signal?: AbortSignal) =>
    retrying(() => http.searchAll(type, [['identifier', `${system}|${value}`]], signal), signal);

  /**
   * The one resource carrying this STR id. Two are never resolved by taking the first: a second Patient given someone's
   * identifier would otherwise take over their record (issue 13), so it is a `mapping` error naming both.
   */
  async function findOne(type: string, id: string, signal?: AbortSignal): Promise<Resource | undefined> {
    const found = await byIdentifier(type, ns.id, id, signal);
    if (found.length > 1) {
      const names = found.map((r) => `${r.resourceType}/${r.id}`).join(' and ');
      patientIds.delete(id);
      throw new StrError('mapping', `${names} both carry STR Kit identifier ${id}: the record system must keep one before STR Kit can use it`, false, {
        id, reason: 'duplicate-identifier',
      });
    }
    return found[0];
  }

  async function patientReference(serviceUserId: string, signal?: AbortSignal): Promise<string> {
    let fid = patientIds.get(serviceUserId);
    if (!fid) {
      const p = await findOne('Patient', serviceUserId, signal);
      if (!p?.id) throw new StrError('not-found', `serviceUser ${serviceUserId} is not in the record system`, false, { type: 'serviceUser', id: serviceUserId });
      fid = p.id;
      patientIds.set(serviceUserId, fid);
    }
    return `Patient/${fid}`;
  }

  /** Notes for a set of Encounters, fetched in batches by their note-document identifiers. */
  async function notesFor(encounters: readonly Resource[], signal?: AbortSignal): Promise<Map<string, string>> {
    const refs = [...new Set(encounters.map((e) => noteRefOf(e, ns)).filter((r): r is string => !!r))];
    const notes = new Map<string, string>();
    for (let i = 0; i < refs.length; i += 40) {
      const chunk = refs.slice(i, i + 40);
      const docs = await retrying(() => http.searchAll('DocumentReference', [['identifier', chunk.map((r) => `${ns.noteId}|${r}`).join(',')], ['_count', String(PAGE)]], signal), signal);
      for (const d of docs) {
        const ref = d.identifier?.find((x) => x.system === ns.noteId)?.value;
        if (ref) notes.set(ref, documentReferenceNote(d));
      }
    }
    return notes;
  }

  /** A contact belongs to the Patient its Encounter references: the STR person id beside the reference must be theirs. */
  async function assertOwnPatient(encounters: readonly Resource[], contacts: readonly Contact[]): Promise<void> {
    for (const [i, c] of contacts.entries()) {
      const referenced = (encounters[i]!.subject as { reference?: string } | undefined)?.reference;
      const own = await patientReference(c.serviceUserId);
      if (referenced !== own) {
        throw new StrError('mapping', `Encounter/${encounters[i]!.id} (contact ${c.id}) references ${referenced ?? 'no Patient'}, not ${own} of person ${c.serviceUserId}`, false, {
          type: 'contact', id: c.id,
        });
      }
    }
  }

  function toContact(enc: Resource, notes: Map<string, string>): Contact {
    const ref = noteRefOf(enc, ns);
    const note = ref ? notes.get(ref) : '';
    if (note === undefined) {
      // The Encounter names a note document the record system does not have: lost, never made, or (a new contact is
      // written Encounter first, then its note, docs/adr/0003-offline-first.md) still on its way. Never shown with an
      // empty or another version's note: reported and left out like any unreadable resource, and retrying the whole
      // read would hide the person's other contacts (issue 13). The device that wrote it sends the note on its next run.
      const id = strIdOf(enc, ns) ?? `Encounter/${enc.id ?? '?'}`;
      throw new StrError('mapping', `contact ${id}: its note document ${ref} is not in the record system (lost, or not sent yet)`, false, { type: 'contact', id });
    }
    return parseRecord('contact', encounterToContact(enc, note, ns));
  }

  const fromFhir = async <T extends RecordType>(type: T, resources: readonly Resource[]): Promise<RecordOf<T>[]> => {
    const simple = SIMPLE[type];
    if (simple) return resources.map((r) => parseRecord(type, simple.from(r, ns)));
    if (type === 'serviceUser') return resources.map((p) => parseRecord('serviceUser', patientToServiceUser(p, ns))) as RecordOf<T>[];
    const notes = await notesFor(resources);
    const contacts = resources.map((e) => toContact(e, notes));
    await assertOwnPatient(resources, contacts);
    return contacts as RecordOf<T>[];
  };

  /**
   * Maps each resource on its own: one that cannot be mapped (malformed, or not what STR Kit wrote) is reported by id
   * and reason and left out, so one bad resource never hides a person's other records (issue 14); so is a contact
   * whose note document is missing (issue 13). A transport failure stays a retryable error for the whole read.
   */
  const fromFhirEach = async <T extends RecordType>(type: T, resources: readonly Resource[], signal?: AbortSignal) => {
    const notes = SIMPLE[type] || type === 'serviceUser' ? undefined : await notesFor(resources, signal);
    const records: RecordOf<T>[] = [];
    const unreadable: Unreadable[] = [];
    for (const r of resources) {
      try {
        records.push(...(notes ? [toContact(r, notes) as RecordOf<T>] : await fromFhir(type, [r])));
      } catch (e) {
        if (isStrError(e, 'transport')) throw e;
        let id: string;
        try {
          id = strIdOf(r, ns) ?? `${r.resourceType}/${r.id ?? '?'}`;
        } catch {
          id = '(no id)';
        }
        unreadable.push({ id, reason: isStrError(e) ? e.message : `${r.resourceType ?? 'A resource'} could not be mapped to a ${type}` });
      }
    }
    return { records, unreadable };
  };

  /** Where a resource sorts: the contact's start, or a person's record creation time. */
  const keyOf = (type: RecordType, r: Resource): number =>
    type === 'contact'
      ? Date.parse((r.period as { start?: string } | undefined)?.start ?? '')
      : Date.parse(r.extension?.find((e) => e.url === `${ns.extension}record`)?.extension?.find((e) => e.url === 'createdAt')?.valueDateTime ?? '');

  const resourceType = (type: RecordType) => SIMPLE[type]?.resourceType ?? (type === 'serviceUser' ? 'Patient' : 'Encounter');

  function assertSupported(type: RecordType) {
    if (!SUPPORTED.has(type)) throw new StrError('mapping', `The FHIR store does not map ${type} records yet`, false, { type });
  }

  /** A conditional create: 201 = made now, 200 = it already existed (a retry, or someone else's). */
  async function conditionalCreate(resource: Resource, system: string, value: string): Promise<{ created: boolean; resource: Resource }> {
    return retrying(async () => {
      const res = await http.request('POST', resource.resourceType, resource, { 'if-none-exist': `identifier=${system}|${value}` });
      if ((res.status === 200 || res.status === 201) && res.resource?.resourceType === resource.resourceType) {
        return { created: res.status === 201, resource: res.resource };
      }
      if (res.status === 412) throw new StrError('conflict', `More than one ${resource.resourceType} has identifier ${value}`, false);
      throw new StrError('transport', `Creating ${resource.resourceType}: unexpected answer (HTTP ${res.status})`, true, { status: res.status });
    });
  }

  /** An If-Match update. A 409/412 after a retry may mean our own first attempt landed: compare before crying conflict. */
  async function updateWithMatch<T extends RecordType>(type: T, existing: Resource, resource: Resource, expectedVersion: string, record: RecordOf<T>): Promise<Resource> {
    return retrying(async () => {
      const res = await http.request('PUT', `${existing.resourceType}/${existing.id}`, { ...resource, id: existing.id! }, { 'if-match': `W/"${expectedVersion}"` });
      if (res.status === 200 || res.status === 201) return res.resource!;
      if (res.status === 409 || res.status === 412) {
        const current = await findOne(existing.resourceType, record.id);
        if (current) {
          const [mapped] = await fromFhir(type, [current]);
          if (mapped && sameContent(mapped, record) && current.meta?.versionId !== expectedVersion) return current;
        }
        throw conflict(type, record.id, current?.meta?.versionId, expectedVersion);
      }
      if (res.status === 404 || res.status === 410) throw conflict(type, record.id, undefined, expectedVersion);
      throw new StrError('transport', `Updating ${existing.resourceType}: unexpected answer (HTTP ${res.status})`, true, { status: res.status });
    });
  }

  async function putServiceUser(su: ServiceUser, expectedVersion?: string): Promise<Resource> {
    const patient = serviceUserToPatient(su, ns);
    if (expectedVersion === undefined) {
      const { created, resource } = await conditionalCreate(patient, ns.id, su.id);
      if (!created) {
        const [existing] = await fromFhir('serviceUser', [resource]);
        if (!existing || !sameContent(existing, su)) throw conflict('serviceUser', su.id, resource.meta?.versionId, undefined);
      }
      if (resource.id) patientIds.set(su.id, resource.id);
      return resource;
    }
    const existing = await findOne('Patient', su.id);
    if (!existing) throw conflict('serviceUser', su.id, undefined, expectedVersion);
    return updateWithMatch('serviceUser', existing, patient, expectedVersion, su);
  }

  async function putSimple<T extends RecordType>(type: T, m: SimpleMapping, record: RecordOf<T>, expectedVersion?: string): Promise<Resource> {
    const suid = m.patient ? serviceUserIdOf(type, record) : undefined;
    const ref = suid ? await patientReference(suid) : '';
    const resource = type === 'signCheck' ? signCheckToFhir(record as SignCheck, ref, ns, await signWords(record as SignCheck)) : m.to(record as never, ref, ns);
    if (expectedVersion === undefined) {
      const { created, resource: got } = await conditionalCreate(resource, ns.id, record.id);
      if (!created) {
        const [existing] = await fromFhir(type, [got]);
        if (!existing || !sameContent(existing, record)) throw conflict(type, record.id, got.meta?.versionId, undefined);
      }
      return got;
    }
    const existing = await findOne(m.resourceType, record.id);
    if (!existing) throw conflict(type, record.id, undefined, expectedVersion);
    return updateWithMatch(type, existing, resource, expectedVersion, record);
  }

  /**
   * Writes the companion resource a record has beside its own (an alert's Task, a worker's PractitionerRole): after
   * the record, idempotently, so a retry of the whole put completes it. It is a projection for other systems; STR Kit
   * reads the record alone.
   */
  async function syncCompanion(resource: Resource): Promise<void> {
    const value = resource.identifier![0]!.value!;
    for (let attempt = 0; attempt < 2; attempt++) {
      const [existing] = await byIdentifier(resource.resourceType, ns.companionId, value);
      if (!existing) {
        await conditionalCreate(resource, ns.companionId, value);
        return;
      }
      const { id: _id, meta: _meta, text: _text, ...current } = existing;
      const { text: _ours, ...wanted } = resource;
      if (sameContent({ version: '', ...current }, { version: '', ...wanted })) return;
      const res = await retrying(() => http.request('PUT', `${existing.resourceType}/${existing.id}`, { ...resource, id: existing.id! }, { 'if-match': `W/"${existing.meta?.versionId}"` }));
      if (res.status === 200 || res.status === 201) return;
      if (res.status !== 409 && res.status !== 412) throw new StrError('transport', `Updating ${resource.resourceType}: HTTP ${res.status}`, true, { status: res.status });
      // Someone wrote it meanwhile (another tab's retry): read it again and bring it up to date once more.
    }
  }

  async function companionOf<T extends RecordType>(type: T, record: RecordOf<T>, saved: Resource): Promise<Resource | undefined> {
    if (type === 'worker') return practitionerRoleOf(record as Worker, `Practitioner/${saved.id}`, ns);
    if (type === 'alert') {
      const alert = record as Alert;
      const patient = await findOne('Patient', alert.serviceUserId);
      const coordinator = patient?.extension?.find((e) => e.url === `${ns.extension}care-coordinator`)?.valueIdentifier?.value;
      return alertTaskOf(alert, `Flag/${saved.id}`, await patientReference(alert.serviceUserId), coordinator, ns, await alertContext(alert));
    }
    return undefined;
  }

  /**
   * The words of the signs a check rated, so its Observation says them (the reader's rule): from the plan as it is now,
   * and for a sign since removed, from the newest earlier version that has it. A plan that cannot be read gives none.
   */
  async function signWords(check: SignCheck): Promise<Map<string, string> | undefined> {
    const found = await findOne('CarePlan', check.planId);
    if (!found) return undefined;
    const words = new Map<string, string>();
    const addFrom = (r: Resource) => {
      try {
        for (const s of fhirToWarningSignPlan(r, ns).signs) if (!words.has(s.id)) words.set(s.id, s.text);
      } catch (e) {
        if (!isStrError(e)) throw e; // a version STR Kit cannot read adds no words
      }
    };
    addFrom(found);
    if (Object.keys(check.ratings).some((id) => !words.has(id))) {
      const res = await retrying(() => http.request('GET', `CarePlan/${found.id}/_history?_count=1000`));
      for (const e of (res.resource as { entry?: { resource?: Resource }[] } | undefined)?.entry ?? []) if (e.resource) addFrom(e.resource);
    }
    return words;
  }

  /** The check and plan an alert's Task describes; a part that cannot be read is left out (the Flag is written already). */
  async function alertContext(alert: Alert): Promise<AlertContext> {
    const readOne = async <T extends 'signCheck' | 'warningSignPlan'>(type: T, id: string) => {
      const found = await findOne(resourceType(type), id);
      try {
        return found ? (await fromFhir(type, [found]))[0] : undefined;
      } catch (e) {
        if (isStrError(e, 'mapping') || isStrError(e, 'validation')) return undefined;
        throw e;
      }
    };
    const check = await readOne('signCheck', alert.checkId);
    const plan = check && (await readOne('warningSignPlan', check.planId));
    return { check, plan };
  }

  /**
   * Whether an Encounter the record system already had is this contact as STR Kit would write it: same Patient, the
   * same note document named (by the digest of the text) and the same content. Its note need not be there yet.
   */
  function sameEncounter(enc: Resource, c: Contact, subject: string, noteDigest: string | undefined): boolean {
    if ((enc.subject as { reference?: string } | undefined)?.reference !== subject) return false;
    if (noteRefOf(enc, ns) !== (noteDigest ? noteDocumentId(c.id, noteDigest) : undefined)) return false;
    return sameContent(parseRecord('contact', encounterToContact(enc, c.note, ns)), c);
  }

  async function putContact(c: Contact, expectedVersion?: string): Promise<Resource> {
    const subject = await patientReference(c.serviceUserId);
    const noteDigest = c.note ? digest(c.note) : undefined;
    const noteId = noteDigest ? noteDocumentId(c.id, noteDigest) : undefined;
    if (expectedVersion === undefined) {
      // 1. the Encounter, naming its note document by identifier; 2. the note document, naming the Encounter
      // (context.encounter). Each step is idempotent, so a retry of the put completes it (docs/adr/0003-offline-first.md).
      const { created, resource: enc } = await conditionalCreate(contactToEncounter(c, { patientReference: subject }, noteDigest, ns), ns.id, c.id);
      if (!created) {
        let ours = false;
        try {
          ours = sameEncounter(enc, c, subject, noteDigest);
        } catch (e) {
          if (!isStrError(e)) throw e; // not a contact STR Kit can read: not ours
        }
        if (!ours) {
          // Our own create whose note never landed, and the contact changed on the device since: nobody could read it
          // as a contact, so the change goes on top of it (as the sync engine does for its own earlier create).
          if (enc.meta?.versionId && (await unfinishedOwnCreate(enc, c))) return updateContact(c, enc.meta.versionId, subject, noteDigest, enc, false);
          throw conflict('contact', c.id, enc.meta?.versionId, undefined);
        }
      }
      if (!noteDigest || !noteId) return enc;
      const encounterReference = `Encounter/${enc.id}`;
      const doc = (await conditionalCreate(noteToDocumentReference(c, { patientReference: subject, encounterReference }, noteDigest, ns), ns.noteId, noteId)).resource;
      // A note an earlier STR Kit wrote before its Encounter, never linked: link it now.
      if (!(doc.context as { encounter?: unknown[] } | undefined)?.encounter?.length) {
        const linked = noteToDocumentReference(c, { patientReference: subject, encounterReference }, noteDigest, ns);
        await retrying(async () => {
          const res = await http.request('PUT', `DocumentReference/${doc!.id}`, { ...linked, id: doc!.id! }, { 'if-match': `W/"${doc!.meta?.versionId}"` });
          // 412: someone (our own earlier attempt) linked it already.
          if (res.status !== 200 && res.status !== 412) throw new StrError('transport', 'Linking the contact note failed', true, { status: res.status });
        });
      }
      return enc;
    }
    const existing = await findOne('Encounter', c.id);
    if (!existing) throw conflict('contact', c.id, undefined, expectedVersion);
    return updateContact(c, expectedVersion, subject, noteDigest, existing, true);
  }

  /**
   * An `If-Match` correction of a contact. `replacing`: whether the note the Encounter names now was written (not so
   * for an unfinished create), so the new note may say it replaces it.
   */
  async function updateContact(c: Contact, expectedVersion: string, subject: string, noteDigest: string | undefined, existing: Resource, replacing: boolean): Promise<Resource> {
    const noteId = noteDigest ? noteDocumentId(c.id, noteDigest) : undefined;
    const refs = { patientReference: subject, encounterReference: `Encounter/${existing.id}` };
    // The new note document first: if the Encounter update then loses a conflict, the stored contact still names its own note.
    const previous = replacing ? noteRefOf(existing, ns) : undefined;
    if (noteDigest && noteId) await conditionalCreate(noteToDocumentReference(c, refs, noteDigest, ns, previous !== noteId ? previous : undefined), ns.noteId, noteId);
    const saved = await updateWithMatch('contact', existing, contactToEncounter(c, refs, noteDigest, ns), expectedVersion, c);
    await settleNotes(c, refs.encounterReference, noteId);
    return saved;
  }

  /** An Encounter STR Kit created for this contact (same creation time and author) whose note document never landed. */
  async function unfinishedOwnCreate(enc: Resource, c: Contact): Promise<boolean> {
    const ref = noteRefOf(enc, ns);
    let env;
    try {
      env = readEnvelope(enc, ns);
    } catch (e) {
      if (isStrError(e)) return false;
      throw e;
    }
    if (!ref || env.createdAt !== c.createdAt || env.createdBy !== c.createdBy) return false;
    return (await byIdentifier('DocumentReference', ns.noteId, ref)).length === 0;
  }

  /**
   * After the Encounter update landed: every note document of the contact gets the status the contact now gives it
   * (the named one current, earlier ones superseded, all entered-in-error with the contact), so a note about the wrong
   * person never stays live. Idempotent: a retry of the put completes it.
   */
  async function settleNotes(c: Contact, encounterReference: string, currentNoteId: string | undefined): Promise<void> {
    const docs = await retrying(() => http.searchAll('DocumentReference', [['encounter', encounterReference], ['_count', String(PAGE)]]));
    for (const doc of docs) {
      const docId = doc.identifier?.find((x) => x.system === ns.noteId)?.value;
      if (!docId?.startsWith(`${c.id}.`)) continue;
      const status = noteStatusOf(c, docId === currentNoteId);
      if (doc.status === status) continue;
      await retrying(async () => {
        const res = await http.request('PUT', `DocumentReference/${doc.id}`, withNarrative({ ...doc, status }), { 'if-match': `W/"${doc.meta?.versionId}"` });
        // 412: changed meanwhile (another tab settling the same notes); the retried put settles it again.
        if (res.status !== 200) throw new StrError('transport', `contact ${c.id}: updating the status of its note failed`, true, { status: res.status });
      });
    }
  }

  /** Whether the record system takes `batch` Bundles: asked once (CapabilityStatement), and no after a refused Bundle. */
  let batching: boolean | undefined;
  async function batchingAllowed(): Promise<boolean> {
    if (batching !== undefined) return batching;
    try {
      const res = await http.request('GET', 'metadata');
      const rest = (res.resource?.rest as { interaction?: { code?: string }[] }[] | undefined) ?? [];
      batching = res.status === 200 && rest.some((r) => r.interaction?.some((i) => i.code === 'batch'));
    } catch (e) {
      if (isStrError(e) && e.retryable) return false; // not known yet: one record at a time this run, ask again next
      batching = false;
    }
    return batching;
  }

  /**
   * One R4 `batch` Bundle. Entries never depend on each other and may be applied in any order. Each answer is checked
   * against its own request (type; identifier of a conditional create; id of an update): a reply for another resource,
   * reordered or missing entries are transport-class and sent again, never trusted. Returns undefined when the record
   * system refused the Bundle itself (it does not do batches): the caller sends one record at a time.
   */
  async function sendBatch(entries: readonly BatchEntry[]): Promise<EntryAnswer[] | undefined> {
    if (entries.length === 0) return [];
    const bundle = {
      resourceType: 'Bundle', type: 'batch',
      entry: entries.map((e) => ({
        resource: e.method === 'PUT' ? { ...e.resource, id: e.id! } : e.resource,
        request: e.method === 'POST'
          ? { method: 'POST', url: e.resource.resourceType, ifNoneExist: `identifier=${e.identifier!.system}|${e.identifier!.value}` }
          : { method: 'PUT', url: `${e.resource.resourceType}/${e.id!}`, ifMatch: e.ifMatch! },
      })),
    };
    let res;
    try {
      res = await http.request('POST', '', bundle, { prefer: 'return=representation' });
    } catch (e) {
      if (isStrError(e) && e.retryable) throw e;
      if (isStrError(e) && (e.code === 'unauthenticated' || e.code === 'aborted')) throw e;
      batching = false; // a 4xx OperationOutcome on the Bundle itself: this record system does not take batches
      return undefined;
    }
    if (res.status !== 200) {
      batching = false;
      return undefined;
    }
    const reply = res.resource as Bundle & { entry?: { resource?: Resource; response?: { status?: string } }[] };
    if (reply.type !== 'batch-response' || (reply.entry?.length ?? 0) !== entries.length) {
      throw new StrError('transport', `POST batch: the reply was for another request (${reply.entry?.length ?? 0} entries for ${entries.length})`, true);
    }
    return entries.map((sent, i): EntryAnswer => {
      const answer = reply.entry![i]!;
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
    });
  }

  /**
   * Creates in batches (docs/adr/0003-offline-first.md): single-resource records and contacts' Encounters (each naming
   * its note document by identifier) in the first Bundle, then the note documents of the Encounters that are there,
   * each naming its Encounter. An answer that says the resource already existed is accepted only when it holds the
   * same content; anything else is left to the one-record path, which judges conflicts.
   */
  async function putBatch(items: readonly BatchItem[]): Promise<BatchOutcome[]> {
    const out: BatchOutcome[] = items.map(() => ({ kind: 'alone' }));
    const wanted = items.flatMap((it, i) => (it.expectedVersion === undefined && (it.type === 'contact' || BATCHED.has(it.type)) ? [i] : []));
    if (wanted.length === 0 || !(await batchingAllowed())) return out;
    interface Prepared { readonly i: number; readonly type: RecordType; readonly record: RecordOf<RecordType>; readonly subject: string }
    const prepared: Prepared[] = [];
    for (const i of wanted) {
      const { type, record } = items[i]!;
      try {
        const parsed = parseRecord(type, record);
        const suid = serviceUserIdOf(type, parsed);
        prepared.push({ i, type, record: parsed, subject: suid ? await patientReference(suid) : '' });
      } catch (e) {
        if (isStrError(e) && e.retryable) throw e;
        // Invalid, or the person is not in the record system: the one-record path says so.
      }
    }
    const saved = (p: Prepared, r: Resource) => {
      const record = { ...p.record, version: r.meta!.versionId! } as AnyRecord;
      out[p.i] = { kind: 'saved', record };
      const suid = serviceUserIdOf(p.type, p.record);
      listeners.emit({ type: p.type, id: p.record.id, version: record.version, ...(suid !== undefined && { serviceUserId: suid }) });
    };
    const settleAnswer = (p: Prepared, a: EntryAnswer | undefined, same: (r: Resource) => boolean): Resource | undefined => {
      if (a?.kind === 'retry') out[p.i] = { kind: 'retry', error: a.error };
      if (a?.kind !== 'ok') return undefined;
      if (a.status === 201) return a.resource;
      try {
        return same(a.resource) ? a.resource : undefined; // it existed: ours only if the content is ours
      } catch {
        return undefined;
      }
    };

    // 1. Single-resource records, and the contacts' Encounters: each names its note document by identifier (note-ref),
    // which needs no server id, so nothing in this Bundle depends on another entry.
    type Contacted = Prepared & { readonly c: Contact; readonly noteDigest?: string; enc?: Resource };
    const simple = prepared.filter((p) => p.type !== 'contact');
    const contacts: Contacted[] = prepared.filter((p) => p.type === 'contact').map((p) => {
      const c = p.record as Contact;
      return { ...p, c, ...(c.note && { noteDigest: digest(c.note) }) };
    });
    const answers1 = await sendBatch([
      ...simple.map((p): BatchEntry => ({ method: 'POST', resource: SIMPLE[p.type]!.to(p.record as never, p.subject, ns), identifier: { system: ns.id, value: p.record.id } })),
      ...contacts.map((p): BatchEntry => ({
        method: 'POST', resource: contactToEncounter(p.c, { patientReference: p.subject }, p.noteDigest, ns), identifier: { system: ns.id, value: p.c.id },
      })),
    ]);
    if (!answers1) return out;
    simple.forEach((p, k) => {
      const r = settleAnswer(p, answers1[k], (got) => sameContent(parseRecord(p.type, SIMPLE[p.type]!.from(got, ns)), p.record));
      if (r) saved(p, r);
    });
    contacts.forEach((p, k) => {
      const r = settleAnswer(p, answers1[simple.length + k], (enc) => sameEncounter(enc, p.c, p.subject, p.noteDigest));
      if (r) p.enc = r;
    });

    // 2. The note documents of the contacts whose Encounter is there, each naming it (context.encounter).
    const written = contacts.filter((p) => p.enc);
    const withNote = written.filter((p) => p.noteDigest !== undefined);
    const answers2 = await sendBatch(withNote.map((p): BatchEntry => ({
      method: 'POST', resource: noteToDocumentReference(p.c, { patientReference: p.subject, encounterReference: `Encounter/${p.enc!.id}` }, p.noteDigest!, ns),
      identifier: { system: ns.noteId, value: noteDocumentId(p.c.id, p.noteDigest!) },
    })));
    if (!answers2) return out;
    const docs = new Map<Contacted, Resource>();
    withNote.forEach((p, k) => {
      const a = answers2[k];
      if (a?.kind === 'retry') out[p.i] = { kind: 'retry', error: a.error };
      if (a?.kind === 'ok') docs.set(p, a.resource); // ours by its identifier, which carries the digest of the text
    });

    // 3. Only for a note an earlier STR Kit wrote before its Encounter and never linked: link it now (If-Match; a 412
    // means an earlier attempt linked it). Contacts written by this one never need this step.
    const toLink = [...docs].filter(([, doc]) => !(doc.context as { encounter?: unknown[] } | undefined)?.encounter?.length);
    const answers3 = await sendBatch(toLink.map(([p, doc]): BatchEntry => ({
      method: 'PUT', id: doc.id!, ifMatch: `W/"${doc.meta?.versionId}"`,
      resource: noteToDocumentReference(p.c, { patientReference: p.subject, encounterReference: `Encounter/${p.enc!.id}` }, p.noteDigest!, ns),
    })));
    if (!answers3) return out;
    const unlinked = new Set<Contacted>(toLink.filter(([p], k) => {
      const a = answers3[k]!;
      if (a.kind === 'retry') out[p.i] = { kind: 'retry', error: a.error };
      return !(a.kind === 'ok' || (a.kind === 'refused' && a.status === 412));
    }).map(([p]) => p));
    for (const p of written) if ((p.noteDigest === undefined || docs.has(p)) && !unlinked.has(p)) saved(p, p.enc!);
    return out;
  }

  return {
    name: `fhir:${http.base.origin}`,
    durability: 'remote',

    async get<T extends RecordType>(type: T, id: string) {
      assertType(type);
      assertId(id);
      assertSupported(type);
      const found = await findOne(resourceType(type), id);
      if (!found) return undefined;
      const [r] = await fromFhir(type, [found]);
      return r;
    },

    async list<T extends RecordType>(type: T, query?: Query): Promise<Page<RecordOf<T>>> {
      assertType(type);
      assertSupported(type);
      const q = normaliseQuery(query);
      // The caller's signal cancels every request of this read (docs/adr/0004-right-person-right-actor.md).
      const signal = query?.signal;
      // R4 sorts a Period descending by its end, not its start, so server order cannot give ours: read every match
      // (R4 search parameters only, bounded by date where given) and order here. docs/adr/0002-fhir-mapping.md.
      // Resources without our identifier are filtered out here rather than by `identifier=system|`, which some
      // servers answer slowly; `subject` (not `patient`) for the same reason — both are R4 Encounter parameters.
      const params: [string, string][] = [['_count', String(PAGE)]];
      const simple = SIMPLE[type];
      if (type === 'contact' || simple?.patient) {
        if (q.serviceUserId !== undefined) {
          let ref: string;
          try {
            ref = await patientReference(q.serviceUserId, signal);
          } catch (e) {
            if (isStrError(e, 'not-found')) return { items: [] };
            throw e;
          }
          params.push(['subject', ref]);
        }
        if (type === 'contact') params.push(...contactDates(q));
      }
      // Changed since, by the record system's clock (`_lastUpdated`), never the device's: issue 16.
      params.push(...changedSinceParam(query?.changedSince));
      const resources = await retrying(() => http.searchAll(resourceType(type), params, signal), signal);
      const changedUpTo = latestChange(resources);
      if (simple) {
        // One resource per record: map them all, then filter by status, order and cut the page.
        const mine = resources.filter((r) => strIdOf(r, ns) !== undefined && (simple.accepts?.(r, ns) ?? true));
        const each = await fromFhirEach(type, mine, signal);
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
        .map((res) => ({ res, key: keyOf(type, res), id: strIdOf(res, ns) ?? '' }))
        .filter((p) => p.id !== '' && !Number.isNaN(p.key))
        .filter((p) => q.serviceUserId === undefined || type !== 'serviceUser' || p.id === q.serviceUserId)
        .filter((p) => (q.from === undefined || p.key >= q.from) && (q.to === undefined || p.key < q.to) && isAfter(p, q.after))
        .sort(compareDesc);
      const page = positioned.slice(0, q.limit);
      const last = page[page.length - 1];
      const { records: items, unreadable } = await fromFhirEach(type, page.map((p) => p.res), signal);
      return { items, ...(positioned.length > q.limit && last && { next: encodeCursor(last) }), ...(changedUpTo && { changedUpTo }), ...(unreadable.length > 0 && { unreadable }) };
    },

    async put<T extends RecordType>(type: T, record: RecordOf<T>, expectedVersion?: string) {
      assertType(type);
      assertSupported(type);
      const parsed = parseRecord(type, record);
      if (expectedVersion !== undefined && typeof expectedVersion !== 'string') throw new StrError('validation', 'expectedVersion must be a string');
      const simple = SIMPLE[type];
      const saved = simple
        ? await putSimple(type, simple, parsed, expectedVersion)
        : type === 'serviceUser' ? await putServiceUser(parsed as ServiceUser, expectedVersion) : await putContact(parsed as Contact, expectedVersion);
      const companion = await companionOf(type, parsed, saved);
      if (companion) await syncCompanion(companion);
      const version = saved.meta?.versionId;
      if (!version) throw new StrError('mapping', `The record system gave ${type} ${parsed.id} no version id`, false);
      const stored = { ...parsed, version } as RecordOf<T>;
      const suid = serviceUserIdOf(type, parsed);
      const change: Change = { type, id: parsed.id, version, ...(suid !== undefined && { serviceUserId: suid }) };
      listeners.emit(change);
      return stored;
    },

    async history<T extends RecordType>(type: T, id: string) {
      assertType(type);
      assertId(id);
      assertSupported(type);
      const found = await findOne(resourceType(type), id);
      if (!found) return [];
      const res = await retrying(() => http.request('GET', `${found.resourceType}/${found.id}/_history?_count=1000`));
      const entries = ((res.resource as { entry?: { resource?: Resource }[] } | undefined)?.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
      // FHIR gives history newest first; the port promises oldest first.
      return (await fromFhir(type, entries.reverse())) as RecordOf<T>[];
    },

    putBatch,

    subscribe: (listener) => listeners.add(listener),
  };
}
