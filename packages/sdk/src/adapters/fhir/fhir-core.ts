// What every part of the FHIR store shares (docs/adr/0002-fhir-mapping.md): the record-type table, the connection, the
// namespace, the Patient ids already looked up, retries, and the reads and writes the others are built from.
import { StrError, isStrError } from '../../errors.js';
import type { Unreadable } from '../../ports.js';
import type { Contact } from '../../schemas/contact.js';
import { upgradeRecord } from '../../schemas/migrations.js';
import { parseRecord } from '../../schemas/parse.js';
import type { RecordOf, RecordType } from '../../schemas/registry.js';
import { Listeners, conflict, sameContent } from '../shared.js';
import type { Resource } from './fhir-types.js';
import { FhirHttp, type GetToken } from './http.js';
import { strIdOf } from './map-common.js';
import {
  careTeamToFhir, fhirToCareTeam, carePlanToFhir, fhirToCarePlan, fhirToGoal, fhirToProgressNote, fhirToTask, goalToFhir, isProgressNote, practitionerToWorker, progressNoteToFhir, taskToFhir,
  workerToPractitioner,
} from './map-care-plan.js';
import { alertToFhir, fhirToAlert, fhirToSignCheck, fhirToWarningSignPlan, isRelapsePlan, isSignCheck, signCheckToFhir, warningSignPlanToFhir } from './map-relapse.js';
import { documentReferenceNote, encounterToContact, noteRefOf } from './map-contact.js';
import { patientToServiceUser } from './map-patient.js';
import {
  fhirToSupervision, fhirToSupervisionNote, fhirToTraining, isStaffDocument, staffSearch, supervisionNoteToFhir, supervisionToFhir, trainingToFhir,
} from './map-staff.js';
import { fhirToKeyContact, fhirToReferral, isKeyContact, isReferral, keyContactToFhir, referralToFhir } from './map-pathway.js';
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

export const PAGE = 200;

/** A record that is one resource. `patient`: it sits in the Patient compartment, listed by R4's `subject` parameter. */
export interface SimpleMapping {
  readonly resourceType: string;
  readonly patient: boolean;
  to(record: never, patientReference: string, ns: FhirNamespace): Resource;
  from(resource: Resource, ns: FhirNamespace): unknown;
  /** Which resources of the type are this record type (a CarePlan may be a care plan or a warning-sign plan). */
  accepts?(resource: Resource, ns: FhirNamespace): boolean;
  /** Search parameters that find only this type's resources (a staff record's DocumentReference `type`). */
  search?(ns: FhirNamespace): [string, string][];
}

/** Record types that are one resource each (docs/adr/0002-fhir-mapping.md). People and contacts have their own paths. */
export const SIMPLE: Partial<Record<RecordType, SimpleMapping>> = {
  worker: { resourceType: 'Practitioner', patient: false, to: (w, _p, ns) => workerToPractitioner(w, ns), from: practitionerToWorker },
  carePlan: { resourceType: 'CarePlan', patient: true, to: carePlanToFhir, from: fhirToCarePlan, accepts: (r, ns) => !isRelapsePlan(r, ns) },
  goal: { resourceType: 'Goal', patient: true, to: goalToFhir, from: fhirToGoal },
  task: { resourceType: 'Task', patient: true, to: taskToFhir, from: fhirToTask },
  progressNote: { resourceType: 'DocumentReference', patient: true, to: progressNoteToFhir, from: fhirToProgressNote, accepts: isProgressNote },
  warningSignPlan: { resourceType: 'CarePlan', patient: true, to: warningSignPlanToFhir, from: fhirToWarningSignPlan, accepts: isRelapsePlan },
  signCheck: { resourceType: 'Observation', patient: true, to: signCheckToFhir, from: fhirToSignCheck, accepts: isSignCheck },
  alert: { resourceType: 'Flag', patient: true, to: alertToFhir, from: fhirToAlert },
  careTeam: { resourceType: 'CareTeam', patient: true, to: careTeamToFhir, from: fhirToCareTeam, accepts: (r, ns) => !isKeyContact(r, ns) },
  // The care pathway (docs/adr/0027-care-pathway.md): a key contact is a CareTeam of its own kind.
  keyContact: { resourceType: 'CareTeam', patient: true, to: keyContactToFhir, from: fhirToKeyContact, accepts: isKeyContact },
  referral: { resourceType: 'ServiceRequest', patient: true, to: referralToFhir, from: fhirToReferral, accepts: isReferral },
  // Staff records: about a worker, in no Patient compartment (docs/adr/0025-staff-records.md).
  supervision: { resourceType: 'DocumentReference', patient: false, to: supervisionToFhir, from: fhirToSupervision, accepts: isStaffDocument('supervision'), search: staffSearch('supervision') },
  supervisionNote: {
    resourceType: 'DocumentReference', patient: false, to: supervisionNoteToFhir, from: fhirToSupervisionNote, accepts: isStaffDocument('supervisionNote'), search: staffSearch('supervisionNote'),
  },
  training: { resourceType: 'DocumentReference', patient: false, to: trainingToFhir, from: fhirToTraining, accepts: isStaffDocument('training'), search: staffSearch('training') },
};

/** Record types the FHIR store maps today; the others arrive with their widgets. */
const SUPPORTED: ReadonlySet<RecordType> = new Set(['serviceUser', 'contact', ...(Object.keys(SIMPLE) as RecordType[])]);

export function assertSupported(type: RecordType): void {
  if (!SUPPORTED.has(type)) throw new StrError('mapping', `The FHIR store does not map ${type} records yet`, false, { type });
}

export const resourceTypeOf = (type: RecordType): string => SIMPLE[type]?.resourceType ?? (type === 'serviceUser' ? 'Patient' : 'Encounter');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The FHIR store's connection and shared reads; one per `fhirStore`. */
/**
 * A mapped resource brought up to this STR Kit's schema, as the IndexedDB store does on every read: one a newer STR Kit
 * wrote is refused as `newer-version`, never read with the parts this one does not know dropped (and then written
 * back without them).
 */
const readRecord = <T extends RecordType>(type: T, mapped: unknown): RecordOf<T> => parseRecord(type, upgradeRecord(type, mapped));

export class FhirCore {
  readonly http: FhirHttp;
  readonly ns: FhirNamespace;
  readonly attempts: number = 3;
  readonly listeners = new Listeners();
  /** STR service user id → Patient server id. */
  readonly patientIds = new Map<string, string>();

  constructor(options: FhirStoreOptions) {
    try {
      this.http = new FhirHttp(options);
      this.ns = namespaceFrom(options.namespace, { ...(options.careSetting && { careSetting: options.careSetting }) });
      if (options.attempts !== undefined) this.attempts = Math.max(1, Math.min(10, Math.floor(options.attempts)));
    } catch (e) {
      if (isStrError(e)) throw e;
      throw new StrError('validation', 'fhirStore needs { baseUrl }', false, { issues: [{ path: 'baseUrl', code: 'invalid', message: 'Pass the FHIR base URL' }] }, { cause: e });
    }
  }

  /**
   * Retries a transient failure of an idempotent step (GET, conditional create, If-Match update). An `aborted` read
   * is never retried, nor is one whose `signal` aborted while it waited to retry.
   */
  async retrying<R>(fn: () => Promise<R>, signal?: AbortSignal): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (!isStrError(e, 'transport') || !e.retryable || attempt >= this.attempts) throw e;
        // Never sooner than the record system asked (429/503 `Retry-After`).
        await sleep(Math.max(e.details.retryAfterMs ?? 0, 50 * 3 ** (attempt - 1) * (0.5 + Math.random())));
        if (signal?.aborted) throw new StrError('aborted', 'The read was aborted by its caller', false, {}, { cause: e });
      }
    }
  }

  byIdentifier(type: string, system: string, value: string, signal?: AbortSignal): Promise<Resource[]> {
    return this.retrying(() => this.http.searchAll(type, [['identifier', `${system}|${value}`]], signal), signal);
  }

  /**
   * The one resource carrying this STR id. Two are never resolved by taking the first: a second Patient given someone's
   * identifier would otherwise take over their record (issue 13), so it is a `mapping` error naming both.
   */
  async findOne(type: string, id: string, signal?: AbortSignal): Promise<Resource | undefined> {
    const found = await this.byIdentifier(type, this.ns.id, id, signal);
    if (found.length > 1) {
      const names = found.map((r) => `${r.resourceType}/${r.id}`).join(' and ');
      this.patientIds.delete(id);
      throw new StrError('mapping', `${names} both carry STR Kit identifier ${id}: the record system must keep one before STR Kit can use it`, false, {
        id, reason: 'duplicate-identifier',
      });
    }
    return found[0];
  }

  async patientReference(serviceUserId: string, signal?: AbortSignal): Promise<string> {
    let fid = this.patientIds.get(serviceUserId);
    if (!fid) {
      const p = await this.findOne('Patient', serviceUserId, signal);
      if (!p?.id) throw new StrError('not-found', `serviceUser ${serviceUserId} is not in the record system`, false, { type: 'serviceUser', id: serviceUserId });
      fid = p.id;
      this.patientIds.set(serviceUserId, fid);
    }
    return `Patient/${fid}`;
  }

  /** Notes for a set of Encounters, fetched in batches by their note-document identifiers. */
  async notesFor(encounters: readonly Resource[], signal?: AbortSignal): Promise<Map<string, string>> {
    const ns = this.ns;
    const refs = [...new Set(encounters.map((e) => noteRefOf(e, ns)).filter((r): r is string => !!r))];
    const notes = new Map<string, string>();
    for (let i = 0; i < refs.length; i += 40) {
      const chunk = refs.slice(i, i + 40);
      const docs = await this.retrying(() => this.http.searchAll('DocumentReference', [['identifier', chunk.map((r) => `${ns.noteId}|${r}`).join(',')], ['_count', String(PAGE)]], signal), signal);
      for (const d of docs) {
        const ref = d.identifier?.find((x) => x.system === ns.noteId)?.value;
        if (ref) notes.set(ref, documentReferenceNote(d));
      }
    }
    return notes;
  }

  /** A contact belongs to the Patient its Encounter references: the STR person id beside the reference must be theirs. */
  async assertOwnPatient(encounters: readonly Resource[], contacts: readonly Contact[]): Promise<void> {
    for (const [i, c] of contacts.entries()) {
      const referenced = (encounters[i]!.subject as { reference?: string } | undefined)?.reference;
      const own = await this.patientReference(c.serviceUserId);
      if (referenced !== own) {
        throw new StrError('mapping', `Encounter/${encounters[i]!.id} (contact ${c.id}) references ${referenced ?? 'no Patient'}, not ${own} of person ${c.serviceUserId}`, false, {
          type: 'contact', id: c.id,
        });
      }
    }
  }

  toContact(enc: Resource, notes: Map<string, string>): Contact {
    const ref = noteRefOf(enc, this.ns);
    const note = ref ? notes.get(ref) : '';
    if (note === undefined) {
      // The Encounter names a note document the record system does not have: lost, never made, or (a new contact is
      // written Encounter first, then its note, docs/adr/0003-offline-first.md) still on its way. Never shown with an
      // empty or another version's note: reported and left out like any unreadable resource, and retrying the whole
      // read would hide the person's other contacts (issue 13). The device that wrote it sends the note on its next run.
      const id = strIdOf(enc, this.ns) ?? `Encounter/${enc.id ?? '?'}`;
      throw new StrError('mapping', `contact ${id}: its note document ${ref} is not in the record system (lost, or not sent yet)`, false, { type: 'contact', id });
    }
    return readRecord('contact', encounterToContact(enc, note, this.ns));
  }

  async fromFhir<T extends RecordType>(type: T, resources: readonly Resource[]): Promise<RecordOf<T>[]> {
    const simple = SIMPLE[type];
    if (simple) return resources.map((r) => readRecord(type, simple.from(r, this.ns)));
    if (type === 'serviceUser') return resources.map((p) => readRecord('serviceUser', patientToServiceUser(p, this.ns))) as RecordOf<T>[];
    const notes = await this.notesFor(resources);
    const contacts = resources.map((e) => this.toContact(e, notes));
    await this.assertOwnPatient(resources, contacts);
    return contacts as RecordOf<T>[];
  }

  /**
   * Maps each resource on its own: one that cannot be mapped (malformed, or not what STR Kit wrote) is reported by id
   * and reason and left out, so one bad resource never hides a person's other records (issue 14); so is a contact
   * whose note document is missing (issue 13). A transport failure stays a retryable error for the whole read.
   */
  async fromFhirEach<T extends RecordType>(type: T, resources: readonly Resource[], signal?: AbortSignal): Promise<{ records: RecordOf<T>[]; unreadable: Unreadable[] }> {
    const notes = SIMPLE[type] || type === 'serviceUser' ? undefined : await this.notesFor(resources, signal);
    const records: RecordOf<T>[] = [];
    const unreadable: Unreadable[] = [];
    for (const r of resources) {
      try {
        records.push(...(notes ? [this.toContact(r, notes) as RecordOf<T>] : await this.fromFhir(type, [r])));
      } catch (e) {
        if (isStrError(e, 'transport')) throw e;
        let id: string;
        try {
          id = strIdOf(r, this.ns) ?? `${r.resourceType}/${r.id ?? '?'}`;
        } catch {
          id = '(no id)';
        }
        const newer = isStrError(e) && e.details.reason === 'newer-version';
        unreadable.push({ id, reason: isStrError(e) ? e.message : `${r.resourceType ?? 'A resource'} could not be mapped to a ${type}`, ...(newer && { code: 'newer-version' as const }) });
      }
    }
    return { records, unreadable };
  }

  /** A conditional create: 201 = made now, 200 = it already existed (a retry, or someone else's). */
  conditionalCreate(resource: Resource, system: string, value: string): Promise<{ created: boolean; resource: Resource }> {
    return this.retrying(async () => {
      const res = await this.http.request('POST', resource.resourceType, resource, { 'if-none-exist': `identifier=${system}|${value}` });
      if ((res.status === 200 || res.status === 201) && res.resource?.resourceType === resource.resourceType) {
        return { created: res.status === 201, resource: res.resource };
      }
      if (res.status === 412) throw new StrError('conflict', `More than one ${resource.resourceType} has identifier ${value}`, false);
      throw new StrError('transport', `Creating ${resource.resourceType}: unexpected answer (HTTP ${res.status})`, true, { status: res.status });
    });
  }

  /** An If-Match update. A 409/412 after a retry may mean our own first attempt landed: compare before crying conflict. */
  updateWithMatch<T extends RecordType>(type: T, existing: Resource, resource: Resource, expectedVersion: string, record: RecordOf<T>): Promise<Resource> {
    return this.retrying(async () => {
      const res = await this.http.request('PUT', `${existing.resourceType}/${existing.id}`, { ...resource, id: existing.id! }, { 'if-match': `W/"${expectedVersion}"` });
      if (res.status === 200 || res.status === 201) return res.resource!;
      if (res.status === 409 || res.status === 412) {
        const current = await this.findOne(existing.resourceType, record.id);
        if (current) {
          const [mapped] = await this.fromFhir(type, [current]);
          if (mapped && sameContent(mapped, record) && current.meta?.versionId !== expectedVersion) return current;
        }
        throw conflict(type, record.id, current?.meta?.versionId, expectedVersion);
      }
      if (res.status === 404 || res.status === 410) throw conflict(type, record.id, undefined, expectedVersion);
      throw new StrError('transport', `Updating ${existing.resourceType}: unexpected answer (HTTP ${res.status})`, true, { status: res.status });
    });
  }
}
