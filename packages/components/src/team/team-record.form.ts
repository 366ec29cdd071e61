// The supervision and training forms of <str-team> as data (issue 22): what a draft holds, its key and defaults.
// What is loaded with the form (team-record.lazy.ts): reading a kept draft back, the SDK inputs and the checks
// (team-record.check.ts), and the drawing (team-record.render.ts).
import type { TrainingItem, WorkerSummary } from '@strkit/sdk';
import type { Params } from '../l10n/catalogue.js';
import type { TeamMessages } from './team.messages.js';
import type { TeamWords } from './team.render.js';

export type Id = keyof TeamMessages & string;
/** Words kept until drawn, so a change of language redraws them. */
export type Said = (l: TeamWords) => string;
export const say = (id: Id, params?: Params): Said => (l) => l.t(id, params);

export type Worker = WorkerSummary['worker'];

export interface ActionDraft {
  text: string;
  /** 'worker' or 'supervisor': who does it. */
  owner: string;
  dueOn: string;
}

export interface SupervisionDraft {
  heldOn: string;
  kind: string;
  nextDueOn: string;
  actions: ActionDraft[];
  notes: string;
}

export interface TrainingDraft {
  itemId: string;
  completedOn: string;
  expiresOn: string;
  evidence: string;
}

/** Moving one of the worker's people to another worker, from a date, for a reason (ADR 0026). */
export interface ReallocationDraft {
  personId: string;
  toWorkerId: string;
  from: string;
  reason: string;
}

/** One of the worker's people, as the reallocation form lists them. */
export interface PersonChoice {
  readonly id: string;
  readonly name: string;
}

export type SupervisionForm = { readonly form: 'supervision'; readonly worker: Worker; draft: SupervisionDraft; ids: { supervision: string; note: string }; savedId?: string };
export type TrainingForm = { readonly form: 'training'; readonly worker: Worker; draft: TrainingDraft; ids: { training: string } };
export type ReallocationForm = {
  readonly form: 'reallocation'; readonly worker: Worker; draft: ReallocationDraft; ids: Record<string, never>;
  /** The worker's people (loaded when the form opens) and the workers they may move to. */
  readonly people: readonly PersonChoice[]; readonly to: readonly Worker[];
};
export type Form = SupervisionForm | TrainingForm | ReallocationForm;
export type FormKind = Form['form'];

/** What a draft keeps: the form as typed, the ids its records will have, and a supervision already stored. */
export interface Kept {
  readonly draft: Form['draft'];
  readonly ids: Record<string, string>;
  readonly savedId?: string;
}

/** A field the form refuses, with why. */
export interface Refusal {
  readonly field: string;
  readonly say: Said;
}

/** The ids of the form's controls start with this (one form is open at a time). */
export const PREFIX = 'tr-';

/** Where the draft of one form for one worker is kept (client.drafts, the signed-in actor's own). */
export const teamDraftKey = (form: FormKind, workerId: string): string => `team:${form}:${workerId}`;

/** A form as it opens: held or completed today, nothing else filled in. */
export function emptyDraft(form: 'supervision', today: string): SupervisionDraft;
export function emptyDraft(form: 'training', today: string): TrainingDraft;
export function emptyDraft(form: 'reallocation', today: string): ReallocationDraft;
export function emptyDraft(form: FormKind, today: string): Form['draft'];
export function emptyDraft(form: FormKind, today: string): Form['draft'] {
  if (form === 'supervision') return { heldOn: today, kind: '', nextDueOn: '', actions: [], notes: '' };
  if (form === 'training') return { itemId: '', completedOn: today, expiresOn: '', evidence: '' };
  return { personId: '', toWorkerId: '', from: today, reason: '' };
}

/** STR and peer support workers: the roles a person is reallocated between. */
export const FRONTLINE_ROLES: readonly string[] = ['str-worker', 'peer-support-worker'];

/** Anything typed beyond the form's defaults. */
export function typedIn(o: Form, today: string): boolean {
  const empty = emptyDraft(o.form, today) as unknown as Record<string, unknown>;
  return Object.entries(o.draft).some(([k, v]) => (Array.isArray(v) ? v.length > 0 : v !== empty[k]));
}

/** The checklist items a worker of this role must complete. */
export const itemsFor = (checklist: readonly TrainingItem[], worker: Worker): TrainingItem[] =>
  checklist.filter((i) => (i.roles as readonly string[]).includes(worker.role));

