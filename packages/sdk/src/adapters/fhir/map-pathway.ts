// The care pathway on FHIR R4 (issue 23, docs/adr/0027-care-pathway.md).
// - A key contact is a CareTeam about the person (category "Key contact") with one participant: a contained
//   RelatedPerson (family and carers, relationship coded with UK Core's AdditionalPersonRelationshipRole) or a contained
//   PractitionerRole of a contained Organization (someone from a service). Its role, "Contact in a crisis", how to reach
//   them and the person's agreement are in standard elements, in words; a suggestion is a `proposed` CareTeam.
// - A referral is a ServiceRequest about the person, with its progress in a contained Task, as R4's workflow intends
//   (Task.basedOn the request, status, businessStatus, executionPeriod from first seen to closed).
// Our extensions carry the exact text and the structured parts beside the words, never as the only copy.
import { formatNhsDate } from '../../domain/time.js';
import {
  KEY_CONTACT_KINDS, REFERRAL_DIRECTIONS, REFERRAL_OUTCOME_WORDS, REFERRAL_OUTCOMES,
  type KeyContact, type KeyContactKind, type Referral, type ReferralDirection, type ReferralOutcome, type RelationshipRole,
} from '../../schemas/pathway.js';
import type { Extension, Resource } from './fhir-types.js';
import { base64Text as exact, envelopeExtensions, ext, mappingError, need, readEnvelope, strIdentifier, subjectId, subjectOf, toBase64, workerRef } from './map-common.js';
import { withNarrative } from './narrative.js';
import { UKCORE_RELATIONSHIP_ROLES } from './ukcore.js';
import type { FhirNamespace } from './systems.js';

/** UKCore-AdditionalPersonRelationshipRole (RelatedPerson.relationship). Displays: ukcore.ts. */
export const UKCORE_RELATIONSHIP_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-AdditionalPersonRelationshipRole';

/** Our pathway codes, in words: a key contact's CareTeam category, a crisis contact's role, a referral's category. */
export const PATHWAY_CODES = {
  keyContact: { code: 'key-contact', display: 'Key contact' },
  crisis: { code: 'crisis-contact', display: 'Contact in a crisis' },
  referral: { code: 'referral', display: 'Referral' },
} as const;
type PathwayCode = keyof typeof PATHWAY_CODES;

const concept = (code: PathwayCode, ns: FhirNamespace) => ({ coding: [{ system: ns.pathwayKind, ...PATHWAY_CODES[code] }], text: PATHWAY_CODES[code].display });
const hasCode = (list: unknown, code: PathwayCode, ns: FhirNamespace) =>
  Array.isArray(list) && (list as { coding?: { system?: string; code?: string }[] }[]).some((c) => c.coding?.some((x) => x.system === ns.pathwayKind && x.code === PATHWAY_CODES[code].code));

/** Whether a CareTeam is one of our key contacts (and not a care team of workers). */
export const isKeyContact = (r: Resource, ns: FhirNamespace): boolean => r.resourceType === 'CareTeam' && hasCode(r.category, 'keyContact', ns);

const parts = (e: Extension | undefined) => (url: string) => e?.extension?.find((x) => x.url === url);

type Telecom = { system?: string; value?: string; use?: string };
const telecomOf = (c: Pick<KeyContact, 'phone' | 'email'>): Telecom[] => [
  ...(c.phone !== undefined ? [{ system: 'phone', value: c.phone }] : []),
  ...(c.email !== undefined ? [{ system: 'email', value: c.email }] : []),
];

/** A key contact in one line, as a record system lists care teams. */
function contactTitle(c: KeyContact): string {
  return `${c.role}: ${c.name}${c.organisation !== undefined ? ` (${c.organisation})` : ''}`;
}

/** The key contact's words that have no element of their own, as notes. */
function contactNotes(c: KeyContact): { text: string }[] {
  return [
    ...(c.reach !== undefined ? [`How and when to reach them: ${c.reach}`] : []),
    ...(c.crisis ? ['Contact in a crisis.'] : []),
    ...(c.agreedOn !== undefined ? [`The person agreed to this contact on ${formatNhsDate(c.agreedOn)}.`] : []),
    ...(c.status === 'suggested' ? [`Suggested by ${c.createdBy}; not yet confirmed by the care co-ordinator.${c.suggestionNote !== undefined ? ` Why: ${c.suggestionNote}` : ''}`] : []),
  ].map((text) => ({ text }));
}

const CARE_TEAM_STATUS = { suggested: 'proposed', active: 'active', inactive: 'inactive' } as const;

export function keyContactToFhir(c: KeyContact, patientReference: string, ns: FhirNamespace): Resource {
  const subject = subjectOf(c.serviceUserId, patientReference, ns);
  const telecom = telecomOf(c);
  // Any contact may have an agency: a paid carer's, as well as a professional's.
  const organisation = c.organisation !== undefined ? { resourceType: 'Organization', id: 'organisation', name: c.organisation } : undefined;
  // The role in words, with the UK Core relationship where there is one (on the participant too, so it is read the same
  // way for any kind of contact).
  const role = { ...(c.relationship !== undefined && { coding: [{ system: UKCORE_RELATIONSHIP_SYSTEM, code: c.relationship, display: UKCORE_RELATIONSHIP_ROLES[c.relationship] }] }), text: c.role };
  const member = c.kind === 'family'
    ? {
      resourceType: 'RelatedPerson', id: 'contact', patient: subject,
      relationship: [role],
      name: [{ text: c.name }],
      ...(telecom.length > 0 && { telecom }),
    }
    : {
      resourceType: 'PractitionerRole', id: 'contact', practitioner: { display: c.name },
      ...(organisation && { organization: { reference: '#organisation', display: organisation.name } }),
      code: [{ text: c.role }],
      ...(telecom.length > 0 && { telecom }),
      ...(c.reach !== undefined && { availabilityExceptions: c.reach }),
    };
  return withNarrative({
    resourceType: 'CareTeam',
    identifier: [strIdentifier(c.id, ns)],
    status: c.enteredInError ? 'entered-in-error' : CARE_TEAM_STATUS[c.status],
    category: [concept('keyContact', ns)],
    name: contactTitle(c),
    subject,
    contained: [...(organisation ? [organisation] : []), member],
    participant: [{
      role: [role, ...(c.crisis ? [concept('crisis', ns)] : [])],
      member: { reference: '#contact', display: c.name },
      ...(organisation && { onBehalfOf: { reference: '#organisation', display: organisation.name } }),
    }],
    ...(contactNotes(c).length > 0 && { note: contactNotes(c) }),
    extension: [
      ...envelopeExtensions(c, ns),
      { url: `${ns.extension}status`, valueCode: c.status },
      {
        url: `${ns.extension}key-contact`,
        extension: [
          { url: 'kind', valueCode: c.kind },
          { url: 'crisis', valueBoolean: c.crisis },
          ...(c.agreedOn !== undefined ? [{ url: 'agreedOn', valueDate: c.agreedOn }] : []),
          ...(c.reach !== undefined ? [{ url: 'reach', valueBase64Binary: toBase64(c.reach) }] : []),
          ...(c.replacesId !== undefined ? [{ url: 'replaces', valueIdentifier: strIdentifier(c.replacesId, ns) }] : []),
          ...(c.suggestionNote !== undefined ? [{ url: 'suggestion', valueBase64Binary: toBase64(c.suggestionNote) }] : []),
        ],
      },
    ],
  });
}

type Loose = Record<string, unknown>;
const containedOf = (r: Resource, id: string): Loose | undefined => (r.contained as Loose[] | undefined)?.find((x) => x['id'] === id);
const telecomValue = (m: Loose | undefined, system: string) => (m?.['telecom'] as Telecom[] | undefined)?.find((t) => t.system === system)?.value;

/** The given fields that have a value: an optional field a record does not have is absent, never `undefined`. */
const present = <T extends Record<string, unknown>>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The contact's parts only our extension holds exactly (the words are in notes and elements too). */
function keyContactParts(r: Resource, ns: FhirNamespace) {
  const part = parts(ext(r, `${ns.extension}key-contact`));
  const kind = need(part('kind')?.valueCode, r, 'kind of key contact') as KeyContactKind;
  if (!KEY_CONTACT_KINDS.includes(kind)) throw mappingError(r, 'its kind of key contact is not one STR Kit knows');
  const crisis = part('crisis')?.valueBoolean;
  if (typeof crisis !== 'boolean') throw mappingError(r, 'it does not say whether to contact them in a crisis');
  const reach = part('reach')?.valueBase64Binary;
  const replaces = part('replaces')?.valueIdentifier;
  const suggestion = part('suggestion')?.valueBase64Binary;
  return {
    kind,
    crisis,
    optional: present({
      agreedOn: part('agreedOn')?.valueDate,
      reach: reach === undefined ? undefined : exact(r, reach, 'how to reach them'),
      replacesId: replaces?.system === ns.id ? replaces.value : undefined,
      suggestionNote: suggestion === undefined ? undefined : exact(r, suggestion, 'suggestion note'),
    }),
  };
}

export function fhirToKeyContact(r: Resource, ns: FhirNamespace): KeyContact {
  if (!isKeyContact(r, ns)) throw mappingError(r, 'it is not an STR key contact');
  const { kind, crisis, optional } = keyContactParts(r, ns);
  const status = need(ext(r, `${ns.extension}status`)?.valueCode, r, 'STR status') as KeyContact['status'];
  type Role = { text?: string; coding?: { system?: string; code?: string }[] };
  const participant = (r.participant as { role?: Role[]; member?: { display?: string } }[] | undefined)?.[0];
  const member = containedOf(r, 'contact');
  const relationship = (participant?.role?.[0]?.coding ?? []).find((x) => x.system === UKCORE_RELATIONSHIP_SYSTEM)?.code as RelationshipRole | undefined;
  if (relationship !== undefined && !(relationship in UKCORE_RELATIONSHIP_ROLES)) throw mappingError(r, 'its relationship is not a UK Core code');
  return {
    ...readEnvelope(r, ns),
    serviceUserId: subjectId(r, 'subject', ns),
    kind,
    name: need(participant?.member?.display, r, 'contact’s name'),
    role: need(participant?.role?.[0]?.text, r, 'contact’s role'),
    ...present({
      organisation: containedOf(r, 'organisation')?.['name'] as string | undefined,
      relationship,
      phone: telecomValue(member, 'phone'),
      email: telecomValue(member, 'email'),
    }),
    crisis,
    status,
    ...optional,
  } as KeyContact;
}

/** Whether a ServiceRequest is one of our referrals. */
export const isReferral = (r: Resource, ns: FhirNamespace): boolean => r.resourceType === 'ServiceRequest' && hasCode(r.category, 'referral', ns);

const STAGE_WORDS = { waiting: 'Sent, not yet accepted', accepted: 'Accepted, not yet seen', seen: 'Seen' } as const;
const TASK_STATUS: Readonly<Record<ReferralOutcome, string>> = { completed: 'completed', declined: 'rejected', withdrawn: 'cancelled', 'did-not-attend': 'failed' };

/** A referral's progress in words (dates and outcome), for its note and its Task. */
function progressWords(x: Referral): string {
  return [
    `Sent on ${formatNhsDate(x.sentOn)}.`,
    ...(x.acceptedOn !== undefined ? [`Accepted on ${formatNhsDate(x.acceptedOn)}.`] : []),
    ...(x.firstSeenOn !== undefined ? [`First seen on ${formatNhsDate(x.firstSeenOn)}.`] : []),
    ...(x.closedOn !== undefined ? [`Closed on ${formatNhsDate(x.closedOn)}${x.outcome !== undefined ? `: ${REFERRAL_OUTCOME_WORDS[x.outcome]}` : ''}.`] : []),
    ...(x.outcomeNote !== undefined ? [`What came of it: ${x.outcomeNote}`] : []),
  ].join(' ');
}

function progressTask(x: Referral, subject: object): Loose {
  const stage = x.closedOn !== undefined ? undefined : x.firstSeenOn !== undefined ? 'seen' : x.acceptedOn !== undefined ? 'accepted' : 'waiting';
  const status = x.enteredInError ? 'entered-in-error'
    : x.closedOn !== undefined ? TASK_STATUS[x.outcome ?? 'completed']
    : stage === 'seen' ? 'in-progress' : stage === 'accepted' ? 'accepted' : 'requested';
  const words = stage !== undefined ? STAGE_WORDS[stage] : `Closed: ${x.outcome !== undefined ? REFERRAL_OUTCOME_WORDS[x.outcome] : 'no outcome recorded'}`;
  return {
    resourceType: 'Task',
    id: 'progress',
    status,
    businessStatus: { text: words },
    intent: 'order',
    code: { text: 'Fulfil the referral' },
    description: progressWords(x),
    basedOn: [{ reference: '#' }],
    for: subject,
    authoredOn: x.sentOn,
    ...((x.firstSeenOn !== undefined || x.closedOn !== undefined) && { executionPeriod: { ...(x.firstSeenOn !== undefined && { start: x.firstSeenOn }), ...(x.closedOn !== undefined && { end: x.closedOn }) } }),
  };
}

export function referralToFhir(x: Referral, patientReference: string, ns: FhirNamespace): Resource {
  const subject = subjectOf(x.serviceUserId, patientReference, ns);
  const outward = x.direction === 'out';
  return withNarrative({
    resourceType: 'ServiceRequest',
    identifier: [strIdentifier(x.id, ns)],
    status: x.enteredInError ? 'entered-in-error' : x.closedOn === undefined ? 'active' : x.outcome === 'completed' ? 'completed' : 'revoked',
    intent: 'order',
    category: [concept('referral', ns)],
    code: { text: outward ? `Referral to ${x.service}` : `Referral from ${x.service}` },
    subject,
    authoredOn: x.sentOn,
    ...(outward
      ? { requester: { ...(x.referrerId !== undefined && workerRef(x.referrerId, ns)), ...(x.referrerId === undefined && { display: 'This team' }) }, performer: [{ display: x.service }] }
      : { requester: { display: x.service } }),
    reasonCode: [{ text: x.reason }],
    note: [{ text: progressWords(x) }],
    contained: [progressTask(x, subject)],
    extension: [
      ...envelopeExtensions(x, ns),
      {
        url: `${ns.extension}referral`,
        extension: [
          { url: 'direction', valueCode: x.direction },
          { url: 'reason', valueBase64Binary: toBase64(x.reason) },
          ...(x.referrerId !== undefined ? [{ url: 'referrer', valueString: x.referrerId }] : []),
          ...(x.acceptedOn !== undefined ? [{ url: 'acceptedOn', valueDate: x.acceptedOn }] : []),
          ...(x.firstSeenOn !== undefined ? [{ url: 'firstSeenOn', valueDate: x.firstSeenOn }] : []),
          ...(x.closedOn !== undefined ? [{ url: 'closedOn', valueDate: x.closedOn }] : []),
          ...(x.outcome !== undefined ? [{ url: 'outcome', valueCode: x.outcome }] : []),
          ...(x.outcomeNote !== undefined ? [{ url: 'outcomeNote', valueBase64Binary: toBase64(x.outcomeNote) }] : []),
        ],
      },
    ],
  });
}

export function fhirToReferral(r: Resource, ns: FhirNamespace): Referral {
  if (!isReferral(r, ns)) throw mappingError(r, 'it is not an STR referral');
  const part = parts(ext(r, `${ns.extension}referral`));
  const direction = need(part('direction')?.valueCode, r, 'direction') as ReferralDirection;
  if (!REFERRAL_DIRECTIONS.includes(direction)) throw mappingError(r, 'its direction is not one STR Kit knows');
  const outcome = part('outcome')?.valueCode as ReferralOutcome | undefined;
  if (outcome !== undefined && !REFERRAL_OUTCOMES.includes(outcome)) throw mappingError(r, 'its outcome is not one STR Kit knows');
  const service = direction === 'out'
    ? (r.performer as { display?: string }[] | undefined)?.[0]?.display
    : (r.requester as { display?: string } | undefined)?.display;
  const referrerId = part('referrer')?.valueString;
  const date = (url: string) => part(url)?.valueDate;
  const [acceptedOn, firstSeenOn, closedOn] = [date('acceptedOn'), date('firstSeenOn'), date('closedOn')];
  const outcomeNote = part('outcomeNote')?.valueBase64Binary;
  return {
    ...readEnvelope(r, ns),
    serviceUserId: subjectId(r, 'subject', ns),
    direction,
    service: need(service, r, 'service'),
    reason: exact(r, part('reason')?.valueBase64Binary, 'reason'),
    ...(referrerId !== undefined && { referrerId }),
    sentOn: need(r.authoredOn as string | undefined, r, 'date sent'),
    ...(acceptedOn !== undefined && { acceptedOn }),
    ...(firstSeenOn !== undefined && { firstSeenOn }),
    ...(closedOn !== undefined && { closedOn }),
    ...(outcome !== undefined && { outcome }),
    ...(outcomeNote !== undefined && { outcomeNote: exact(r, outcomeNote, 'outcome note') }),
  };
}
