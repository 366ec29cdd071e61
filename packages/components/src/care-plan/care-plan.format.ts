// Words for care-plan records: every status, flag and owner is said in words, never by colour alone.
import {
  CARE_PLAN_STATUSES, GOAL_STATUSES, LIFE_AREAS, TASK_REPEATS, TASK_STATUSES, formatNhsDate, labelOf, londonTime,
  type CarePlan, type Goal, type Task, type TaskOwner,
} from '@strkit/sdk';
import type { CarePlanIntent } from './care-plan.events.js';

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

/** The worker's own change, in words, for the conflict panel. */
export function intentFields(intent: CarePlanIntent, actorId: string | undefined, names: ReadonlyMap<string, string>): [string, string][] {
  switch (intent.action) {
    case 'complete-task':
      return [['Status', 'Completed']];
    case 'reopen-task':
      return [['Status', 'In progress (reopened)']];
    case 'set-task-status':
      return [['Status', (labelOf(TASK_STATUSES, intent.status) ?? intent.status) + (intent.reason ? `: ${intent.reason}` : '')]];
    case 'edit-task': {
      const c = intent.changes;
      const rows: [string, string][] = [];
      if (c.text !== undefined) rows.push(['What', c.text]);
      if (c.owner !== undefined) rows.push(['Who', ownerLabel(c.owner as TaskOwner, actorId, names)]);
      if (c.dueDate !== undefined) rows.push(['Due', c.dueDate ? formatNhsDate(c.dueDate) : 'No date']);
      if (c.repeat !== undefined) rows.push(['Repeats', c.repeat ? (labelOf(TASK_REPEATS, c.repeat) ?? c.repeat) : 'No']);
      return rows;
    }
    case 'edit-goal': {
      const c = intent.changes;
      const rows: [string, string][] = [];
      if (c.text !== undefined) rows.push(['Goal', c.text]);
      if (c.lifeArea !== undefined) rows.push(['Area of life', labelOf(LIFE_AREAS, c.lifeArea) ?? c.lifeArea]);
      if (c.targetDate !== undefined) rows.push(['Target date', c.targetDate ? formatNhsDate(c.targetDate) : 'None']);
      if (c.status !== undefined) rows.push(['Status', labelOf(GOAL_STATUSES, c.status) ?? c.status]);
      return rows;
    }
    case 'edit-plan': {
      const c = intent.changes;
      const rows: [string, string][] = [];
      if (c.status !== undefined) rows.push(['Status', labelOf(CARE_PLAN_STATUSES, c.status) ?? c.status]);
      if (c.agreedOn !== undefined) rows.push(['Agreed on', c.agreedOn === null ? 'Cleared' : formatNhsDate(c.agreedOn)]);
      if (c.nextReviewOn !== undefined) rows.push(['Next review', c.nextReviewOn === null ? 'Cleared' : formatNhsDate(c.nextReviewOn)]);
      return rows;
    }
    case 'record-review':
      return [['Last review', formatNhsDate(intent.reviewedOn)], ['Next review', formatNhsDate(intent.nextReviewOn)]];
    default:
      return [];
  }
}
