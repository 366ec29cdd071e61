// The FHIR store's one-record writes (docs/adr/0002-fhir-mapping.md, 0003-offline-first.md): conditional creates on the
// STR identifier, `If-Match` updates, a contact's Encounter and note document, and the companion resources beside a record.
import { StrError, isStrError } from '../../errors.js';
import type { Change } from '../../ports.js';
import type { Contact } from '../../schemas/contact.js';
import { parseRecord } from '../../schemas/parse.js';
import type { ServiceUser, Worker } from '../../schemas/people.js';
import type { Alert, SignCheck } from '../../schemas/relapse.js';
import { serviceUserIdOf, type RecordOf, type RecordType } from '../../schemas/registry.js';
import { conflict, sameContent } from '../shared.js';
import { FhirCore, PAGE, SIMPLE, resourceTypeOf, type SimpleMapping } from './fhir-core.js';
import type { Resource } from './fhir-types.js';
import { digest, readEnvelope } from './map-common.js';
import { practitionerRoleOf } from './map-care-plan.js';
import { alertTaskOf, type AlertContext, fhirToWarningSignPlan, signCheckToFhir } from './map-relapse.js';
import { contactToEncounter, encounterToContact, noteDocumentId, noteRefOf, noteStatusOf, noteToDocumentReference } from './map-contact.js';
import { serviceUserToPatient } from './map-patient.js';
import { withNarrative } from './narrative.js';

/** One record written to the record system (and its companion), as `Store.put` promises. */
export async function putRecord<T extends RecordType>(core: FhirCore, type: T, record: RecordOf<T>, expectedVersion?: string): Promise<RecordOf<T>> {
  const parsed = parseRecord(type, record);
  if (expectedVersion !== undefined && typeof expectedVersion !== 'string') throw new StrError('validation', 'expectedVersion must be a string');
  const simple = SIMPLE[type];
  const saved = simple
    ? await putSimple(core, type, simple, parsed, expectedVersion)
    : type === 'serviceUser' ? await putServiceUser(core, parsed as ServiceUser, expectedVersion) : await putContact(core, parsed as Contact, expectedVersion);
  const companion = await companionOf(core, type, parsed, saved);
  if (companion) await syncCompanion(core, companion);
  const version = saved.meta?.versionId;
  if (!version) throw new StrError('mapping', `The record system gave ${type} ${parsed.id} no version id`, false);
  const stored = { ...parsed, version } as RecordOf<T>;
  const suid = serviceUserIdOf(type, parsed);
  const change: Change = { type, id: parsed.id, version, ...(suid !== undefined && { serviceUserId: suid }) };
  core.listeners.emit(change);
  return stored;
}

async function putServiceUser(core: FhirCore, su: ServiceUser, expectedVersion?: string): Promise<Resource> {
  const patient = serviceUserToPatient(su, core.ns);
  if (expectedVersion === undefined) {
    const { created, resource } = await core.conditionalCreate(patient, core.ns.id, su.id);
    if (!created) {
      const [existing] = await core.fromFhir('serviceUser', [resource]);
      if (!existing || !sameContent(existing, su)) throw conflict('serviceUser', su.id, resource.meta?.versionId, undefined);
    }
    if (resource.id) core.patientIds.set(su.id, resource.id);
    return resource;
  }
  const existing = await core.findOne('Patient', su.id);
  if (!existing) throw conflict('serviceUser', su.id, undefined, expectedVersion);
  return core.updateWithMatch('serviceUser', existing, patient, expectedVersion, su);
}

async function putSimple<T extends RecordType>(core: FhirCore, type: T, m: SimpleMapping, record: RecordOf<T>, expectedVersion?: string): Promise<Resource> {
  const suid = m.patient ? serviceUserIdOf(type, record) : undefined;
  const ref = suid ? await core.patientReference(suid) : '';
  const resource = type === 'signCheck' ? signCheckToFhir(record as SignCheck, ref, core.ns, await signWords(core, record as SignCheck)) : m.to(record as never, ref, core.ns);
  if (expectedVersion === undefined) {
    const { created, resource: got } = await core.conditionalCreate(resource, core.ns.id, record.id);
    if (!created) {
      const [existing] = await core.fromFhir(type, [got]);
      if (!existing || !sameContent(existing, record)) throw conflict(type, record.id, got.meta?.versionId, undefined);
    }
    return got;
  }
  const existing = await core.findOne(m.resourceType, record.id);
  if (!existing) throw conflict(type, record.id, undefined, expectedVersion);
  return core.updateWithMatch(type, existing, resource, expectedVersion, record);
}

/**
 * Writes the companion resource a record has beside its own (an alert's Task, a worker's PractitionerRole): after
 * the record, idempotently, so a retry of the whole put completes it. It is a projection for other systems; STR Kit
 * reads the record alone.
 */
async function syncCompanion(core: FhirCore, resource: Resource): Promise<void> {
  const value = resource.identifier![0]!.value!;
  for (let attempt = 0; attempt < 2; attempt++) {
    const [existing] = await core.byIdentifier(resource.resourceType, core.ns.companionId, value);
    if (!existing) {
      await core.conditionalCreate(resource, core.ns.companionId, value);
      return;
    }
    const { id: _id, meta: _meta, text: _text, ...current } = existing;
    const { text: _ours, ...wanted } = resource;
    if (sameContent({ version: '', ...current }, { version: '', ...wanted })) return;
    const res = await core.retrying(() => core.http.request('PUT', `${existing.resourceType}/${existing.id}`, { ...resource, id: existing.id! }, { 'if-match': `W/"${existing.meta?.versionId}"` }));
    if (res.status === 200 || res.status === 201) return;
    if (res.status !== 409 && res.status !== 412) throw new StrError('transport', `Updating ${resource.resourceType}: HTTP ${res.status}`, true, { status: res.status });
    // Someone wrote it meanwhile (another tab's retry): read it again and bring it up to date once more.
  }
}

async function companionOf<T extends RecordType>(core: FhirCore, type: T, record: RecordOf<T>, saved: Resource): Promise<Resource | undefined> {
  if (type === 'worker') return practitionerRoleOf(record as Worker, `Practitioner/${saved.id}`, core.ns);
  if (type === 'alert') {
    const alert = record as Alert;
    const patient = await core.findOne('Patient', alert.serviceUserId);
    const coordinator = patient?.extension?.find((e) => e.url === `${core.ns.extension}care-coordinator`)?.valueIdentifier?.value;
    return alertTaskOf(alert, `Flag/${saved.id}`, await core.patientReference(alert.serviceUserId), coordinator, core.ns, await alertContext(core, alert));
  }
  return undefined;
}

/**
 * The words of the signs a check rated, so its Observation says them (the reader's rule): from the plan as it is now,
 * and for a sign since removed, from the newest earlier version that has it. A plan that cannot be read gives none.
 */
async function signWords(core: FhirCore, check: SignCheck): Promise<Map<string, string> | undefined> {
  const found = await core.findOne('CarePlan', check.planId);
  if (!found) return undefined;
  const words = new Map<string, string>();
  const addFrom = (r: Resource) => {
    try {
      for (const s of fhirToWarningSignPlan(r, core.ns).signs) if (!words.has(s.id)) words.set(s.id, s.text);
    } catch (e) {
      if (!isStrError(e)) throw e; // a version STR Kit cannot read adds no words
    }
  };
  addFrom(found);
  if (Object.keys(check.ratings).some((id) => !words.has(id))) {
    const res = await core.retrying(() => core.http.request('GET', `CarePlan/${found.id}/_history?_count=1000`));
    for (const e of (res.resource as { entry?: { resource?: Resource }[] } | undefined)?.entry ?? []) if (e.resource) addFrom(e.resource);
  }
  return words;
}

/** The check and plan an alert's Task describes; a part that cannot be read is left out (the Flag is written already). */
async function alertContext(core: FhirCore, alert: Alert): Promise<AlertContext> {
  const readOne = async <T extends 'signCheck' | 'warningSignPlan'>(type: T, id: string) => {
    const found = await core.findOne(resourceTypeOf(type), id);
    try {
      return found ? (await core.fromFhir(type, [found]))[0] : undefined;
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
export function sameEncounter(core: FhirCore, enc: Resource, c: Contact, subject: string, noteDigest: string | undefined): boolean {
  if ((enc.subject as { reference?: string } | undefined)?.reference !== subject) return false;
  if (noteRefOf(enc, core.ns) !== (noteDigest ? noteDocumentId(c.id, noteDigest) : undefined)) return false;
  return sameContent(parseRecord('contact', encounterToContact(enc, c.note, core.ns)), c);
}

async function putContact(core: FhirCore, c: Contact, expectedVersion?: string): Promise<Resource> {
  const subject = await core.patientReference(c.serviceUserId);
  const noteDigest = c.note ? digest(c.note) : undefined;
  if (expectedVersion === undefined) return createContact(core, c, subject, noteDigest);
  const existing = await core.findOne('Encounter', c.id);
  if (!existing) throw conflict('contact', c.id, undefined, expectedVersion);
  return updateContact(core, c, expectedVersion, subject, noteDigest, existing, true);
}

/**
 * 1. the Encounter, naming its note document by identifier; 2. the note document, naming the Encounter
 * (context.encounter). Each step is idempotent, so a retry of the put completes it (docs/adr/0003-offline-first.md).
 */
async function createContact(core: FhirCore, c: Contact, subject: string, noteDigest: string | undefined): Promise<Resource> {
  const ns = core.ns;
  const noteId = noteDigest ? noteDocumentId(c.id, noteDigest) : undefined;
  const { created, resource: enc } = await core.conditionalCreate(contactToEncounter(c, { patientReference: subject }, noteDigest, ns), ns.id, c.id);
  if (!created) {
    let ours = false;
    try {
      ours = sameEncounter(core, enc, c, subject, noteDigest);
    } catch (e) {
      if (!isStrError(e)) throw e; // not a contact STR Kit can read: not ours
    }
    if (!ours) {
      // Our own create whose note never landed, and the contact changed on the device since: nobody could read it
      // as a contact, so the change goes on top of it (as the sync engine does for its own earlier create).
      if (enc.meta?.versionId && (await unfinishedOwnCreate(core, enc, c))) return updateContact(core, c, enc.meta.versionId, subject, noteDigest, enc, false);
      throw conflict('contact', c.id, enc.meta?.versionId, undefined);
    }
  }
  if (!noteDigest || !noteId) return enc;
  const encounterReference = `Encounter/${enc.id}`;
  const doc = (await core.conditionalCreate(noteToDocumentReference(c, { patientReference: subject, encounterReference }, noteDigest, ns), ns.noteId, noteId)).resource;
  // A note an earlier STR Kit wrote before its Encounter, never linked: link it now.
  if (!(doc.context as { encounter?: unknown[] } | undefined)?.encounter?.length) {
    const linked = noteToDocumentReference(c, { patientReference: subject, encounterReference }, noteDigest, ns);
    await core.retrying(async () => {
      const res = await core.http.request('PUT', `DocumentReference/${doc!.id}`, { ...linked, id: doc!.id! }, { 'if-match': `W/"${doc!.meta?.versionId}"` });
      // 412: someone (our own earlier attempt) linked it already.
      if (res.status !== 200 && res.status !== 412) throw new StrError('transport', 'Linking the contact note failed', true, { status: res.status });
    });
  }
  return enc;
}

/**
 * An `If-Match` correction of a contact. `replacing`: whether the note the Encounter names now was written (not so
 * for an unfinished create), so the new note may say it replaces it.
 */
async function updateContact(core: FhirCore, c: Contact, expectedVersion: string, subject: string, noteDigest: string | undefined, existing: Resource, replacing: boolean): Promise<Resource> {
  const ns = core.ns;
  const noteId = noteDigest ? noteDocumentId(c.id, noteDigest) : undefined;
  const refs = { patientReference: subject, encounterReference: `Encounter/${existing.id}` };
  // The new note document first: if the Encounter update then loses a conflict, the stored contact still names its own note.
  const previous = replacing ? noteRefOf(existing, ns) : undefined;
  if (noteDigest && noteId) await core.conditionalCreate(noteToDocumentReference(c, refs, noteDigest, ns, previous !== noteId ? previous : undefined), ns.noteId, noteId);
  const saved = await core.updateWithMatch('contact', existing, contactToEncounter(c, refs, noteDigest, ns), expectedVersion, c);
  await settleNotes(core, c, refs.encounterReference, noteId);
  return saved;
}

/** An Encounter STR Kit created for this contact (same creation time and author) whose note document never landed. */
async function unfinishedOwnCreate(core: FhirCore, enc: Resource, c: Contact): Promise<boolean> {
  const ref = noteRefOf(enc, core.ns);
  let env;
  try {
    env = readEnvelope(enc, core.ns);
  } catch (e) {
    if (isStrError(e)) return false;
    throw e;
  }
  if (!ref || env.createdAt !== c.createdAt || env.createdBy !== c.createdBy) return false;
  return (await core.byIdentifier('DocumentReference', core.ns.noteId, ref)).length === 0;
}

/**
 * After the Encounter update landed: every note document of the contact gets the status the contact now gives it
 * (the named one current, earlier ones superseded, all entered-in-error with the contact), so a note about the wrong
 * person never stays live. Idempotent: a retry of the put completes it.
 */
async function settleNotes(core: FhirCore, c: Contact, encounterReference: string, currentNoteId: string | undefined): Promise<void> {
  const docs = await core.retrying(() => core.http.searchAll('DocumentReference', [['encounter', encounterReference], ['_count', String(PAGE)]]));
  for (const doc of docs) {
    const docId = doc.identifier?.find((x) => x.system === core.ns.noteId)?.value;
    if (!docId?.startsWith(`${c.id}.`)) continue;
    const status = noteStatusOf(c, docId === currentNoteId);
    if (doc.status === status) continue;
    await core.retrying(async () => {
      const res = await core.http.request('PUT', `DocumentReference/${doc.id}`, withNarrative({ ...doc, status }), { 'if-match': `W/"${doc.meta?.versionId}"` });
      // 412: changed meanwhile (another tab settling the same notes); the retried put settles it again.
      if (res.status !== 200) throw new StrError('transport', `contact ${c.id}: updating the status of its note failed`, true, { status: res.status });
    });
  }
}
