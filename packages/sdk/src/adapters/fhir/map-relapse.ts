// WarningSignPlan ↔ CarePlan (category relapse prevention), SignCheck ↔ Observation, Alert ↔ Flag. The person's words
// (signs, responses, notes) travel base64 in STR extensions so they map back exactly; standard elements carry what
// other systems read. Choices: docs/adr/0002-fhir-mapping.md ("Relapse signs").
import { RATINGS, NOT_ASKED, type Alert, type SignCheck, type SignRating, type WarningSignPlan } from '../../schemas/relapse.js';
import type { Extension, Identifier, Resource } from './fhir-types.js';
import { envelopeExtensions, ext, exts, fromBase64, mappingError, need, readEnvelope, strIdentifier, subjectId, subjectOf, toBase64, workerRef } from './map-common.js';
import type { FhirNamespace } from './systems.js';

/** HL7 data-absent-reason (http://hl7.org/fhir/R4/codesystem-data-absent-reason.html): "not-asked". */
const DATA_ABSENT = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
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
  return {
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
    extension: [
      ...envelopeExtensions(p, ns),
      ...p.signs.map((s) => ({ url: `${ns.extension}sign`, extension: [{ url: 'id', valueString: s.id }, { url: 'stage', valueCode: s.stage }, b64('text', s.text), b64('response', s.response)] })),
      ...p.contacts.map((c) => ({ url: `${ns.extension}crisis-contact`, extension: [{ url: 'who', valueString: c.who }, b64('how', c.how)] })),
      { url: `${ns.extension}alert-rule`, extension: Object.entries(p.rule).map(([k, v]) => ({ url: k, valueInteger: v })) },
      ...(p.agreedBaseline ? [{ url: `${ns.extension}agreed-baseline`, extension: [{ url: 'total', valueDecimal: p.agreedBaseline.total }, ...p.agreedBaseline.fromCheckIds.map((id) => ({ url: 'check', valueIdentifier: strIdentifier(id, ns) })), ...(p.agreedBaseline.signIds ? [{ url: 'covers-signs', valueBoolean: true }, ...p.agreedBaseline.signIds.map((id) => ({ url: 'sign', valueString: id }))] : [])] }] : []),
      ...(p.reviewOn ? [{ url: `${ns.extension}review-on`, valueDate: p.reviewOn }] : []),
    ],
  };
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

export function signCheckToFhir(c: SignCheck, patientReference: string, ns: FhirNamespace): Resource {
  const ratingComponents = Object.entries(c.ratings).map(([signId, rating]) => ({
    code: { coding: [{ system: ns.signId, code: signId }] },
    ...(rating === NOT_ASKED
      ? { dataAbsentReason: { coding: [{ system: DATA_ABSENT, code: 'not-asked', display: 'Not Asked' }] } }
      : { valueInteger: rating, interpretation: [{ text: RATINGS.find((x) => x.code === rating)?.label }] }),
  }));
  const functioning = Object.entries(c.functioning).map(([area, f]) => ({
    code: { coding: [{ system: ns.functioningArea, code: area }] },
    valueCodeableConcept: { coding: [{ system: ns.functioningLevel, code: f!.level }] },
    ...(f!.note !== undefined && { extension: [b64(`${ns.extension}note`, f!.note)] }),
  }));
  return {
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
    extension: [
      ...envelopeExtensions(c, ns),
      { url: `${ns.extension}plan-version`, valueString: c.planVersion },
      ...b64OrNone(`${ns.extension}observations`, c.observations),
      ...b64OrNone(`${ns.extension}persons-view`, c.personsView),
      { url: `${ns.extension}marked-well`, valueBoolean: c.markedWell },
    ],
  };
}

interface Component { code?: { coding?: { system?: string; code?: string }[] }; valueInteger?: number; dataAbsentReason?: unknown; valueCodeableConcept?: { coding?: { system?: string; code?: string }[] }; extension?: Extension[] }

export function fhirToSignCheck(r: Resource, ns: FhirNamespace): SignCheck {
  if (r.resourceType !== 'Observation' || !isSignCheck(r, ns)) throw mappingError(r, 'expected an STR sign-check Observation');
  const comps = (r.component as Component[] | undefined) ?? [];
  const ratings: Record<string, SignRating> = {};
  const functioning: SignCheck['functioning'] = {};
  for (const comp of comps) {
    const sign = comp.code?.coding?.find((x) => x.system === ns.signId)?.code;
    if (sign) ratings[sign] = comp.dataAbsentReason !== undefined ? NOT_ASKED : (need(comp.valueInteger, r, 'rating') as SignRating);
    const area = comp.code?.coding?.find((x) => x.system === ns.functioningArea)?.code;
    if (area) {
      const level = need(comp.valueCodeableConcept?.coding?.find((x) => x.system === ns.functioningLevel)?.code, r, 'functioning level');
      const note = ext(comp, `${ns.extension}note`);
      functioning[area as keyof SignCheck['functioning']] = { level: level as 'usual', ...(note && { note: text64(r, note, 'functioning note') }) };
    }
  }
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

export function alertToFhir(a: Alert, patientReference: string, ns: FhirNamespace): Resource {
  return {
    resourceType: 'Flag',
    identifier: [strIdentifier(a.id, ns)],
    status: a.enteredInError ? 'entered-in-error' : a.status === 'open' ? 'active' : 'inactive',
    category: [{ coding: [{ system: ns.alertKind, code: 'relapse-early-warning', display: 'Early warning signs' }] }],
    code: { coding: [{ system: ns.alertKind, code: 'alert-rule-met', display: 'Early warning signs: the alert rule was met' }], text: 'Early warning signs: the alert rule was met' },
    subject: subjectOf(a.serviceUserId, patientReference, ns),
    period: { start: a.raisedAt },
    author: workerRef(a.raisedBy, ns),
    extension: [
      ...envelopeExtensions(a, ns),
      { url: `${ns.extension}status`, valueCode: a.status },
      { url: `${ns.extension}check`, valueIdentifier: strIdentifier(a.checkId, ns) },
      b64(`${ns.extension}reason`, a.reason),
      ...b64OrNone(`${ns.extension}note`, a.note),
      ...(a.acknowledged ? [{ url: `${ns.extension}acknowledged`, extension: [{ url: 'by', valueString: a.acknowledged.by }, { url: 'at', valueDateTime: a.acknowledged.at }, b64('action', a.acknowledged.action)] }] : []),
    ],
  };
}

export function fhirToAlert(r: Resource, ns: FhirNamespace): Alert {
  if (r.resourceType !== 'Flag') throw mappingError(r, 'expected a Flag');
  const ack = ext(r, `${ns.extension}acknowledged`);
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
  };
}

/**
 * The care co-ordinator's Task for an alert (DESIGN.md: Flag + Task). A projection of the alert for worklists: the
 * record itself is the Flag; this is written after it, idempotently, and brought up to date on every write.
 */
export function alertTaskOf(a: Alert, flagReference: string, patientReference: string, coordinatorId: string | undefined, ns: FhirNamespace): Resource {
  return {
    resourceType: 'Task',
    identifier: [{ system: ns.companionId, value: a.id }],
    status: a.enteredInError ? 'entered-in-error' : a.status === 'open' ? 'requested' : 'completed',
    intent: 'order',
    priority: 'urgent',
    code: { text: 'Respond to an early-warning-signs alert' },
    description: 'Early warning signs: the alert rule was met. See the alert for the reason.',
    focus: { reference: flagReference },
    for: { reference: patientReference },
    authoredOn: a.raisedAt,
    requester: workerRef(a.raisedBy, ns),
    ...(coordinatorId && { owner: workerRef(coordinatorId, ns) }),
    ...(a.acknowledged && { lastModified: a.acknowledged.at, output: [{ type: { text: 'What was done' }, valueString: a.acknowledged.action }] }),
  };
}
