// WarningSignPlan ↔ CarePlan (category relapse prevention), SignCheck ↔ Observation, Alert ↔ Flag. The person's words
// (signs, responses, notes) travel base64 in STR extensions so they map back exactly; standard elements carry what
// other systems read. Choices: docs/adr/0002-fhir-mapping.md ("Relapse signs").
import { ALERT_OWNER_KINDS, FUNCTIONING_AREAS, FUNCTIONING_LEVELS, RATINGS, NOT_ASKED, type Alert, type AlertOwnerKind, type SignCheck, type SignRating, type WarningSignPlan } from '../../schemas/relapse.js';
import { labelOf } from '../../codes/mhsds.js';
import type { Extension, Identifier, Resource } from './fhir-types.js';
import { envelopeExtensions, ext, exts, fromBase64, mappingError, need, readEnvelope, strIdentifier, subjectId, subjectOf, toBase64, workerRef } from './map-common.js';
import type { FhirNamespace } from './systems.js';
import { withNarrative } from './narrative.js';

/** HL7 data-absent-reason (http://hl7.org/fhir/R4/codesystem-data-absent-reason.html): "not-asked". */
const DATA_ABSENT = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
/** HL7 flag-category (http://hl7.org/fhir/R4/codesystem-flag-category.html): "clinical". */
const FLAG_CATEGORY = 'http://terminology.hl7.org/CodeSystem/flag-category';
/** HL7 observation-category (http://hl7.org/fhir/R4/codesystem-observation-category.html): "survey". */
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

const part = (e: Extension | undefined, url: string) => e?.extension?.find((x) => x.url === url);
const b64 = (url: string, text: string): Extension => ({ url, valueBase64Binary: toBase64(text) });
/** FHIR has no empty strings: an empty text is an absent extension, read back as ''. */
const b64OrNone = (url: string, text: string): Extension[] => (text === '' ? [] : [b64(url, text)]);
function text64(r: Resource, e: Extension | undefined, what: string): string {
  const data = e?.valueBase64Binary;
  if (data === undefined) throw mappingError(r, `it has no ${what}`);
  try {
    return fromBase64(data);
  } catch {
    throw mappingError(r, `its ${what} is not UTF-8`);
  }
}
const textOrEmpty = (r: Resource, e: Extension | undefined, what: string): string => (e ? text64(r, e, what) : '');


export const isRelapsePlan = (r: Resource, ns: FhirNamespace) =>
  (r.category as { coding?: { system?: string; code?: string }[] }[] | undefined)?.some((c) => c.coding?.some((x) => x.system === ns.planKind && x.code === 'relapse-prevention')) ?? false;

export function warningSignPlanToFhir(p: WarningSignPlan, patientReference: string, ns: FhirNamespace): Resource {
  const counts = (['early', 'middle', 'late'] as const).map((st) => `${p.signs.filter((s) => s.stage === st).length} ${st}`).join(', ');
  return withNarrative({
    resourceType: 'CarePlan',
    identifier: [strIdentifier(p.id, ns)],
    status: p.enteredInError ? 'entered-in-error' : 'active',
    intent: 'plan',
    category: [{ coding: [{ system: ns.planKind, code: 'relapse-prevention', display: 'Relapse prevention: early warning signs' }] }],
    title: 'Early warning signs (relapse signature)',
    description: `The person's own early warning signs: ${counts}.`,
    subject: subjectOf(p.serviceUserId, patientReference, ns),
    ...(p.agreedOn && { period: { start: p.agreedOn } }),
    author: workerRef(p.coordinatorId, ns),
    // The reader's rule: each sign in the person's words with its stage and the agreed response, as R4 puts a planned
    // action (the response) and why (the sign); the crisis contacts as notes.
    ...(p.signs.length && {
      activity: p.signs.map((s) => ({
        detail: {
          code: { text: `Response to a${s.stage === 'early' ? 'n' : ''} ${s.stage} warning sign` },
          reasonCode: [{ text: s.text }],
          status: p.enteredInError ? 'entered-in-error' : 'unknown',
          description: s.response,
        },
      })),
    }),
    ...(p.contacts.length && { note: p.contacts.map((c) => ({ text: `Who to contact: ${c.who}: ${c.how}` })) }),
    extension: [
      ...envelopeExtensions(p, ns),
      ...p.signs.map((s) => ({ url: `${ns.extension}sign`, extension: [{ url: 'id', valueString: s.id }, { url: 'stage', valueCode: s.stage }, b64('text', s.text), b64('response', s.response)] })),
      ...p.contacts.map((c) => ({ url: `${ns.extension}crisis-contact`, extension: [{ url: 'who', valueString: c.who }, b64('how', c.how)] })),
      { url: `${ns.extension}alert-rule`, extension: Object.entries(p.rule).map(([k, v]) => ({ url: k, valueInteger: v })) },
      ...(p.agreedBaseline ? [{ url: `${ns.extension}agreed-baseline`, extension: [{ url: 'total', valueDecimal: p.agreedBaseline.total }, ...p.agreedBaseline.fromCheckIds.map((id) => ({ url: 'check', valueIdentifier: strIdentifier(id, ns) })), ...(p.agreedBaseline.signIds ? [{ url: 'covers-signs', valueBoolean: true }, ...p.agreedBaseline.signIds.map((id) => ({ url: 'sign', valueString: id }))] : [])] }] : []),
      ...(p.reviewOn ? [{ url: `${ns.extension}review-on`, valueDate: p.reviewOn }] : []),
    ],
  });
}

export function fhirToWarningSignPlan(r: Resource, ns: FhirNamespace): WarningSignPlan {
  if (r.resourceType !== 'CarePlan' || !isRelapsePlan(r, ns)) throw mappingError(r, 'expected a relapse-prevention CarePlan');
  const rule = ext(r, `${ns.extension}alert-rule`);
  const ruleValue = (k: string) => need(part(rule, k)?.valueInteger, r, `alert rule ${k}`);
  const baseline = ext(r, `${ns.extension}agreed-baseline`);
  const agreedOn = (r.period as { start?: string } | undefined)?.start;
  const reviewOn = ext(r, `${ns.extension}review-on`)?.valueDate;
  return {
    ...readEnvelope(r, ns),
    serviceUserId: subjectId(r, 'subject', ns),
    coordinatorId: need((r.author as { identifier?: Identifier } | undefined)?.identifier?.value, r, 'author'),
    signs: exts(r, `${ns.extension}sign`).map((e) => ({
      id: need(part(e, 'id')?.valueString, r, 'sign id'),
      stage: need(part(e, 'stage')?.valueCode, r, 'sign stage') as 'early' | 'middle' | 'late',
      text: text64(r, part(e, 'text'), 'sign text'),
      response: text64(r, part(e, 'response'), 'agreed response'),
    })),
    contacts: exts(r, `${ns.extension}crisis-contact`).map((e) => ({ who: need(part(e, 'who')?.valueString, r, 'contact'), how: text64(r, part(e, 'how'), 'how to contact') })),
    rule: { lateSignAtLeast: ruleValue('lateSignAtLeast'), risePercent: ruleValue('risePercent'), risePoints: ruleValue('risePoints'), repeatRating: ruleValue('repeatRating'), repeatChecks: ruleValue('repeatChecks') },
    ...(baseline && {
      agreedBaseline: {
        total: need(part(baseline, 'total')?.valueDecimal, r, 'baseline total'),
        fromCheckIds: (baseline.extension ?? []).filter((x) => x.url === 'check').map((x) => need(x.valueIdentifier?.value, r, 'baseline check')),
        ...(part(baseline, 'covers-signs')?.valueBoolean === true && { signIds: (baseline.extension ?? []).filter((x) => x.url === 'sign').map((x) => need(x.valueString, r, 'baseline sign')) }),
      },
    }),
    ...(agreedOn && { agreedOn }),
    ...(reviewOn && { reviewOn }),
  };
}

const CHECK_CODE = 'relapse-sign-check';
export const isSignCheck = (r: Resource, ns: FhirNamespace) =>
  (r.code as { coding?: { system?: string; code?: string }[] } | undefined)?.coding?.some((c) => c.system === ns.observationKind && c.code === CHECK_CODE) ?? false;

/**
 * The sign words for a check's components: from the plan the store read (the version rated where it still has the
 * sign). A sign the plan no longer holds is named as such rather than left without words.
 */
export type SignWords = ReadonlyMap<string, string>;

export function signCheckToFhir(c: SignCheck, patientReference: string, ns: FhirNamespace, words?: SignWords): Resource {
  const notes = [
    ...(c.observations ? [{ text: `Observations: ${c.observations}` }] : []),
    ...(c.personsView ? [{ text: `The person's view: ${c.personsView}` }] : []),
    ...Object.entries(c.functioning).flatMap(([area, f]) => (f?.note ? [{ text: `${labelOf(FUNCTIONING_AREAS, area)}: ${f.note}` }] : [])),
  ];
  const ratingComponents = Object.entries(c.ratings).map(([signId, rating]) => ({
    code: { coding: [{ system: ns.signId, code: signId }], ...(words && { text: words.get(signId) ?? 'A sign no longer on the plan' }) },
    ...(rating === NOT_ASKED
      ? { dataAbsentReason: { coding: [{ system: DATA_ABSENT, code: 'not-asked', display: 'Not Asked' }] } }
      : { valueInteger: rating, interpretation: [{ text: RATINGS.find((x) => x.code === rating)?.label }] }),
  }));
  const functioning = Object.entries(c.functioning).map(([area, f]) => ({
    code: { coding: [{ system: ns.functioningArea, code: area }], text: labelOf(FUNCTIONING_AREAS, area) },
    valueCodeableConcept: { coding: [{ system: ns.functioningLevel, code: f!.level }], text: labelOf(FUNCTIONING_LEVELS, f!.level) },
    ...(f!.note !== undefined && { extension: [b64(`${ns.extension}note`, f!.note)] }),
  }));
  return withNarrative({
    resourceType: 'Observation',
    identifier: [strIdentifier(c.id, ns)],
    status: c.enteredInError ? 'entered-in-error' : 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: { coding: [{ system: ns.observationKind, code: CHECK_CODE, display: 'Early warning signs check' }], text: 'Early warning signs check' },
    subject: subjectOf(c.serviceUserId, patientReference, ns),
    effectiveDateTime: c.at,
    performer: [workerRef(c.workerId, ns)],
    basedOn: [{ identifier: strIdentifier(c.planId, ns) }],
    component: [...ratingComponents, ...functioning],
    ...(notes.length && { note: notes }),
    extension: [
      ...envelopeExtensions(c, ns),
      { url: `${ns.extension}plan-version`, valueString: c.planVersion },
      ...b64OrNone(`${ns.extension}observations`, c.observations),
      ...b64OrNone(`${ns.extension}persons-view`, c.personsView),
      { url: `${ns.extension}marked-well`, valueBoolean: c.markedWell },
    ],
  });
}

interface Component { code?: { coding?: { system?: string; code?: string }[] }; valueInteger?: number; dataAbsentReason?: unknown; valueCodeableConcept?: { coding?: { system?: string; code?: string }[] }; extension?: Extension[] }

/** A sign check's components: a rating (or "not asked") per sign, and a level (with any note) per functioning area. */
function checkComponentsOf(r: Resource, ns: FhirNamespace): Pick<SignCheck, 'ratings' | 'functioning'> {
  const ratings: Record<string, SignRating> = {};
  const functioning: SignCheck['functioning'] = {};
  for (const comp of (r.component as Component[] | undefined) ?? []) {
    const sign = comp.code?.coding?.find((x) => x.system === ns.signId)?.code;
    if (sign) ratings[sign] = comp.dataAbsentReason !== undefined ? NOT_ASKED : (need(comp.valueInteger, r, 'rating') as SignRating);
    const area = comp.code?.coding?.find((x) => x.system === ns.functioningArea)?.code;
    if (area) {
      const level = need(comp.valueCodeableConcept?.coding?.find((x) => x.system === ns.functioningLevel)?.code, r, 'functioning level');
      const note = ext(comp, `${ns.extension}note`);
      functioning[area as keyof SignCheck['functioning']] = { level: level as 'usual', ...(note && { note: text64(r, note, 'functioning note') }) };
    }
  }
  return { ratings, functioning };
}

export function fhirToSignCheck(r: Resource, ns: FhirNamespace): SignCheck {
  if (r.resourceType !== 'Observation' || !isSignCheck(r, ns)) throw mappingError(r, 'expected an STR sign-check Observation');
  const { ratings, functioning } = checkComponentsOf(r, ns);
  return {
    ...readEnvelope(r, ns),
    serviceUserId: subjectId(r, 'subject', ns),
    planId: need((r.basedOn as { identifier?: Identifier }[] | undefined)?.find((b) => b.identifier?.system === ns.id)?.identifier?.value, r, 'plan'),
    planVersion: need(ext(r, `${ns.extension}plan-version`)?.valueString, r, 'plan version'),
    at: need(r.effectiveDateTime as string | undefined, r, 'time'),
    workerId: need((r.performer as { identifier?: Identifier }[] | undefined)?.[0]?.identifier?.value, r, 'performer'),
    ratings,
    functioning,
    observations: textOrEmpty(r, ext(r, `${ns.extension}observations`), 'observations'),
    personsView: textOrEmpty(r, ext(r, `${ns.extension}persons-view`), 'person’s view'),
    markedWell: need(ext(r, `${ns.extension}marked-well`)?.valueBoolean, r, 'marked-well flag'),
  };
}

/**
 * When the alert was dealt with, if that is not before it was raised: R4 requires a Period to end after it starts
 * (per-1) and a Task's lastModified to follow authoredOn (inv-1). A record breaking that (clock skew between devices)
 * keeps the time in its STR extension and leaves these elements open rather than being refused.
 */
const endedAt = (a: Alert) => (a.acknowledged && Date.parse(a.acknowledged.at) >= Date.parse(a.raisedAt) ? a.acknowledged.at : undefined);

export function alertToFhir(a: Alert, patientReference: string, ns: FhirNamespace): Resource {
  const end = endedAt(a);
  return withNarrative({
    resourceType: 'Flag',
    identifier: [strIdentifier(a.id, ns)],
    status: a.enteredInError ? 'entered-in-error' : a.status === 'open' ? 'active' : 'inactive',
    category: [
      { coding: [{ system: FLAG_CATEGORY, code: 'clinical', display: 'Clinical' }] },
      { coding: [{ system: ns.alertKind, code: 'relapse-early-warning', display: 'Early warning signs' }] },
    ],
    // The reason in words is what a reader of the Flag needs (the reader's rule); the coding says what kind it is.
    code: { coding: [{ system: ns.alertKind, code: 'alert-rule-met', display: 'Early warning signs: the alert rule was met' }], text: a.reason },
    subject: subjectOf(a.serviceUserId, patientReference, ns),
    // R4: the period the flag is relevant; an acknowledged alert ends when it was acknowledged.
    period: { start: a.raisedAt, ...(end && { end }) },
    author: workerRef(a.raisedBy, ns),
    extension: [
      ...envelopeExtensions(a, ns),
      { url: `${ns.extension}status`, valueCode: a.status },
      { url: `${ns.extension}check`, valueIdentifier: strIdentifier(a.checkId, ns) },
      b64(`${ns.extension}reason`, a.reason),
      ...b64OrNone(`${ns.extension}note`, a.note),
      ...(a.acknowledged ? [{ url: `${ns.extension}acknowledged`, extension: [{ url: 'by', valueString: a.acknowledged.by }, { url: 'at', valueDateTime: a.acknowledged.at }, b64('action', a.acknowledged.action)] }] : []),
      ...(a.owner ? [{ url: `${ns.extension}owner`, extension: [{ url: 'kind', valueCode: a.owner.kind }, { url: 'id', valueString: a.owner.id }] }] : []),
    ],
  });
}

export function fhirToAlert(r: Resource, ns: FhirNamespace): Alert {
  if (r.resourceType !== 'Flag') throw mappingError(r, 'expected a Flag');
  const ack = ext(r, `${ns.extension}acknowledged`);
  const owner = ext(r, `${ns.extension}owner`);
  const ownerKind = part(owner, 'kind')?.valueCode;
  if (owner && !ALERT_OWNER_KINDS.includes(ownerKind as AlertOwnerKind)) throw mappingError(r, 'its owner has an unknown kind');
  return {
    ...readEnvelope(r, ns),
    serviceUserId: subjectId(r, 'subject', ns),
    checkId: need(ext(r, `${ns.extension}check`)?.valueIdentifier?.value, r, 'check'),
    reason: text64(r, ext(r, `${ns.extension}reason`), 'reason'),
    note: textOrEmpty(r, ext(r, `${ns.extension}note`), 'note'),
    raisedBy: need((r.author as { identifier?: Identifier } | undefined)?.identifier?.value, r, 'author'),
    raisedAt: need((r.period as { start?: string } | undefined)?.start, r, 'start'),
    status: need(ext(r, `${ns.extension}status`)?.valueCode, r, 'STR status') as Alert['status'],
    ...(ack && { acknowledged: { by: need(part(ack, 'by')?.valueString, r, 'acknowledged by'), at: need(part(ack, 'at')?.valueDateTime, r, 'acknowledged at'), action: text64(r, part(ack, 'action'), 'action') } }),
    ...(owner && { owner: { kind: ownerKind as AlertOwnerKind, id: need(part(owner, 'id')?.valueString, r, 'owner id') } }),
  };
}

/** What the alert is about, when the store could read it: the check and the plan it was rated against. */
export interface AlertContext {
  readonly check?: SignCheck | undefined;
  readonly plan?: WarningSignPlan | undefined;
}

const ratingWords = (r: SignRating | undefined) => (r === undefined ? 'not rated' : r === NOT_ASKED ? 'not asked' : `${r} of 3, ${RATINGS.find((x) => x.code === r)?.label ?? ''}`);

/**
 * The Task's description: everything the person receiving it needs in words, in one standard element (R4
 * Task.description), since an EPR worklist shows that and nothing of STR Kit's extensions.
 */
export function alertDescription(a: Alert, { check, plan }: AlertContext): string {
  const lines = [`Early warning signs alert: ${a.reason}`];
  if (a.note.trim()) lines.push(`Note from the worker: ${a.note}`);
  if (plan) {
    lines.push(check ? 'Signs as rated, with the agreed response:' : 'Signs, with the agreed response:');
    for (const sign of plan.signs) {
      lines.push(`- ${sign.text} (${sign.stage} sign)${check ? `: ${ratingWords(check.ratings[sign.id])}` : ''}. Agreed response: ${sign.response}`);
    }
    lines.push(plan.contacts.length ? 'Who to contact:' : 'Who to contact: no crisis contacts are recorded on the plan.');
    for (const c of plan.contacts) lines.push(`- ${c.who}: ${c.how}`);
  } else {
    lines.push(`The warning-sign plan could not be read when this task was written; see the check ${a.checkId}.`);
  }
  if (a.acknowledged) lines.push(`What was done: ${a.acknowledged.action}`);
  return lines.join('\n');
}

/** Who owns the Task: the owner worked out when the alert was raised; else (alerts from before owners) the co-ordinator. */
function taskOwner(a: Alert, coordinatorId: string | undefined, ns: FhirNamespace) {
  if (a.owner?.kind === 'care-team') return { type: 'CareTeam', identifier: strIdentifier(a.owner.id, ns), display: 'The person’s care team' };
  if (a.owner) return { ...workerRef(a.owner.id, ns), display: a.owner.kind === 'team-lead' ? 'Team lead' : 'Care co-ordinator' };
  return coordinatorId ? { ...workerRef(coordinatorId, ns), display: 'Care co-ordinator' } : undefined;
}

/**
 * The Task for an alert (DESIGN.md: Flag + Task), on its owner's worklist. A projection of the alert: the record itself
 * is the Flag; this is written after it, idempotently, and brought up to date on every write. With no owner it still
 * exists, requested and waiting for one (R4: an unassigned Task has no owner).
 */
export function alertTaskOf(a: Alert, flagReference: string, patientReference: string, coordinatorId: string | undefined, ns: FhirNamespace, context: AlertContext = {}): Resource {
  const owner = taskOwner(a, coordinatorId, ns);
  const end = endedAt(a);
  return withNarrative({
    resourceType: 'Task',
    identifier: [{ system: ns.companionId, value: a.id }],
    status: a.enteredInError ? 'entered-in-error' : a.status === 'open' ? 'requested' : 'completed',
    ...(!owner && a.status === 'open' && !a.enteredInError && { businessStatus: { text: 'Waiting for an owner: nobody has been assigned to receive this alert' } }),
    intent: 'order',
    // R4 request-priority: "urgent" = to be done before routine work; an early-warning alert is not an emergency call.
    priority: 'urgent',
    code: { text: 'Respond to an early-warning-signs alert' },
    description: alertDescription(a, context),
    focus: { reference: flagReference },
    for: { reference: patientReference },
    authoredOn: a.raisedAt,
    requester: workerRef(a.raisedBy, ns),
    ...(owner ? { owner } : { performerType: [{ text: 'Care co-ordinator' }] }),
    // R4 executionPeriod: from when it was raised until it was dealt with.
    executionPeriod: { start: a.raisedAt, ...(end && { end }) },
    ...(end && { lastModified: end }),
    ...(a.acknowledged && { output: [{ type: { text: 'What was done' }, valueString: a.acknowledged.action }] }),
  });
}
