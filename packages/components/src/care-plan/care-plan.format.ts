// Words for care-plan records: every status, flag and owner is said in words, never by colour alone.
import {
  CARE_PLAN_STATUSES, GOAL_STATUSES, LIFE_AREAS, TASK_REPEATS, TASK_STATUSES, formatNhsDate, labelOf, londonTime,
  type CarePlan, type Goal, type Task, type TaskOwner, type TaskStatus,
} from '@strkit/sdk';
import type { CarePlanIntent, CarePlanIntentDetails, CarePlanIntentName } from './care-plan.events.js';

export const taskStatusLabel = (t: Pick<Task, 'status'>): string => labelOf(TASK_STATUSES, t.status) ?? t.status;
export const goalStatusLabel = (g: Pick<Goal, 'status'>): string => labelOf(GOAL_STATUSES, g.status) ?? g.status;
export const planStatusLabel = (p: Pick<CarePlan, 'status'>): string => labelOf(CARE_PLAN_STATUSES, p.status) ?? p.status;
export const lifeAreaLabel = (g: Pick<Goal, 'lifeArea'>): string => labelOf(LIFE_AREAS, g.lifeArea) ?? g.lifeArea;
export const repeatLabel = (t: Pick<Task, 'repeat'>): string | undefined => (t.repeat ? labelOf(TASK_REPEATS, t.repeat) : undefined);

/** A worker's name from the host's list, else their id; "you" for the signed-in worker. */
export function personName(id: string, actorId: string | undefined, names: ReadonlyMap<string, string>): string {
  if (id === actorId) return 'You';
  return names.get(id) ?? `Worker ${id}`;
}

export function ownerLabel(owner: TaskOwner, actorId: string | undefined, names: ReadonlyMap<string, string>): string {
  switch (owner.kind) {
    case 'worker':
      return personName(owner.workerId, actorId, names);
    case 'service-user':
      return 'The person';
    case 'carer':
      return owner.name ? `Carer: ${owner.name}` : 'A carer';
    case 'other-service':
      return owner.name;
  }
}

/** The date a task row states ("Due" 10 June 2026, "Done" 3 June 2026); undefined when there is none. */
export function dueOf(t: Pick<Task, 'status' | 'dueDate' | 'lastDoneOn'>): { word: 'Due' | 'Done'; date: string } | undefined {
  if (t.status === 'completed') return t.lastDoneOn ? { word: 'Done', date: t.lastDoneOn } : undefined;
  return t.dueDate ? { word: 'Due', date: t.dueDate } : undefined;
}

export const stamp = (iso: string): string => `${formatNhsDate(iso)} at ${londonTime(Date.parse(iso))}`;

/** The stored fields of a task, in words, for the conflict panel. */
export function taskFields(t: Task, actorId: string | undefined, names: ReadonlyMap<string, string>): [string, string][] {
  return [
    ['What', t.text],
    ['Who', ownerLabel(t.owner, actorId, names)],
    ['Status', taskStatusLabel(t) + (t.statusReason ? `: ${t.statusReason}` : '')],
    ['Due', t.dueDate ? formatNhsDate(t.dueDate) : 'No date'],
    ['Repeats', repeatLabel(t) ?? 'No'],
  ];
}

export function goalFields(g: Goal): [string, string][] {
  return [
    ['Goal', g.text],
    ['Area of life', lifeAreaLabel(g)],
    ['Target date', g.targetDate ? formatNhsDate(g.targetDate) : 'None'],
    ['Status', goalStatusLabel(g)],
  ];
}

export function planFields(p: CarePlan): [string, string][] {
  return [
    ['Status', planStatusLabel(p)],
    ['Agreed on', p.agreedOn ? formatNhsDate(p.agreedOn) : 'Not yet agreed'],
    ['Next review', p.nextReviewOn ? formatNhsDate(p.nextReviewOn) : 'No date set'],
    ['Last review', p.lastReviewedOn ? formatNhsDate(p.lastReviewedOn) : 'None yet'],
  ];
}

type Rows = [string, string][];
type Words = { readonly actorId: string | undefined; readonly names: ReadonlyMap<string, string> };
type Change<K extends CarePlanIntentName> = (detail: CarePlanIntentDetails[K], w: Words) => Rows;

/** The rows a partial change names, in the order given: each present field in words, the rest left out. */
function rowsOf<C extends object>(c: C, words: { [F in keyof C]?: readonly [string, (v: NonNullable<C[F]> | null) => string] }): Rows {
  const rows: Rows = [];
  for (const [field, [label, say]] of Object.entries(words) as [keyof C, readonly [string, (v: unknown) => string]][]) {
    if (c[field] !== undefined) rows.push([label, say(c[field])]);
  }
  return rows;
}

const dateOr = (none: string) => (d: string | null) => (d ? formatNhsDate(d) : none);
const statusWords = (status: TaskStatus, reason?: string) => (labelOf(TASK_STATUSES, status) ?? status) + (reason ? `: ${reason}` : '');

const CHANGE_WORDS: { [K in CarePlanIntentName]?: Change<K> } = {
  'str-task-complete': () => [['Status', 'Completed']],
  'str-task-reopen': () => [['Status', 'In progress (reopened)']],
  'str-task-status-change': (d) => [['Status', statusWords(d.status, d.reason)]],
  'str-task-update': (d, w) => rowsOf(d.changes, {
    text: ['What', (v) => v ?? ''],
    owner: ['Who', (v) => (v ? ownerLabel(v as TaskOwner, w.actorId, w.names) : '')],
    dueDate: ['Due', dateOr('No date')],
    repeat: ['Repeats', (v) => (v ? (labelOf(TASK_REPEATS, v) ?? v) : 'No')],
  }),
  'str-goal-update': (d) => rowsOf(d.changes, {
    text: ['Goal', (v) => v ?? ''],
    lifeArea: ['Area of life', (v) => (v ? (labelOf(LIFE_AREAS, v) ?? v) : '')],
    targetDate: ['Target date', dateOr('None')],
    status: ['Status', (v) => (v ? (labelOf(GOAL_STATUSES, v) ?? v) : '')],
  }),
  'str-care-plan-update': (d) => rowsOf(d.changes, {
    status: ['Status', (v) => (v ? (labelOf(CARE_PLAN_STATUSES, v) ?? v) : '')],
    agreedOn: ['Agreed on', dateOr('Cleared')],
    nextReviewOn: ['Next review', dateOr('Cleared')],
  }),
  'str-care-plan-review': (d) => [['Last review', formatNhsDate(d.reviewedOn)], ['Next review', formatNhsDate(d.nextReviewOn)]],
};

/** The worker's own change, in words, for the conflict panel (nothing for a new record or a reorder). */
export function intentFields(intent: CarePlanIntent, actorId: string | undefined, names: ReadonlyMap<string, string>): Rows {
  const say = CHANGE_WORDS[intent.name] as Change<typeof intent.name> | undefined;
  return say ? say(intent.detail as never, { actorId, names }) : [];
}
