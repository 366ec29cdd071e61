// Worker ↔ Practitioner; CarePlan, Goal, Task ↔ their R4 namesakes; ProgressNote ↔ DocumentReference (text/plain).
// Standard elements carry what other systems read; STR extensions carry what R4 has no element for, so every record
// maps back exactly. Choices: docs/adr/0002-fhir-mapping.md ("Care plans").
import { CONTACT_FREQUENCIES, LIFE_AREAS, TASK_STATUSES, type CarePlan, type ContactFrequency, type ContactFrequencyCode, type Goal, type ProgressNote, type Task, type TaskStatus } from '../../schemas/care-plan.js';
import { labelOf } from '../../codes/mhsds.js';
import { ROLE_LABELS, type Worker } from '../../schemas/people.js';
import type { CareTeam } from '../../schemas/team.js';
import type { Extension, Identifier, Resource } from './fhir-types.js';
import { envelopeExtensions, ext, exts, fromBase64, mappingError, need, readEnvelope, strIdentifier, subjectId, subjectOf, toBase64, workerRef } from './map-common.js';
import { UKCORE_SDS_JOB_ROLE_SYSTEM, type FhirNamespace } from './systems.js';
import { UKCORE_SDS_JOB_ROLES } from './ukcore.js';
import { withNarrative } from './narrative.js';
import { formatNhsDate } from '../../domain/time.js';

/** R4 Task.status for each STR task status (http://hl7.org/fhir/R4/valueset-task-status.html). */
const TASK_FHIR_STATUS: Record<TaskStatus, string> = {
  'not-started': 'ready',
  'in-progress': 'in-progress',
  completed: 'completed',
  'cannot-start-yet': 'on-hold',
  cancelled: 'cancelled',
};


const strStatus = (r: Resource, ns: FhirNamespace): string | undefined => ext(r, `${ns.extension}status`)?.valueCode;
const idExt = (r: Resource, url: string, ns: FhirNamespace): string | undefined => {
  const v = ext(r, `${ns.extension}${url}`)?.valueIdentifier;
  return v?.system === ns.id ? v.value : undefined;
};

export function workerToPractitioner(w: Worker, ns: FhirNamespace): Resource {
  return withNarrative({
    resourceType: 'Practitioner',
    identifier: [strIdentifier(w.id, ns), ...(w.actorId ? [{ system: ns.workerId, value: w.actorId }] : [])],
    name: [{ text: w.name }],
    extension: [...envelopeExtensions(w, ns), { url: `${ns.extension}role`, valueCode: w.role }],
  });
}

/** The worker's role for other systems (DESIGN.md: Practitioner + PractitionerRole), written after the Practitioner. */
export function practitionerRoleOf(w: Worker, practitionerReference: string, ns: FhirNamespace): Resource {
  return withNarrative({
    resourceType: 'PractitionerRole',
    identifier: [{ system: ns.companionId, value: w.id }],
    active: !w.enteredInError,
    practitioner: { reference: practitionerReference },
    code: [
      {
        coding: [...(w.role === 'str-worker' ? [{ system: UKCORE_SDS_JOB_ROLE_SYSTEM, code: 'R1710', display: UKCORE_SDS_JOB_ROLES.R1710 }] : []), { system: ns.role, code: w.role, display: ROLE_LABELS[w.role] }],
        // Peer support workers and the other STR roles have no SDS job role name: words only (never a guessed code).
        text: ROLE_LABELS[w.role],
      },
    ],
  });
}

export function practitionerToWorker(p: Resource, ns: FhirNamespace): Worker {
  if (p.resourceType !== 'Practitioner') throw mappingError(p, 'expected a Practitioner');
  const actorId = p.identifier?.find((i) => i.system === ns.workerId)?.value;
  return {
    ...readEnvelope(p, ns),
    name: need((p.name as { text?: string }[] | undefined)?.[0]?.text, p, 'name text'),
    role: need(ext(p, `${ns.extension}role`)?.valueCode, p, 'role') as Worker['role'],
    ...(actorId && { actorId }),
  };
}

export function carePlanToFhir(p: CarePlan, patientReference: string, ns: FhirNamespace): Resource {
  const extension: Extension[] = [
    ...envelopeExtensions(p, ns),
    { url: `${ns.extension}status`, valueCode: p.status },
    ...(p.nextReviewOn ? [{ url: `${ns.extension}next-review`, valueDate: p.nextReviewOn }] : []),
    ...(p.lastReviewedOn ? [{ url: `${ns.extension}last-review`, valueDate: p.lastReviewedOn }] : []),
    ...p.agreedWith.map((a) => ({ url: `${ns.extension}agreed-with`, extension: [{ url: 'kind', valueCode: a.kind }, ...(a.name ? [{ url: 'name', valueString: a.name }] : [])] })),
    // Order is ids only (no clinical text), kept as JSON so one write saves it.
    { url: `${ns.extension}goal-order`, valueString: JSON.stringify(p.goalOrder) },
    { url: `${ns.extension}task-order`, valueString: JSON.stringify(p.taskOrder) },
  ];
  return withNarrative({
    resourceType: 'CarePlan',
    identifier: [strIdentifier(p.id, ns)],
    status: p.enteredInError ? 'entered-in-error' : p.status,
    intent: 'plan',
    category: [{ coding: [{ system: ns.planKind, code: 'str-care-plan', display: 'STR care plan' }] }],
    title: 'Care plan',
    subject: subjectOf(p.serviceUserId, patientReference, ns),
    ...(p.agreedOn && { period: { start: p.agreedOn } }),
    author: workerRef(p.coordinatorId, ns),
    // The plan's goals and tasks as R4 links them (identifier references: no second write, no server ids needed).
    ...(p.goalOrder.length && { goal: p.goalOrder.map((id) => ({ type: 'Goal', identifier: strIdentifier(id, ns) })) }),
    ...((tasksInOrder(p).length || p.contactFrequency) && {
      activity: [
        ...tasksInOrder(p).map((id) => ({ reference: { type: 'Task', identifier: strIdentifier(id, ns) } })),
        ...(p.contactFrequency ? [frequencyActivity(p.contactFrequency, ns)] : []),
      ],
    }),
    extension,
  });
}

/** The agreed contact frequency in standard R4 Timing elements (docs/adr/0023-caseload-summary.md). */
const TIMING: Readonly<Record<ContactFrequencyCode, { frequency: number; period: number; periodUnit: 'wk' | 'mo' }>> = {
  'twice-weekly': { frequency: 2, period: 1, periodUnit: 'wk' },
  weekly: { frequency: 1, period: 1, periodUnit: 'wk' },
  fortnightly: { frequency: 1, period: 2, periodUnit: 'wk' },
  'four-weekly': { frequency: 1, period: 4, periodUnit: 'wk' },
  monthly: { frequency: 1, period: 1, periodUnit: 'mo' },
};
const FREQUENCY_CODE = 'contact-frequency';

function frequencyActivity(f: ContactFrequency, ns: FhirNamespace) {
  const label = CONTACT_FREQUENCIES.find((c) => c.code === f.every)!.label.toLowerCase();
  return {
    detail: {
      kind: 'Appointment',
      code: { coding: [{ system: ns.planKind, code: FREQUENCY_CODE, display: 'Agreed contact frequency' }], text: 'Agreed contact frequency' },
      status: 'scheduled',
      scheduledTiming: { repeat: { boundsPeriod: { start: f.from }, ...TIMING[f.every] } },
      performer: [workerRef(f.agreedBy, ns)],
      description: `Contact ${label}, from ${formatNhsDate(f.from)}, as agreed with the person`,
    },
  };
}

interface FrequencyDetail {
  code?: { coding?: { system?: string; code?: string }[] };
  scheduledTiming?: { repeat?: { boundsPeriod?: { start?: string }; frequency?: number; period?: number; periodUnit?: string } };
  performer?: { identifier?: Identifier }[];
}

/** The agreed contact frequency of a CarePlan, if it has one; a mapping error if it is there but not readable. */
function readFrequency(r: Resource, ns: FhirNamespace): ContactFrequency | undefined {
  const detail = (r.activity as { detail?: FrequencyDetail }[] | undefined)
    ?.map((a) => a.detail)
    .find((d) => d?.code?.coding?.some((c) => c.system === ns.planKind && c.code === FREQUENCY_CODE));
  if (!detail) return undefined;
  const rep = detail.scheduledTiming?.repeat;
  const every = (Object.keys(TIMING) as ContactFrequencyCode[]).find((k) => {
    const t = TIMING[k];
    return rep?.frequency === t.frequency && rep.period === t.period && rep.periodUnit === t.periodUnit;
  });
  return {
    every: need(every, r, 'contact frequency timing') as ContactFrequencyCode,
    from: need(rep?.boundsPeriod?.start, r, 'contact frequency start'),
    agreedBy: need(detail.performer?.[0]?.identifier?.value, r, 'contact frequency performer'),
  };
}

/** Every task id of the plan, goal by goal in the plan's order (then any goal not in the order). */
function tasksInOrder(p: CarePlan): string[] {
  const goals = [...p.goalOrder, ...Object.keys(p.taskOrder).filter((g) => !p.goalOrder.includes(g))];
  return [...new Set(goals.flatMap((g) => p.taskOrder[g] ?? []))];
}

function json<V>(r: Resource, url: string, ns: FhirNamespace, fallback: V): V {
  const raw = ext(r, `${ns.extension}${url}`)?.valueString;
  if (raw === undefined) return fallback;
  try {
    return JSON.parse(raw) as V;
  } catch {
    throw mappingError(r, `its ${url} extension is not readable`);
  }
}

export function fhirToCarePlan(r: Resource, ns: FhirNamespace): CarePlan {
  if (r.resourceType !== 'CarePlan') throw mappingError(r, 'expected a CarePlan');
  const category = (r.category as { coding?: { system?: string; code?: string }[] }[] | undefined)?.flatMap((c) => c.coding ?? []);
  if (!category?.some((c) => c.system === ns.planKind && c.code === 'str-care-plan')) throw mappingError(r, 'it is not an STR care plan');
  const next = ext(r, `${ns.extension}next-review`)?.valueDate;
  const last = ext(r, `${ns.extension}last-review`)?.valueDate;
  const agreedOn = (r.period as { start?: string } | undefined)?.start;
  const frequency = readFrequency(r, ns);
  return {
    ...readEnvelope(r, ns),
    serviceUserId: subjectId(r, 'subject', ns),
    coordinatorId: need((r.author as { identifier?: Identifier } | undefined)?.identifier?.value, r, 'author'),
    agreedWith: exts(r, `${ns.extension}agreed-with`).map((e) => {
      const name = e.extension?.find((x) => x.url === 'name')?.valueString;
      return { kind: e.extension?.find((x) => x.url === 'kind')?.valueCode as 'service-user' | 'carer', ...(name && { name }) };
    }),
    ...(agreedOn && { agreedOn }),
    ...(next && { nextReviewOn: next }),
    ...(last && { lastReviewedOn: last }),
    status: need(strStatus(r, ns), r, 'STR status') as CarePlan['status'],
    goalOrder: json(r, 'goal-order', ns, []),
    taskOrder: json(r, 'task-order', ns, {}),
    ...(frequency && { contactFrequency: frequency }),
  };
}

export function goalToFhir(g: Goal, patientReference: string, ns: FhirNamespace): Resource {
  return withNarrative({
    resourceType: 'Goal',
    identifier: [strIdentifier(g.id, ns)],
    lifecycleStatus: g.enteredInError ? 'entered-in-error' : g.status,
    ...(g.status === 'completed' && { achievementStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: 'achieved', display: 'Achieved' }] } }),
    category: [{ coding: [{ system: ns.lifeArea, code: g.lifeArea, display: labelOf(LIFE_AREAS, g.lifeArea) }] }],
    // The person's own words, exactly: base64 in an extension too, since servers may trim FHIR strings.
    description: { text: g.text.trim() || g.text },
    subject: subjectOf(g.serviceUserId, patientReference, ns),
    ...(g.targetDate && { target: [{ dueDate: g.targetDate }] }),
    extension: [
      ...envelopeExtensions(g, ns),
      { url: `${ns.extension}status`, valueCode: g.status },
      { url: `${ns.extension}care-plan`, valueIdentifier: strIdentifier(g.carePlanId, ns) },
      { url: `${ns.extension}exact-text`, valueBase64Binary: toBase64(g.text) },
    ],
  });
}

function exactText(r: Resource, ns: FhirNamespace, fallback: string | undefined): string {
  const data = ext(r, `${ns.extension}exact-text`)?.valueBase64Binary;
  if (data === undefined) return need(fallback, r, 'text');
  try {
    return fromBase64(data);
  } catch {
    throw mappingError(r, 'its text is not UTF-8');
  }
}

export function fhirToGoal(r: Resource, ns: FhirNamespace): Goal {
  if (r.resourceType !== 'Goal') throw mappingError(r, 'expected a Goal');
  const lifeArea = (r.category as { coding?: { system?: string; code?: string }[] }[] | undefined)?.flatMap((c) => c.coding ?? []).find((c) => c.system === ns.lifeArea)?.code;
  const target = (r.target as { dueDate?: string }[] | undefined)?.[0]?.dueDate;
  return {
    ...readEnvelope(r, ns),
    serviceUserId: subjectId(r, 'subject', ns),
    carePlanId: need(idExt(r, 'care-plan', ns), r, 'care plan'),
    text: exactText(r, ns, (r.description as { text?: string } | undefined)?.text),
    lifeArea: need(lifeArea, r, 'life area') as Goal['lifeArea'],
    ...(target && { targetDate: target }),
    status: need(strStatus(r, ns), r, 'STR status') as Goal['status'],
  };
}

export function taskToFhir(t: Task, patientReference: string, ns: FhirNamespace): Resource {
  const label = labelOf(TASK_STATUSES, t.status);
  const owner =
    t.owner.kind === 'worker' ? workerRef(t.owner.workerId, ns)
    : t.owner.kind === 'service-user' ? { reference: patientReference }
    : t.owner.kind === 'carer' ? { display: t.owner.name ? `Carer: ${t.owner.name}` : 'Carer' }
    : { display: t.owner.name };
  return withNarrative({
    resourceType: 'Task',
    identifier: [strIdentifier(t.id, ns)],
    status: t.enteredInError ? 'entered-in-error' : TASK_FHIR_STATUS[t.status],
    businessStatus: { coding: [{ system: ns.taskStatus, code: t.status, display: label }], text: label },
    ...(t.statusReason && { statusReason: { text: t.statusReason } }),
    intent: 'plan',
    description: t.text,
    for: subjectOf(t.serviceUserId, patientReference, ns),
    basedOn: [{ identifier: strIdentifier(t.carePlanId, ns) }],
    owner,
    ...(t.dueDate && { restriction: { period: { end: t.dueDate } } }),
    extension: [
      ...envelopeExtensions(t, ns),
      { url: `${ns.extension}goal`, valueIdentifier: strIdentifier(t.goalId, ns) },
      { url: `${ns.extension}owner`, extension: [{ url: 'kind', valueCode: t.owner.kind }, ...('name' in t.owner && t.owner.name ? [{ url: 'name', valueString: t.owner.name }] : [])] },
      ...(t.repeat ? [{ url: `${ns.extension}repeat`, valueCode: t.repeat }] : []),
      ...(t.lastDoneOn ? [{ url: `${ns.extension}last-done`, valueDate: t.lastDoneOn }] : []),
      ...(t.repeatAnchor ? [{ url: `${ns.extension}repeat-anchor`, valueDate: t.repeatAnchor }] : []),
    ],
  });
}

/** A Task's owner: the kind from our extension, the worker from `owner`, a carer's or service's name from the extension. */
function taskOwnerOf(r: Resource, ns: FhirNamespace): Task['owner'] {
  const ownerExt = ext(r, `${ns.extension}owner`);
  const kind = ownerExt?.extension?.find((e) => e.url === 'kind')?.valueCode;
  const name = ownerExt?.extension?.find((e) => e.url === 'name')?.valueString;
  const workerId = (r.owner as { identifier?: Identifier } | undefined)?.identifier;
  if (kind === 'worker') return { kind, workerId: need(workerId?.system === ns.workerId ? workerId.value : undefined, r, 'owner worker id') };
  if (kind === 'service-user') return { kind };
  if (kind === 'carer') return { kind, ...(name && { name }) };
  if (kind === 'other-service') return { kind, name: need(name, r, 'owner name') };
  throw mappingError(r, 'it has no owner kind');
}

export function fhirToTask(r: Resource, ns: FhirNamespace): Task {
  if (r.resourceType !== 'Task') throw mappingError(r, 'expected a Task');
  const status = (r.businessStatus as { coding?: { system?: string; code?: string }[] } | undefined)?.coding?.find((c) => c.system === ns.taskStatus)?.code;
  const owner = taskOwnerOf(r, ns);
  const basedOn = (r.basedOn as { identifier?: Identifier }[] | undefined)?.find((b) => b.identifier?.system === ns.id)?.identifier?.value;
  const due = (r.restriction as { period?: { end?: string } } | undefined)?.period?.end;
  const reason = (r.statusReason as { text?: string } | undefined)?.text;
  const repeat = ext(r, `${ns.extension}repeat`)?.valueCode;
  const lastDone = ext(r, `${ns.extension}last-done`)?.valueDate;
  const repeatAnchor = ext(r, `${ns.extension}repeat-anchor`)?.valueDate;
  return {
    ...readEnvelope(r, ns),
    serviceUserId: subjectId(r, 'for', ns),
    carePlanId: need(basedOn, r, 'care plan'),
    goalId: need(idExt(r, 'goal', ns), r, 'goal'),
    text: need(r.description as string | undefined, r, 'description'),
    owner,
    ...(due && { dueDate: due }),
    ...(repeat && { repeat: repeat as Task['repeat'] }),
    status: need(status, r, 'STR status') as TaskStatus,
    ...(reason && { statusReason: reason }),
    ...(lastDone && { lastDoneOn: lastDone }),
    ...(repeatAnchor && { repeatAnchor }),
  };
}

export function progressNoteToFhir(n: ProgressNote, patientReference: string, ns: FhirNamespace): Resource {
  return withNarrative({
    resourceType: 'DocumentReference',
    identifier: [strIdentifier(n.id, ns)],
    status: n.enteredInError ? 'entered-in-error' : 'current',
    type: { coding: [{ system: ns.documentKind, code: 'progress-note', display: 'STR progress note' }], text: 'STR progress note' },
    subject: subjectOf(n.serviceUserId, patientReference, ns),
    date: new Date(Date.parse(n.createdAt)).toISOString(),
    author: [workerRef(n.createdBy, ns)],
    context: { related: [{ identifier: strIdentifier(n.about.id, ns) }] },
    content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: toBase64(n.text) } }],
    extension: [
      ...envelopeExtensions(n, ns),
      { url: `${ns.extension}about`, valueCode: n.about.kind },
      { url: `${ns.extension}care-plan`, valueIdentifier: strIdentifier(n.carePlanId, ns) },
    ],
  });
}

/** A DocumentReference that is an STR progress note (not a contact's note or a staff record). */
export const isProgressNote = (r: Resource, ns: FhirNamespace): boolean =>
  (r.type as { coding?: { system?: string; code?: string }[] } | undefined)?.coding?.some((c) => c.system === ns.documentKind && c.code === 'progress-note') ?? false;

export function fhirToProgressNote(r: Resource, ns: FhirNamespace): ProgressNote {
  if (r.resourceType !== 'DocumentReference') throw mappingError(r, 'expected a DocumentReference');
  const kind = (r.type as { coding?: { system?: string; code?: string }[] } | undefined)?.coding?.find((c) => c.system === ns.documentKind)?.code;
  if (kind !== 'progress-note') throw mappingError(r, 'it is not an STR progress note');
  const about = (r.context as { related?: { identifier?: Identifier }[] } | undefined)?.related?.find((x) => x.identifier?.system === ns.id)?.identifier?.value;
  const data = need((r.content as { attachment?: { data?: string } }[] | undefined)?.[0]?.attachment?.data, r, 'text');
  let text: string;
  try {
    text = fromBase64(data);
  } catch {
    throw mappingError(r, 'its text is not UTF-8');
  }
  return {
    ...readEnvelope(r, ns),
    serviceUserId: subjectId(r, 'subject', ns),
    carePlanId: need(idExt(r, 'care-plan', ns), r, 'care plan'),
    about: { kind: need(ext(r, `${ns.extension}about`)?.valueCode, r, 'about') as 'task' | 'goal', id: need(about, r, 'related task or goal') },
    text,
  };
}

export function careTeamToFhir(t: CareTeam, patientReference: string, ns: FhirNamespace): Resource {
  return withNarrative({
    resourceType: 'CareTeam',
    identifier: [strIdentifier(t.id, ns)],
    status: t.enteredInError ? 'entered-in-error' : t.status,
    name: t.name,
    subject: subjectOf(t.serviceUserId, patientReference, ns),
    participant: t.participants.map((p) => ({
      role: [{ coding: [{ system: ns.role, code: p.role, display: ROLE_LABELS[p.role] }] }],
      member: workerRef(p.workerId, ns),
      ...(p.from && { period: { start: p.from } }),
    })),
    // Why this version was made (a reallocation's reason), in words in a standard element: a note by whoever made the
    // change, when they made it. The marker tells it from notes the record system's own users add.
    ...(t.changeReason !== undefined && {
      note: [{ extension: [{ url: `${ns.extension}change-reason`, valueBoolean: true }], authorReference: workerRef(t.updatedBy, ns), time: t.updatedAt, text: t.changeReason }],
    }),
    extension: [...envelopeExtensions(t, ns), { url: `${ns.extension}status`, valueCode: t.status }],
  });
}

export function fhirToCareTeam(r: Resource, ns: FhirNamespace): CareTeam {
  if (r.resourceType !== 'CareTeam') throw mappingError(r, 'expected a CareTeam');
  type P = { role?: { coding?: { system?: string; code?: string }[] }[]; member?: { identifier?: Identifier }; period?: { start?: string } };
  type Note = { extension?: { url?: string; valueBoolean?: boolean }[]; text?: string };
  const reason = ((r.note as Note[] | undefined) ?? []).find((n) => n.extension?.some((e) => e.url === `${ns.extension}change-reason` && e.valueBoolean === true))?.text;
  return {
    ...readEnvelope(r, ns),
    serviceUserId: subjectId(r, 'subject', ns),
    name: need(r.name as string | undefined, r, 'name'),
    status: need(strStatus(r, ns), r, 'STR status') as CareTeam['status'],
    participants: ((r.participant as P[] | undefined) ?? []).map((p) => {
      const from = p.period?.start;
      return {
        workerId: need(p.member?.identifier?.system === ns.workerId ? p.member.identifier.value : undefined, r, 'participant worker id'),
        role: need(p.role?.flatMap((x) => x.coding ?? []).find((c) => c.system === ns.role)?.code, r, 'participant role') as CareTeam['participants'][number]['role'],
        ...(from && { from }),
      };
    }),
    ...(reason !== undefined && { changeReason: reason }),
  };
}
