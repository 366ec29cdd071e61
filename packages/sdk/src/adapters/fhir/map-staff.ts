// Staff records on FHIR R4 (issue 22, docs/adr/0025-staff-records.md): each one DocumentReference whose subject is the
// worker (by the id the host signs them in with), never a Patient, so it is in no Patient compartment. Every fact is
// in the document's words (a text/plain attachment and the description); the structured parts travel in extensions
// beside them, never as the only copy. Private supervision notes carry the restricted confidentiality label, which
// the record system must enforce.
import { formatNhsDate } from '../../domain/time.js';
import { SUPERVISION_KIND_WORDS, SUPERVISION_KINDS, type Supervision, type SupervisionKind, type SupervisionNote, type Training } from '../../schemas/staff.js';
import type { Extension, Identifier, Resource } from './fhir-types.js';
import { base64Text as exactText, envelopeExtensions, ext, exts, mappingError, need, readEnvelope, strIdentifier, toBase64, workerRef } from './map-common.js';
import { withNarrative } from './narrative.js';
import type { FhirNamespace } from './systems.js';

/** HL7 v3 Confidentiality (http://terminology.hl7.org/CodeSystem/v3-Confidentiality), code R as published. */
export const RESTRICTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' } as const;

/** The `type` of each staff document, in our document-kind system, with its words. */
export const STAFF_DOCUMENT_KINDS = {
  supervision: { code: 'staff-supervision', display: 'Staff supervision record' },
  supervisionNote: { code: 'staff-supervision-private-notes', display: 'Staff supervision private notes' },
  training: { code: 'staff-training', display: 'Staff training record' },
} as const;
type StaffKind = keyof typeof STAFF_DOCUMENT_KINDS;

const kindOf = (r: Resource, ns: FhirNamespace) => (r.type as { coding?: { system?: string; code?: string }[] } | undefined)?.coding?.find((c) => c.system === ns.documentKind)?.code;
/** Whether a DocumentReference is this staff record type (one search finds only its own, but a list may be wider). */
export const isStaffDocument = (kind: StaffKind) => (r: Resource, ns: FhirNamespace) => r.resourceType === 'DocumentReference' && kindOf(r, ns) === STAFF_DOCUMENT_KINDS[kind].code;
/** The search that finds one staff type's documents, by their `type` (an R4 DocumentReference token parameter). */
export const staffSearch = (kind: StaffKind) => (ns: FhirNamespace): [string, string][] => [['type', `${ns.documentKind}|${STAFF_DOCUMENT_KINDS[kind].code}`]];

const textAttachment = (words: string) => [{ attachment: { contentType: 'text/plain; charset=utf-8', data: toBase64(words) } }];
const staffCategory = (ns: FhirNamespace) => [{ coding: [{ system: ns.documentKind, code: 'staff-record', display: 'Staff record' }], text: 'Staff record' }];
const typeOf = (kind: StaffKind, ns: FhirNamespace) => ({ coding: [{ system: ns.documentKind, ...STAFF_DOCUMENT_KINDS[kind] }], text: STAFF_DOCUMENT_KINDS[kind].display });
const person = (id: string, ns: FhirNamespace) => ({ type: 'Practitioner', ...workerRef(id, ns) });

function base(kind: StaffKind, r: Supervision | SupervisionNote | Training, ns: FhirNamespace, words: string, description: string, extension: Extension[]): Resource {
  return withNarrative({
    resourceType: 'DocumentReference',
    identifier: [strIdentifier(r.id, ns)],
    status: r.enteredInError ? 'entered-in-error' : 'current',
    type: typeOf(kind, ns),
    category: staffCategory(ns),
    subject: person(r.workerId, ns),
    date: new Date(Date.parse(r.createdAt)).toISOString(),
    author: [person('supervisorId' in r ? r.supervisorId : r.createdBy, ns)],
    description,
    content: textAttachment(words),
    extension: [...envelopeExtensions(r, ns), ...extension],
  });
}

const workerIdOf = (r: Resource, element: 'subject', ns: FhirNamespace): string => {
  const id = (r[element] as { identifier?: Identifier } | undefined)?.identifier;
  if (id?.system !== ns.workerId || !id.value) throw mappingError(r, `its ${element} names no worker`);
  return id.value;
};
const authorId = (r: Resource, ns: FhirNamespace): string => {
  const id = (r.author as { identifier?: Identifier }[] | undefined)?.find((a) => a.identifier?.system === ns.workerId)?.identifier?.value;
  return need(id, r, 'author');
};
const period = (r: Resource) => (r.context as { period?: { start?: string; end?: string } } | undefined)?.period;
const attachmentData = (r: Resource) => (r.content as { attachment?: { data?: string } }[] | undefined)?.[0]?.attachment?.data;

/** A supervision in words, as a record system shows the document. */
function supervisionWords(s: Supervision): string {
  const lines = [
    `Supervision (${SUPERVISION_KIND_WORDS[s.kind]}) of worker ${s.workerId}, by ${s.supervisorId}, held on ${formatNhsDate(s.heldOn)}.`,
    ...(s.actions.length ? ['Agreed actions:', ...s.actions.map((a) => `- ${a.text} (by ${a.ownerId}, due ${formatNhsDate(a.dueOn)})`)] : ['No actions agreed.']),
    ...(s.nextDueOn ? [`Next supervision due by ${formatNhsDate(s.nextDueOn)}.`] : []),
  ];
  return lines.join('\n');
}

export function supervisionToFhir(s: Supervision, _patient: string, ns: FhirNamespace): Resource {
  const r = base('supervision', s, ns, supervisionWords(s), `Supervision (${SUPERVISION_KIND_WORDS[s.kind]}) held on ${formatNhsDate(s.heldOn)}`, [
    { url: `${ns.extension}supervision-kind`, valueCode: s.kind },
    ...s.actions.map((a) => ({
      url: `${ns.extension}agreed-action`,
      extension: [{ url: 'text', valueBase64Binary: toBase64(a.text) }, { url: 'owner', valueString: a.ownerId }, { url: 'due', valueDate: a.dueOn }],
    })),
    ...(s.nextDueOn ? [{ url: `${ns.extension}next-due`, valueDate: s.nextDueOn }] : []),
  ]);
  return { ...r, context: { period: { start: s.heldOn } } };
}

export function fhirToSupervision(r: Resource, ns: FhirNamespace): Supervision {
  if (!isStaffDocument('supervision')(r, ns)) throw mappingError(r, 'it is not an STR supervision record');
  const kind = need(ext(r, `${ns.extension}supervision-kind`)?.valueCode, r, 'supervision kind');
  if (!(SUPERVISION_KINDS as readonly string[]).includes(kind)) throw mappingError(r, 'its supervision kind is not one STR Kit knows');
  const nextDueOn = ext(r, `${ns.extension}next-due`)?.valueDate;
  return {
    ...readEnvelope(r, ns),
    workerId: workerIdOf(r, 'subject', ns),
    supervisorId: authorId(r, ns),
    heldOn: need(period(r)?.start, r, 'date held'),
    kind: kind as SupervisionKind,
    actions: exts(r, `${ns.extension}agreed-action`).map((a) => {
      const part = (url: string) => a.extension?.find((e) => e.url === url);
      return { text: exactText(r, part('text')?.valueBase64Binary, 'agreed action'), ownerId: need(part('owner')?.valueString, r, 'action owner'), dueOn: need(part('due')?.valueDate, r, 'action due date') };
    }),
    ...(nextDueOn && { nextDueOn }),
  };
}

export function supervisionNoteToFhir(n: SupervisionNote, _patient: string, ns: FhirNamespace): Resource {
  const r = base('supervisionNote', n, ns, n.text, 'Private notes of a staff supervision (restricted)', []);
  return {
    ...r,
    meta: { security: [{ ...RESTRICTED }] },
    relatesTo: [{ code: 'appends', target: { identifier: strIdentifier(n.supervisionId, ns) } }],
    context: { related: [{ identifier: strIdentifier(n.supervisionId, ns) }] },
  };
}

export function fhirToSupervisionNote(r: Resource, ns: FhirNamespace): SupervisionNote {
  if (!isStaffDocument('supervisionNote')(r, ns)) throw mappingError(r, 'it is not STR private supervision notes');
  const supervisionId = (r.context as { related?: { identifier?: Identifier }[] } | undefined)?.related?.find((x) => x.identifier?.system === ns.id)?.identifier?.value;
  return {
    ...readEnvelope(r, ns),
    supervisionId: need(supervisionId, r, 'supervision'),
    workerId: workerIdOf(r, 'subject', ns),
    supervisorId: authorId(r, ns),
    text: exactText(r, attachmentData(r), 'text'),
  };
}

function trainingWords(t: Training): string {
  return [
    `${t.title}: completed by worker ${t.workerId} on ${formatNhsDate(t.completedOn)}.`,
    t.expiresOn ? `Expires on ${formatNhsDate(t.expiresOn)}.` : 'No expiry recorded.',
    ...(t.evidence ? [`Evidence: ${t.evidence}`] : []),
  ].join('\n');
}

export function trainingToFhir(t: Training, _patient: string, ns: FhirNamespace): Resource {
  const r = base('training', t, ns, trainingWords(t), `${t.title}, completed on ${formatNhsDate(t.completedOn)}`, [
    { url: `${ns.extension}training-item`, extension: [{ url: 'id', valueString: t.itemId }, { url: 'title', valueBase64Binary: toBase64(t.title) }] },
    ...(t.evidence ? [{ url: `${ns.extension}evidence`, valueBase64Binary: toBase64(t.evidence) }] : []),
  ]);
  return { ...r, context: { period: { start: t.completedOn, ...(t.expiresOn && { end: t.expiresOn }) } } };
}

export function fhirToTraining(r: Resource, ns: FhirNamespace): Training {
  if (!isStaffDocument('training')(r, ns)) throw mappingError(r, 'it is not an STR training record');
  const item = ext(r, `${ns.extension}training-item`);
  const part = (url: string) => item?.extension?.find((e) => e.url === url);
  const evidence = ext(r, `${ns.extension}evidence`)?.valueBase64Binary;
  const expiresOn = period(r)?.end;
  return {
    ...readEnvelope(r, ns),
    workerId: workerIdOf(r, 'subject', ns),
    itemId: need(part('id')?.valueString, r, 'training item'),
    title: exactText(r, part('title')?.valueBase64Binary, 'training title'),
    completedOn: need(period(r)?.start, r, 'completion date'),
    ...(expiresOn && { expiresOn }),
    ...(evidence !== undefined && { evidence: exactText(r, evidence, 'evidence') }),
  };
}
