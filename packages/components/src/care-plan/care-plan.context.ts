// What the care plan's render modules read and call: one snapshot of the element's state per render, and the
// element's actions. The render modules hold no state of their own.
import type { CarePlan, Goal, ProgressNote, Task } from '@strkit/sdk';
import type { FieldError } from '../internal/form-errors.js';
import type { Conflict } from './care-plan.conflict.js';
import type { CarePlanWords } from './care-plan.words.js';

/** The one editor open at a time (so field ids stay unique and focus has one place to go back to). */
export type CarePlanEditor =
  | { readonly kind: 'plan' }
  | { readonly kind: 'review' }
  | { readonly kind: 'goal'; readonly goalId?: string }
  | { readonly kind: 'task'; readonly goalId: string; readonly taskId?: string }
  | { readonly kind: 'status'; readonly taskId: string }
  | { readonly kind: 'note'; readonly about: NoteTarget; readonly quick: boolean };

export type CarePlanViewMode = 'plan' | 'due' | 'review';
export type NoteTarget = { readonly kind: 'task' | 'goal'; readonly id: string };

/** Everything a worker can do from the rendered plan; each is the element's own method. */
export interface CarePlanActions {
  open(editor: CarePlanEditor, returnTo: string): void;
  close(): void;
  complete(t: Task): void;
  reopen(t: Task): void;
  moveTask(goalId: string, t: Task, by: number): void;
  moveGoal(g: Goal, by: number): void;
  dragStart(e: DragEvent, goalId: string, t: Task): void;
  dragOver(e: DragEvent, goalId: string, t: Task): void;
  dragLeave(): void;
  drop(e: DragEvent, goalId: string, t: Task): void;
  submitPlan(e: Event, plan: CarePlan | undefined): void;
  submitReview(e: Event): void;
  submitGoal(e: Event, goal: Goal | undefined): void;
  submitTask(e: Event, goalId: string, task: Task | undefined): void;
  submitStatus(e: Event, t: Task): void;
  submitNote(e: Event, about: NoteTarget): void;
  noteInput(e: Event): void;
  cancelNote(id: string, quick: boolean): void;
  resolveConflict(useMine: boolean): void;
  setView(v: CarePlanViewMode): void;
  setFilter(f: 'all' | 'mine'): void;
  dismissProblem(): void;
}

/** One render's snapshot of the element. */
export interface PlanContext {
  /** The words, dates and numbers in the active locale. */
  readonly l: CarePlanWords;
  readonly mode: CarePlanViewMode;
  readonly filter: 'all' | 'mine';
  readonly today: string;
  readonly actorId: string | undefined;
  readonly names: ReadonlyMap<string, string>;
  readonly editor: CarePlanEditor | undefined;
  /** The open form's errors, in the active locale. */
  readonly errors: readonly FieldError[];
  readonly busy: string | undefined;
  readonly conflict: Conflict | undefined;
  readonly noteText: string;
  readonly noteDrafts: ReadonlySet<string>;
  readonly dropTarget: string | undefined;
  /** May edit goals, tasks and plan details; may add notes; may filter to their own tasks (a role with tasks of its own, not read-only, signed-in worker known). */
  readonly canEdit: boolean;
  readonly canNote: boolean;
  readonly canFilter: boolean;
  readonly canStatus: (t: Task) => boolean;
  readonly tasksByGoal: ReadonlyMap<string, readonly Task[]>;
  readonly notesByTarget: ReadonlyMap<string, readonly ProgressNote[]>;
  /** Tasks completed in this view, kept in the 7-day list until the view changes. */
  readonly doneHere: ReadonlySet<string>;
  /** Anything else a task row's look depends on (read-only, the client), for its render guard. */
  readonly rowKey: readonly unknown[];
  readonly on: CarePlanActions;
}

export const cssId = (id: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(id) : id);

/** Whether the filter shows this task. */
export const shown = (ctx: PlanContext, t: Task) => ctx.filter !== 'mine' || (t.owner.kind === 'worker' && t.owner.workerId === ctx.actorId);
