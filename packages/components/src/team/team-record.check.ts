// What <str-team>'s forms load with them (issue 22, team-record.lazy.ts): a kept draft read back, the input each form
// makes for the SDK, and what is wrong with one, in the team lead's words first, then by the SDK's own check (so
// nothing the client would refuse is sent). Pure functions of the draft.
import {
  SUPERVISION_NOTE_MAX, TRAINING_EVIDENCE_MAX, staffInputIssues,
  type CareTeam, type FieldIssue, type SupervisionInput, type TrainingInput, type TrainingItem,
} from '@strkit/sdk';
import { issueWords } from '../internal/error-words.js';
import type { Params } from '../l10n/catalogue.js';
import {
  FRONTLINE_ROLES, say, type Form, type FormKind, type Id, type Kept, type ReallocationForm, type Refusal, type Said, type SupervisionForm, type TrainingForm,
} from './team-record.form.js';
import { TEAM_MESSAGES } from './team.messages.js';

/** A kept draft, read defensively (another version of the kit may have written it). */
export function keptDraft(form: FormKind, kept: Kept): Pick<Form, 'draft' | 'ids'> & { savedId?: string } {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const d = (kept.draft ?? {}) as unknown as Record<string, unknown>;
  const ids = kept.ids ?? {};
  const uuid = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : crypto.randomUUID());
  if (form === 'training') {
    return { draft: { itemId: str(d.itemId), completedOn: str(d.completedOn), expiresOn: str(d.expiresOn), evidence: str(d.evidence) }, ids: { training: uuid(ids.training) } };
  }
  if (form === 'reallocation') return { draft: { personId: str(d.personId), toWorkerId: str(d.toWorkerId), from: str(d.from), reason: str(d.reason) }, ids: {} };
  const actions = Array.isArray(d.actions) ? (d.actions as Record<string, unknown>[]).map((a) => ({ text: str(a?.text), owner: a?.owner === 'supervisor' ? 'supervisor' : 'worker', dueOn: str(a?.dueOn) })) : [];
  return {
    draft: { heldOn: str(d.heldOn), kind: str(d.kind), nextDueOn: str(d.nextDueOn), notes: str(d.notes), actions },
    ids: { supervision: uuid(ids.supervision), note: uuid(ids.note) },
    ...(typeof kept.savedId === 'string' && { savedId: kept.savedId }),
  };
}

export function supervisionInput(o: SupervisionForm, actorId: string): SupervisionInput {
  const d = o.draft;
  return {
    id: o.ids.supervision, workerId: o.worker.id, heldOn: d.heldOn, kind: d.kind as SupervisionInput['kind'],
    actions: d.actions.map((a) => ({ text: a.text.trim(), ownerId: a.owner === 'supervisor' ? actorId : o.worker.id, dueOn: a.dueOn })),
    ...(d.nextDueOn && { nextDueOn: d.nextDueOn }),
  };
}

/** The training input, or undefined while no checklist item is chosen. */
export function trainingInput(o: TrainingForm, items: readonly TrainingItem[]): TrainingInput | undefined {
  const d = o.draft;
  const item = items.find((i) => i.id === d.itemId);
  if (!item) return undefined;
  return {
    id: o.ids.training, workerId: o.worker.id, itemId: item.id, title: item.title, completedOn: d.completedOn,
    ...(d.expiresOn && { expiresOn: d.expiresOn }), ...(d.evidence.trim() && { evidence: d.evidence }),
  };
}

const SAID_ISSUES: readonly Id[] = ['issue.date', 'issue.control', 'issue.broken', 'issue.one-line'];

/** The SDK's field issue in the team lead's language: by its words, or a limit on text by its code; else as the SDK said it. */
export const issueSaid = (issue: FieldIssue): Said => (l) => issueWords<Id>((id, p) => l.t(id, p), TEAM_MESSAGES.source, SAID_ISSUES, 'err.max', issue);

const FIELDS: Readonly<Record<string, string>> = {
  changeReason: 'reason', heldOn: 'held-on', kind: 'kind', nextDueOn: 'next-due-on', text: 'notes', itemId: 'item', completedOn: 'completed-on', expiresOn: 'expires-on', evidence: 'evidence',
};

/** The form field an SDK issue path belongs to; a path no field stands for goes to the form's first field. */
function fieldOf(path: string, first: string): string {
  const [head, index, leaf] = path.split('.');
  if (head === 'actions' && index !== undefined) return `action-${index}-${leaf === 'dueOn' ? 'due' : 'text'}`;
  return FIELDS[head ?? ''] ?? first;
}

/** One refusal per field, the first found. */
function firstPerField(out: Refusal[], issues: readonly FieldIssue[], first: string): Refusal[] {
  for (const i of issues) out.push({ field: fieldOf(i.path, first), say: issueSaid(i) });
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(r.field) && !!seen.add(r.field));
}

/** What is wrong with a supervision form on `today`. Once the supervision is stored, only its notes are checked. */
export function supervisionRefusals(o: SupervisionForm, today: string, actorId: string): Refusal[] {
  const d = o.draft;
  const out: Refusal[] = [];
  const refuse = (field: string, id: Id, params?: Params) => out.push({ field, say: say(id, params) });
  if (!d.heldOn) refuse('held-on', 'err.held-on');
  else if (d.heldOn > today) refuse('held-on', 'err.held-future');
  if (!d.kind) refuse('kind', 'err.kind');
  if (d.nextDueOn && d.heldOn && d.nextDueOn <= d.heldOn) refuse('next-due-on', 'err.next-after');
  d.actions.forEach((a, i) => {
    if (!a.text.trim()) refuse(`action-${i}-text`, 'err.action-text');
    if (!a.dueOn) refuse(`action-${i}-due`, 'err.action-due');
  });
  if (d.notes.length > SUPERVISION_NOTE_MAX) refuse('notes', 'err.notes-max', { max: SUPERVISION_NOTE_MAX });
  const issues = o.savedId ? [] : staffInputIssues('supervision', supervisionInput(o, actorId));
  if (d.notes.trim()) issues.push(...staffInputIssues('supervisionNote', { supervisionId: o.ids.supervision, text: d.notes }));
  return firstPerField(o.savedId ? out.filter((r) => r.field === 'notes') : out, issues, 'held-on');
}

/** What is wrong with a training form on `today`. */
export function trainingRefusals(o: TrainingForm, today: string, items: readonly TrainingItem[]): Refusal[] {
  const d = o.draft;
  const out: Refusal[] = [];
  const refuse = (field: string, id: Id, params?: Params) => out.push({ field, say: say(id, params) });
  const input = trainingInput(o, items);
  if (!input) refuse('item', 'err.item');
  if (!d.completedOn) refuse('completed-on', 'err.completed-on');
  else if (d.completedOn > today) refuse('completed-on', 'err.completed-future');
  if (d.expiresOn && d.completedOn && d.expiresOn <= d.completedOn) refuse('expires-on', 'err.expires-after');
  if (d.evidence.length > TRAINING_EVIDENCE_MAX) refuse('evidence', 'err.max', { max: TRAINING_EVIDENCE_MAX });
  return firstPerField(out, input ? staffInputIssues('training', input) : [], 'item');
}

/** What is wrong with a reallocation form: who, to whom, from when and why are all needed. */
export function reallocationRefusals(o: ReallocationForm, today: string): Refusal[] {
  const d = o.draft;
  const out: Refusal[] = [];
  const refuse = (field: string, id: Id) => out.push({ field, say: say(id) });
  if (!o.people.some((p) => p.id === d.personId)) refuse('person', 'err.person');
  if (!o.to.some((w) => w.id === d.toWorkerId)) refuse('to-worker', 'err.to-worker');
  if (!d.from) refuse('from', 'err.from');
  // The old worker's place goes when the change is saved, and the new worker's caseload counts the person only from
  // the start date: a future one would leave the person on nobody's caseload until then.
  else if (d.from > today) refuse('from', 'err.from-future');
  if (!d.reason.trim()) refuse('reason', 'err.reason');
  return firstPerField(out, d.reason.trim() ? staffInputIssues('reallocation', { changeReason: d.reason }) : [], 'reason');
}

/**
 * The care team's new participants: the worker's place (as STR or peer support worker) taken by the one chosen, from
 * the date chosen; everyone else as they were. Or why not: the one chosen is in the team already, or the worker no
 * longer has such a place in it (someone changed the team since the form opened), so nothing would move.
 */
export function reallocated(team: CareTeam, o: ReallocationForm): { readonly participants: CareTeam['participants'] } | { readonly refused: 'already' | 'not-theirs' } {
  const to = o.to.find((w) => w.id === o.draft.toWorkerId)!;
  if (team.participants.some((p) => p.workerId === to.id)) return { refused: 'already' };
  const theirs = (p: CareTeam['participants'][number]) => p.workerId === o.worker.id && FRONTLINE_ROLES.includes(p.role);
  if (!team.participants.some(theirs)) return { refused: 'not-theirs' };
  return { participants: team.participants.map((p) => (theirs(p) ? { workerId: to.id, role: to.role as CareTeam['participants'][number]['role'], from: o.draft.from } : p)) };
}
