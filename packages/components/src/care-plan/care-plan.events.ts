import type { CarePlanInput, CarePlanUpdate, GoalInput, GoalUpdate, ProgressNoteInput, RecordType, TaskInput, TaskStatus, TaskUpdate } from '@strkit/sdk';

/**
 * What the worker asked for. Controlled mode (no client): the element fires it as `str-care-plan-change` and the host
 * stores it. Connected mode: the element performs it through the client. New records carry their id, so a retried
 * save never duplicates.
 */
export type CarePlanIntent =
  | { readonly action: 'create-plan'; readonly plan: CarePlanInput & { readonly id: string } }
  | { readonly action: 'edit-plan'; readonly carePlanId: string; readonly changes: CarePlanUpdate; readonly expectedVersion: string }
  | { readonly action: 'record-review'; readonly carePlanId: string; readonly reviewedOn: string; readonly nextReviewOn: string; readonly expectedVersion: string }
  | { readonly action: 'reorder-goals'; readonly carePlanId: string; readonly goalIds: readonly string[]; readonly expectedVersion: string }
  | { readonly action: 'reorder-tasks'; readonly carePlanId: string; readonly goalId: string; readonly taskIds: readonly string[]; readonly expectedVersion: string }
  | { readonly action: 'add-goal'; readonly goal: GoalInput & { readonly id: string } }
  | { readonly action: 'edit-goal'; readonly goalId: string; readonly changes: GoalUpdate; readonly expectedVersion: string }
  | { readonly action: 'add-task'; readonly task: TaskInput & { readonly id: string } }
  | { readonly action: 'edit-task'; readonly taskId: string; readonly changes: TaskUpdate; readonly expectedVersion: string }
  | { readonly action: 'complete-task'; readonly taskId: string; readonly expectedVersion: string }
  | { readonly action: 'reopen-task'; readonly taskId: string; readonly expectedVersion: string }
  | { readonly action: 'set-task-status'; readonly taskId: string; readonly status: TaskStatus; readonly reason?: string; readonly expectedVersion: string }
  | { readonly action: 'add-note'; readonly note: ProgressNoteInput & { readonly id: string } };

export type CarePlanAction = CarePlanIntent['action'];

/** Intent (controlled mode): cancel it to keep the form as typed. Detail: the intent. */
export type CarePlanChangeEvent = CustomEvent<CarePlanIntent>;

/** Notification (connected mode): the client stored a record. Ids and version only, never clinical text. */
export interface CarePlanSavedDetail {
  readonly action: CarePlanAction;
  readonly type: RecordType;
  readonly id: string;
  readonly version: string;
  readonly serviceUserId: string;
}
export type CarePlanSavedEvent = CustomEvent<CarePlanSavedDetail>;

declare global {
  interface HTMLElementEventMap {
    'str-care-plan-change': CarePlanChangeEvent;
    'str-care-plan-saved': CarePlanSavedEvent;
  }
}
