// Pure care-plan rules (issue 6). Dates are UK calendar dates ("2026-06-03"); "today" comes from the caller's clock.
import type { CarePlan, Goal, ProgressNote, Task, TaskRepeat } from '../schemas/care-plan.js';
import type { Actor } from '../schemas/people.js';
import { can } from './permissions.js';
import { londonDate } from './time.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The UK calendar date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  if (!DATE.test(date)) throw new RangeError('addDays needs a date like 2026-06-03');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day `months` later, or the month's last day when it is shorter (31 January + 1 month → 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1, 12));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0, 12)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Today's UK date by the given instant. */
export const ukToday = (now: Date): string => londonDate(now.getTime());

/** Whole days from `from` to `to` (UK dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / DAY_MS);
}

const step = (date: string, repeat: TaskRepeat, n: number): string =>
  repeat === 'daily' ? addDays(date, n) : repeat === 'weekly' ? addDays(date, 7 * n) : repeat === 'fortnightly' ? addDays(date, 14 * n) : addMonths(date, n);

/**
 * The next due date of a repeating task done `today`: the first date of its rhythm after both today and the current
 * due date. The rhythm counts from `anchor` (the task's `repeatAnchor`), else from the due date, so a monthly task
 * keeps its day: due 31 January → 29 February → 31 March → 30 April, never drifting to the 29th.
 */
export function nextDueDate(repeat: TaskRepeat, dueDate: string | undefined, today: string, anchor?: string): string {
  const from = anchor ?? dueDate ?? today;
  const after = dueDate !== undefined && dueDate > today ? dueDate : today;
  let n = 1;
  let next = step(from, repeat, n);
  while (next <= after) next = step(from, repeat, ++n);
  return next;
}

/** Open: still to do (not completed, not cancelled, not entered in error). */
export const isTaskOpen = (t: Pick<Task, 'status' | 'enteredInError'>): boolean =>
  !t.enteredInError && t.status !== 'completed' && t.status !== 'cancelled';

/** Open and its due date has passed. */
export const isTaskOverdue = (t: Pick<Task, 'status' | 'dueDate' | 'enteredInError'>, today: string): boolean =>
  isTaskOpen(t) && t.dueDate !== undefined && t.dueDate < today;

export type ReviewState =
  | { readonly state: 'none' }
  | { readonly state: 'overdue' | 'due-today' | 'due-soon' | 'scheduled'; readonly date: string; readonly days: number };

/** Where the plan's review stands: overdue when the date has passed; due soon within 14 days. */
export function reviewState(plan: Pick<CarePlan, 'nextReviewOn'>, today: string): ReviewState {
  const date = plan.nextReviewOn;
  if (!date) return { state: 'none' };
  const days = daysBetween(today, date);
  return { state: days < 0 ? 'overdue' : days === 0 ? 'due-today' : days <= 14 ? 'due-soon' : 'scheduled', date, days };
}

const byCreated = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Items in the agreed order; those the order does not list follow, oldest first. Never drops or repeats one. */
export function inOrder<T extends { id: string; createdAt: string }>(order: readonly string[], items: readonly T[]): T[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const id of order) {
    const item = byId.get(id);
    if (item && !seen.has(id)) {
      out.push(item);
      seen.add(id);
    }
  }
  const rest = items.filter((i) => !seen.has(i.id)).sort(byCreated);
  return out.concat(rest);
}

export const orderedGoals = (plan: Pick<CarePlan, 'goalOrder'>, goals: readonly Goal[]): Goal[] => inOrder(plan.goalOrder, goals);

export const orderedTasks = (plan: Pick<CarePlan, 'taskOrder'>, goalId: string, tasks: readonly Task[]): Task[] =>
  inOrder(Object.prototype.hasOwnProperty.call(plan.taskOrder, goalId) ? (plan.taskOrder[goalId] ?? []) : [], tasks.filter((t) => t.goalId === goalId));

/** `ids` with the item at `from` moved to `to` (both clamped). */
export function moveItem(ids: readonly string[], from: number, to: number): string[] {
  const out = [...ids];
  if (from < 0 || from >= out.length) return out;
  const [moved] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, moved!);
  return out;
}

/** Open tasks due by `today + days` (overdue ones included), soonest first: the home-visit view. */
export function tasksDueWithin(tasks: readonly Task[], today: string, days = 7): Task[] {
  const until = addDays(today, days);
  return tasks
    .filter((t) => isTaskOpen(t) && t.dueDate !== undefined && t.dueDate <= until)
    .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : byCreated(a, b)));
}

/** Whether the task is one this actor does (a worker task with their id). */
export const ownsTask = (actor: Pick<Actor, 'id'>, task: Pick<Task, 'owner'>): boolean =>
  task.owner.kind === 'worker' && task.owner.workerId === actor.id;

/** Co-ordinators and leads set any task's status; workers only the tasks they own (DESIGN.md, "Roles"). */
export function canSetTaskStatus(actor: Actor | undefined, task: Pick<Task, 'owner'> | undefined): boolean {
  try {
    if (!actor || !task) return false;
    return can(actor, 'care-plan.edit') || (can(actor, 'task.set-status-own') && ownsTask(actor, task));
  } catch {
    return false;
  }
}

export interface GoalReview {
  readonly goal: Goal;
  /** Tasks done since the last review: one-off tasks completed, and repeating ones done at least once. */
  readonly done: number;
  readonly open: number;
  readonly overdue: number;
  readonly cancelled: number;
  /** Progress notes on the goal or its tasks written since the last review, oldest first. */
  readonly notesSince: readonly ProgressNote[];
}

export interface ReviewSummary {
  /** The UK date notes are counted from: the last review, else the agreed date, else the start of records. */
  readonly since?: string;
  readonly goals: readonly GoalReview[];
}

/** The care co-ordinator's review: per goal, tasks done / open / overdue and the progress notes since the last review. */
export function reviewSummary(
  plan: CarePlan,
  goals: readonly Goal[],
  tasks: readonly Task[],
  notes: readonly ProgressNote[],
  today: string,
): ReviewSummary {
  const since = plan.lastReviewedOn ?? plan.agreedOn;
  const live = tasks.filter((t) => !t.enteredInError);
  const taskGoal = new Map(live.map((t) => [t.id, t.goalId]));
  return {
    ...(since !== undefined && { since }),
    goals: orderedGoals(plan, goals.filter((g) => !g.enteredInError)).map((goal) => {
      const mine = live.filter((t) => t.goalId === goal.id);
      const doneSince = (t: Task) => t.lastDoneOn !== undefined && (since === undefined || t.lastDoneOn >= since);
      return {
        goal,
        done: mine.filter((t) => (t.status === 'completed' || t.repeat !== undefined) && doneSince(t)).length,
        open: mine.filter(isTaskOpen).length,
        overdue: mine.filter((t) => isTaskOverdue(t, today)).length,
        cancelled: mine.filter((t) => t.status === 'cancelled').length,
        notesSince: notes
          .filter((n) => !n.enteredInError)
          .filter((n) => (n.about.kind === 'goal' ? n.about.id === goal.id : taskGoal.get(n.about.id) === goal.id))
          .filter((n) => since === undefined || londonDate(Date.parse(n.createdAt)) >= since)
          .sort(byCreated),
      };
    }),
  };
}
