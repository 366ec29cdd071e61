// Contact ↔ Encounter + DocumentReference (the note). R4 Encounter has no note element (DESIGN.md), so the note is a
// text/plain DocumentReference; the Encounter names the exact document it was saved with (note-ref), so a reader never
// pairs an Encounter with a note from another version. Choices: docs/adr/0002-fhir-mapping.md.
import { ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, CONSULTATION_MECHANISMS, labelOf } from '../../codes/mhsds.js';
import { OTHER_PRESENT_KINDS, type Contact, type OtherPresentKind } from '../../schemas/contact.js';
import type { CodeableConcept, Coding, Extension, Resource } from './fhir-types.js';
import { envelopeExtensions, exts, ext, fromBase64, mappingError, readEnvelope, strIdentifier, toBase64, workerRef } from './map-common.js';
import {
  SNOMED, UCUM, UKCORE_HUMAN_LANGUAGE_SYSTEM, UKCORE_LOCATION_TYPE_SYSTEM, V3_ACT_CODE, V3_PARTICIPATION_TYPE, snomedCoding, type FhirNamespace,
} from './systems.js';
import { UKCORE_HUMAN_LANGUAGES, UKCORE_LOCATION_TYPE_DISPLAYS } from './ukcore.js';
import { withNarrative } from './narrative.js';

const HOME_LOCATIONS = new Set(['A01', 'A02']);
const REMOTE_MECHANISMS = new Set(['02', '04', '05', '09', '10', '11', '12', '13']);

/** R4 Encounter.class (v3 ActCode): derived for other systems' benefit; our own reading uses the MHSDS coding. */
function encounterClass(c: Contact): Coding {
  if (REMOTE_MECHANISMS.has(c.mechanism)) return { system: V3_ACT_CODE, code: 'VR', display: 'virtual' };
  if (HOME_LOCATIONS.has(c.locationType)) return { system: V3_ACT_CODE, code: 'HH', display: 'home health' };
  return { system: V3_ACT_CODE, code: 'AMB', display: 'ambulatory' };
}

/** MHSDS AttendStatus 5 and 6 were seen; 2, 3, 4 and 7 were not. */
const SEEN = new Set(['5', '6']);

/** MHSDS direct contacts (NHS England counts 01, 02, 04, 11, mhsds-fhir.md); the others are indirect. */
const INDIRECT_MECHANISMS = new Set(['05', '09', '10', '12', '13']);

/**
 * The SNOMED CT encounter type (UKCore-EncounterType) where a verified code fits the contact, else none (face to face
 * elsewhere, talk type, other: no verified code, and a guess would mislead a reader). Sources: systems.ts SNOMED.
 */
function snomedType(c: Contact): Coding | undefined {
  if (c.mechanism === '02') return snomedCoding(SNOMED.telephoneEncounter);
  if (c.mechanism === '11') return snomedCoding(SNOMED.videoEncounter);
  if (INDIRECT_MECHANISMS.has(c.mechanism)) return snomedCoding(SNOMED.indirectEncounter);
  if (c.mechanism === '01' && c.locationType === 'A01') return snomedCoding(SNOMED.seenInOwnHome);
  if (c.mechanism === '01' && c.locationType === 'E01') return snomedCoding(SNOMED.seenInMentalHealthClinic);
  return undefined;
}

/** The UKCore-HumanLanguage coding whose display (or one of its ";" names) is the language as typed, if any. */
export function humanLanguageCoding(language: string): Coding | undefined {
  const wanted = language.trim().toLocaleLowerCase('en-GB');
  const hit = UKCORE_HUMAN_LANGUAGES.find(([, display]) => display.split(';').some((name) => name.trim().toLocaleLowerCase('en-GB') === wanted));
  return hit && { system: UKCORE_HUMAN_LANGUAGE_SYSTEM, code: hit[0], display: hit[1] };
}

/**
 * An interpreter as R4 has it: a participant of type TRANSL. R4 gives a participant no language, so the interpreter is
 * a contained Practitioner whose `communication` holds the language (coded from UKCore-HumanLanguage where the words
 * match a published display, else in words only).
 */
function interpreterOf(c: Contact): { participant: Record<string, unknown>; contained?: Resource } | undefined {
  if (c.interpreterLanguage === undefined && !c.othersPresent.some((o) => o.kind === 'interpreter')) return undefined;
  const type = [{ coding: [{ system: V3_PARTICIPATION_TYPE, code: 'TRANSL', display: 'Translator' }], text: 'Interpreter' }];
  if (c.interpreterLanguage === undefined) return { participant: { type, individual: { display: 'Interpreter' } } };
  const coding = humanLanguageCoding(c.interpreterLanguage);
  const language: CodeableConcept = { ...(coding && { coding: [coding] }), text: c.interpreterLanguage };
  return {
    participant: { type, individual: { reference: '#interpreter', display: `Interpreter (${c.interpreterLanguage})` } },
    contained: { resourceType: 'Practitioner', id: 'interpreter', communication: [language] },
  };
}

/** `start` plus minutes, written in the same offset as `start` (FHIR dateTime). */
export function addMinutes(start: string, minutes: number): string {
  const m = /(Z|[+-]\d{2}:\d{2})$/.exec(start);
  const offset = m?.[1] ?? 'Z';
  const offMin = offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(Date.parse(start) + minutes * 60_000 + offMin * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

export interface ContactRefs {
  /** `Patient/<server id>` of the person. */
  readonly patientReference: string;
  /** `Encounter/<server id>`, once known (links the note document to it). */
  readonly encounterReference?: string;
}

export const noteDocumentId = (contactId: string, noteDigest: string) => `${contactId}.${noteDigest}`;

export function contactToEncounter(c: Contact, refs: ContactRefs, noteDigest: string | undefined, ns: FhirNamespace): Resource {
  const extension: Extension[] = [
    ...envelopeExtensions(c, ns),
    { url: `${ns.extension}attendance`, valueCoding: { system: ns.attendStatus, code: c.attendance, display: labelOf(ATTEND_STATUSES, c.attendance) } },
    { url: `${ns.extension}planned`, valueBoolean: c.planned },
    ...c.othersPresent.map((o) => ({
      url: `${ns.extension}other-present`,
      extension: [{ url: 'kind', valueCode: o.kind }, ...(o.role ? [{ url: 'role', valueString: o.role }] : [])],
    })),
    ...(c.interpreterLanguage ? [{ url: `${ns.extension}interpreter-language`, valueString: c.interpreterLanguage }] : []),
    ...c.taskIds.map((t) => ({ url: `${ns.extension}care-plan-task`, valueIdentifier: strIdentifier(t, ns) })),
    ...(noteDigest ? [{ url: `${ns.extension}note-ref`, valueIdentifier: { system: ns.noteId, value: noteDocumentId(c.id, noteDigest) } }] : []),
  ];
  const locationLabel = labelOf(ACTIVITY_LOCATION_TYPES, c.locationType);
  const mechanismLabel = labelOf(CONSULTATION_MECHANISMS, c.mechanism);
  const attendanceLabel = labelOf(ATTEND_STATUSES, c.attendance);
  const seen = SEEN.has(c.attendance);
  const snomed = snomedType(c);
  const interpreter = interpreterOf(c);
  return withNarrative({
    resourceType: 'Encounter',
    identifier: [strIdentifier(c.id, ns)],
    ...(interpreter?.contained && { contained: [interpreter.contained] }),
    status: c.enteredInError ? 'entered-in-error' : seen ? 'finished' : 'cancelled',
    class: encounterClass(c),
    // SNOMED CT where a verified code fits; the MHSDS codes beside it, each with its words. R4 Encounter has no element
    // for attendance, so it is a type of its own: a reader sees "Did not attend, no warning given", not just "cancelled".
    type: [
      ...(snomed ? [{ coding: [snomed], text: snomed.display }] : []),
      { coding: [{ system: ns.consMechanism, code: c.mechanism, display: mechanismLabel }], text: mechanismLabel },
      { coding: [{ system: ns.attendStatus, code: c.attendance, display: attendanceLabel }], text: `${seen ? 'Attended' : 'Not seen'}: ${attendanceLabel}` },
    ],
    serviceType: { coding: [ns.careSetting], text: ns.careSetting.display },
    subject: { reference: refs.patientReference, identifier: strIdentifier(c.serviceUserId, ns) },
    participant: [
      { type: [{ coding: [{ system: V3_PARTICIPATION_TYPE, code: 'PPRF', display: 'primary performer' }] }], individual: workerRef(c.workerId, ns) },
      ...(interpreter ? [interpreter.participant] : []),
    ],
    period: { start: c.start, end: addMinutes(c.start, c.durationMinutes) },
    // Time spent counts attended contacts only (DESIGN.md): a did-not-attend has a booked period but no length.
    ...(seen && { length: { value: c.durationMinutes, unit: 'min', system: UCUM, code: 'min' } }),
    location: [
      {
        location: { display: locationLabel ?? c.locationType },
        physicalType: { coding: [{ system: UKCORE_LOCATION_TYPE_SYSTEM, code: c.locationType, display: UKCORE_LOCATION_TYPE_DISPLAYS[c.locationType] }], text: locationLabel },
      },
    ],
    extension,
  });
}

/** Where a note document stands: the contact's current note, an earlier version, or part of a contact in error. */
export type NoteStatus = 'current' | 'superseded' | 'entered-in-error';

export const noteStatusOf = (c: Contact, isCurrent: boolean): NoteStatus => (c.enteredInError ? 'entered-in-error' : isCurrent ? 'current' : 'superseded');

/**
 * The note of a contact as a DocumentReference. `replaces`: the note-document identifier of the version this one
 * corrects (`relatesTo.code = replaces`; the old one is then marked superseded by the store).
 */
export function noteToDocumentReference(c: Contact, refs: ContactRefs, noteDigest: string, ns: FhirNamespace, replaces?: string): Resource {
  return withNarrative({
    resourceType: 'DocumentReference',
    identifier: [{ system: ns.noteId, value: noteDocumentId(c.id, noteDigest) }],
    status: noteStatusOf(c, true),
    type: { coding: [{ system: ns.documentKind, code: 'contact-note', display: 'Contact note' }], text: 'STR contact note' },
    subject: { reference: refs.patientReference },
    date: new Date(Date.parse(c.updatedAt)).toISOString(),
    author: [workerRef(c.workerId, ns)],
    ...(replaces && { relatesTo: [{ code: 'replaces', target: { identifier: { system: ns.noteId, value: replaces } } }] }),
    ...(refs.encounterReference && { context: { encounter: [{ reference: refs.encounterReference }] } }),
    content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: toBase64(c.note) } }],
  });
}

/** The note-document identifier an Encounter was saved with, or undefined for an empty note. */
export const noteRefOf = (enc: Resource, ns: FhirNamespace) => ext(enc, `${ns.extension}note-ref`)?.valueIdentifier?.value;

export function documentReferenceNote(doc: Resource): string {
  const data = (doc.content as { attachment?: { data?: string } }[] | undefined)?.[0]?.attachment?.data;
  if (data === undefined) return '';
  try {
    return fromBase64(data);
  } catch {
    throw mappingError(doc, 'its attachment is not UTF-8 text');
  }
}

type Ident = { identifier?: { system?: string; value?: string } };

/** The worker among an Encounter's participants (by the host's worker id system), or undefined. */
const workerOf = (enc: Resource, ns: FhirNamespace) =>
  (enc.participant as { individual?: Ident }[] | undefined)?.find((p) => p.individual?.identifier?.system === ns.workerId)?.individual?.identifier?.value;

/** Minutes of a contact: only attended contacts carry `length`; the others keep their booked minutes as the period. */
function minutesOf(enc: Resource): number | undefined {
  const period = enc.period as { start?: string; end?: string } | undefined;
  return (enc.length as { value?: number } | undefined)?.value ?? (period?.start && period.end ? Math.round((Date.parse(period.end) - Date.parse(period.start)) / 60_000) : undefined);
}

/** The MHSDS codes of an Encounter: consultation mechanism, location type and attendance, and whether it was planned. */
function contactCodesOf(enc: Resource, ns: FhirNamespace) {
  return {
    mechanism: (enc.type as { coding?: Coding[] }[] | undefined)?.flatMap((t) => t.coding ?? []).find((c) => c.system === ns.consMechanism)?.code,
    locationType: (enc.location as { physicalType?: { coding?: Coding[] } }[] | undefined)
      ?.flatMap((l) => l.physicalType?.coding ?? [])
      .find((c) => c.system === UKCORE_LOCATION_TYPE_SYSTEM)?.code,
    attendance: ext(enc, `${ns.extension}attendance`)?.valueCoding?.code,
    planned: ext(enc, `${ns.extension}planned`)?.valueBoolean,
  };
}

function othersPresentOf(enc: Resource, ns: FhirNamespace): Contact['othersPresent'] {
  return exts(enc, `${ns.extension}other-present`).map((o) => {
    const kind = o.extension?.find((e) => e.url === 'kind')?.valueCode;
    const role = o.extension?.find((e) => e.url === 'role')?.valueString;
    if (!OTHER_PRESENT_KINDS.includes(kind as OtherPresentKind)) throw mappingError(enc, 'an other-present entry has an unknown kind');
    return { kind: kind as OtherPresentKind, ...(role !== undefined && { role }) };
  });
}

export function encounterToContact(enc: Resource, note: string, ns: FhirNamespace): Contact {
  if (enc.resourceType !== 'Encounter') throw mappingError(enc, 'expected an Encounter');
  const env = readEnvelope(enc, ns);
  const subject = (enc.subject as Ident | undefined)?.identifier;
  const serviceUserId = subject?.system === ns.id ? subject.value : undefined;
  const workerId = workerOf(enc, ns);
  const start = (enc.period as { start?: string } | undefined)?.start;
  const minutes = minutesOf(enc);
  const { mechanism, locationType, attendance, planned } = contactCodesOf(enc, ns);
  if (!serviceUserId || !workerId || !start || minutes === undefined || !Number.isFinite(minutes) || !mechanism || !locationType || !attendance || planned === undefined) {
    throw mappingError(enc, 'a required contact field is missing');
  }
  const interpreterLanguage = ext(enc, `${ns.extension}interpreter-language`)?.valueString;
  return {
    ...env,
    serviceUserId,
    workerId,
    start,
    durationMinutes: minutes,
    mechanism: mechanism as Contact['mechanism'],
    locationType: locationType as Contact['locationType'],
    attendance: attendance as Contact['attendance'],
    planned,
    othersPresent: othersPresentOf(enc, ns),
    ...(interpreterLanguage !== undefined && { interpreterLanguage }),
    taskIds: exts(enc, `${ns.extension}care-plan-task`).map((t) => t.valueIdentifier?.value ?? ''),
    note,
  };
}
