import type { CarePlanInput, CarePlanUpdate, GoalInput, GoalUpdate, ProgressNoteInput, RecordType, TaskInput, TaskStatus, TaskUpdate } from '@strkit/sdk';
import type { RecordNotice, StrIntentEvent, StrRecordEvent } from '../internal/events.js';

// The care plan's events (ADR 0010). Controlled mode (no client): one cancelable intent per user action, its detail
// what the host must store; new records carry their id, so a retried save never duplicates. Connected mode: the
// client stored it, and the matching notification carries a RecordNotice (ids and version only, never clinical text).

/** `str-care-plan-create`: the co-ordinator started a plan for the person. */
export interface CarePlanCreateDetail { readonly plan: CarePlanInput & { readonly id: string } }
/** `str-care-plan-update`: the plan's status, dates or who it was agreed with changed. */
export interface CarePlanUpdateDetail { readonly carePlanId: string; readonly changes: CarePlanUpdate; readonly expectedVersion: string }
/** `str-care-plan-review`: a review was held on `reviewedOn`; the next one is due on `nextReviewOn`. */
export interface CarePlanReviewDetail {
  readonly carePlanId: string;
  readonly reviewedOn: string;
  readonly nextReviewOn: string;
  readonly expectedVersion: string;
}
/** `str-goals-reorder`: the plan's goals in their new order (every goal id). */
export interface GoalsReorderDetail { readonly carePlanId: string; readonly goalIds: readonly string[]; readonly expectedVersion: string }
/** `str-tasks-reorder`: one goal's tasks in their new order (every task id of the goal); the plan holds the order. */
export interface TasksReorderDetail {
  readonly carePlanId: string;
  readonly goalId: string;
  readonly taskIds: readonly string[];
  readonly expectedVersion: string;
}
/** `str-goal-create`: a new goal, in the person's own words. */
export interface GoalCreateDetail { readonly goal: GoalInput & { readonly id: string } }
/** `str-goal-update`: a goal's words, area of life, target date or status changed. */
export interface GoalUpdateDetail { readonly goalId: string; readonly changes: GoalUpdate; readonly expectedVersion: string }
/** `str-task-create`: a new task under a goal. */
export interface TaskCreateDetail { readonly task: TaskInput & { readonly id: string } }
/** `str-task-update`: a task's words, owner, due date or repeat changed. */
export interface TaskUpdateDetail { readonly taskId: string; readonly changes: TaskUpdate; readonly expectedVersion: string }
/** `str-task-complete`: "Mark complete" (or "Mark done for now" on a repeating task). */
export interface TaskCompleteDetail { readonly taskId: string; readonly expectedVersion: string }
/** `str-task-reopen`: a completed task back in progress. */
export interface TaskReopenDetail { readonly taskId: string; readonly expectedVersion: string }
/** `str-task-status-change`: any other status; `reason` as typed (needed to cancel). */
export interface TaskStatusChangeDetail {
  readonly taskId: string;
  readonly status: TaskStatus;
  readonly reason?: string;
  readonly expectedVersion: string;
}
/** `str-progress-note-create`: a progress note on a task or a goal. */
export interface ProgressNoteCreateDetail { readonly note: ProgressNoteInput & { readonly id: string } }

/** Every intent the care plan fires, by event name, with its detail. */
export interface CarePlanIntentDetails {
  'str-care-plan-create': CarePlanCreateDetail;
  'str-care-plan-update': CarePlanUpdateDetail;
  'str-care-plan-review': CarePlanReviewDetail;
  'str-goals-reorder': GoalsReorderDetail;
  'str-tasks-reorder': TasksReorderDetail;
  'str-goal-create': GoalCreateDetail;
  'str-goal-update': GoalUpdateDetail;
  'str-task-create': TaskCreateDetail;
  'str-task-update': TaskUpdateDetail;
  'str-task-complete': TaskCompleteDetail;
  'str-task-reopen': TaskReopenDetail;
  'str-task-status-change': TaskStatusChangeDetail;
  'str-progress-note-create': ProgressNoteCreateDetail;
}
export type CarePlanIntentName = keyof CarePlanIntentDetails;

/** One intent with its name: what the element performs through the client, or fires for the host. */
export type CarePlanIntent = { [K in CarePlanIntentName]: { readonly name: K; readonly detail: CarePlanIntentDetails[K] } }[CarePlanIntentName];

/** The notification fired after the client stored each intent (its verb in the past). */
export const CARE_PLAN_NOTICES = {
  'str-care-plan-create': 'str-care-plan-created',
  'str-care-plan-update': 'str-care-plan-updated',
  'str-care-plan-review': 'str-care-plan-reviewed',
  'str-goals-reorder': 'str-goals-reordered',
  'str-tasks-reorder': 'str-tasks-reordered',
  'str-goal-create': 'str-goal-created',
  'str-goal-update': 'str-goal-updated',
  'str-task-create': 'str-task-created',
  'str-task-update': 'str-task-updated',
  'str-task-complete': 'str-task-completed',
  'str-task-reopen': 'str-task-reopened',
  'str-task-status-change': 'str-task-status-changed',
  'str-progress-note-create': 'str-progress-note-created',
} as const satisfies Record<CarePlanIntentName, string>;
export type CarePlanNoticeName = (typeof CARE_PLAN_NOTICES)[CarePlanIntentName];

/** Which record each notification is about. */
export interface CarePlanNotice extends RecordNotice { readonly type: Extract<RecordType, 'carePlan' | 'goal' | 'task' | 'progressNote'> }

export type CarePlanCreateEvent = StrIntentEvent<CarePlanCreateDetail>;
export type CarePlanUpdateEvent = StrIntentEvent<CarePlanUpdateDetail>;
export type CarePlanReviewEvent = StrIntentEvent<CarePlanReviewDetail>;
export type GoalsReorderEvent = StrIntentEvent<GoalsReorderDetail>;
export type TasksReorderEvent = StrIntentEvent<TasksReorderDetail>;
export type GoalCreateEvent = StrIntentEvent<GoalCreateDetail>;
export type GoalUpdateEvent = StrIntentEvent<GoalUpdateDetail>;
export type TaskCreateEvent = StrIntentEvent<TaskCreateDetail>;
export type TaskUpdateEvent = StrIntentEvent<TaskUpdateDetail>;
export type TaskCompleteEvent = StrIntentEvent<TaskCompleteDetail>;
export type TaskReopenEvent = StrIntentEvent<TaskReopenDetail>;
export type TaskStatusChangeEvent = StrIntentEvent<TaskStatusChangeDetail>;
export type ProgressNoteCreateEvent = StrIntentEvent<ProgressNoteCreateDetail>;
/** Every care-plan notification: the record stored, ids and version only. */
export type CarePlanRecordEvent = StrRecordEvent<CarePlanNotice>;

declare global {
  interface HTMLElementEventMap {
    'str-care-plan-create': CarePlanCreateEvent;
    'str-care-plan-update': CarePlanUpdateEvent;
    'str-care-plan-review': CarePlanReviewEvent;
    'str-goals-reorder': GoalsReorderEvent;
    'str-tasks-reorder': TasksReorderEvent;
    'str-goal-create': GoalCreateEvent;
    'str-goal-update': GoalUpdateEvent;
    'str-task-create': TaskCreateEvent;
    'str-task-update': TaskUpdateEvent;
    'str-task-complete': TaskCompleteEvent;
    'str-task-reopen': TaskReopenEvent;
    'str-task-status-change': TaskStatusChangeEvent;
    'str-progress-note-create': ProgressNoteCreateEvent;
    'str-care-plan-created': CarePlanRecordEvent;
    'str-care-plan-updated': CarePlanRecordEvent;
    'str-care-plan-reviewed': CarePlanRecordEvent;
    'str-goals-reordered': CarePlanRecordEvent;
    'str-tasks-reordered': CarePlanRecordEvent;
    'str-goal-created': CarePlanRecordEvent;
    'str-goal-updated': CarePlanRecordEvent;
    'str-task-created': CarePlanRecordEvent;
    'str-task-updated': CarePlanRecordEvent;
    'str-task-completed': CarePlanRecordEvent;
    'str-task-reopened': CarePlanRecordEvent;
    'str-task-status-changed': CarePlanRecordEvent;
    'str-progress-note-created': CarePlanRecordEvent;
  }
}
