// The care-plan namespaces of the client (issue 6): plans, goals, tasks, progress notes.
// One user action is one record write: task and goal order live on the plan, a status change is one task write.
import { canCorrect, can } from './domain/permissions.js';
import {
  applyChanges, enteredInErrorRefusal, markEnteredInErrorVerb, readVerbs, without,
  type ClientCore, type MarkEnteredInError, type ReadVerbs,
} from './client-core.js';
import { canSetTaskStatus, nextDueDate, orderedGoals, ukToday } from './domain/care-plan.js';
import { listAll, readReporting, type ListAllOptions } from './adapters/shared.js';
import { StrError } from './errors.js';
import { jitlessWhileBuilding } from './schemas/jitless.js';
import type { ReadOptions } from './ports.js';
import {
  CarePlanInputSchema, CarePlanUpdateSchema, GoalInputSchema, GoalUpdateSchema, ProgressNoteInputSchema, TaskInputSchema,
  TaskUpdateSchema, TASK_STATUSES,
  type CarePlan, type CarePlanInput, type CarePlanUpdate, type Goal, type GoalInput, type GoalUpdate, type ProgressNote,
  type ProgressNoteInput, type Task, type TaskInput, type TaskStatus, type TaskUpdate, type ContactFrequency, type ContactFrequencyInput,
} from './schemas/care-plan.js';
import { parseOrThrow } from './schemas/parse.js';
import type { RecordType } from './schemas/registry.js';
import { singleLine, uuid, isoDate } from './schemas/text.js';
import * as z from 'zod/mini';

/** A plan with everything on it, as a widget shows it. */
export interface CarePlanView {
  readonly plan: CarePlan;
  /** In the agreed order. */
  readonly goals: readonly Goal[];
  /** Every task of the plan; `orderedTasks(plan, goalId, tasks)` gives one goal's in the agreed order. */
  readonly tasks: readonly Task[];
  /** Oldest first. */
  readonly notes: readonly ProgressNote[];
}

export interface CarePlansApi extends ReadVerbs<CarePlan>, MarkEnteredInError<CarePlan> {
  /** The person's plan in use (the newest active, else on hold, else draft, else the newest), or undefined. */
  current(serviceUserId: string, options?: ReadOptions): Promise<CarePlan | undefined>;
  /** One plan with its goals, tasks and notes. */
  load(id: string, options?: ReadOptions): Promise<CarePlanView>;
  /** The plan `current` finds, with its goals, tasks and notes; undefined when the person has none. */
  loadCurrent(serviceUserId: string, options?: ReadOptions): Promise<CarePlanView | undefined>;
  create(input: CarePlanInput): Promise<CarePlan>;
  /**
   * Dates, status, who it was agreed with, the agreed contact frequency; `null` clears `agreedOn`, `nextReviewOn` or
   * `contactFrequency`. Co-ordinators and team leads only.
   */
  update(id: string, changes: CarePlanUpdate, expectedVersion: string): Promise<CarePlan>;
  /** Saves the goals' order. Goals the order leaves out follow, oldest first. */
  reorderGoals(id: string, goalIds: readonly string[], expectedVersion: string): Promise<CarePlan>;
  /** Saves one goal's task order. */
  reorderTasks(id: string, goalId: string, taskIds: readonly string[], expectedVersion: string): Promise<CarePlan>;
  /** Records that the plan was reviewed on `reviewedOn` and sets the next review date. */
  recordReview(id: string, review: { reviewedOn: string; nextReviewOn: string }, expectedVersion: string): Promise<CarePlan>;
}

export interface GoalsApi extends ReadVerbs<Goal>, MarkEnteredInError<Goal> {
  create(input: GoalInput): Promise<Goal>;
  /** `targetDate: null` clears the target date. */
  update(id: string, changes: GoalUpdate, expectedVersion: string): Promise<Goal>;
}

/** The optional part of a task's status change. */
export interface TaskStatusOptions {
  /** Why: required for `cancelled`, kept for `cannot-start-yet`. */
  readonly reason?: string;
}

export interface TasksApi extends ReadVerbs<Task>, MarkEnteredInError<Task> {
  create(input: TaskInput): Promise<Task>;
  /** What, who, when, repeat, goal. `null` clears `dueDate` or `repeat`. Co-ordinators and team leads only. */
  update(id: string, changes: TaskUpdate, expectedVersion: string): Promise<Task>;
  /** Sets the status; `cancelled` needs `{ reason }`. Workers may set only the tasks they own. */
  setStatus(id: string, status: TaskStatus, expectedVersion: string, options?: TaskStatusOptions): Promise<Task>;
  /** Completes a one-off task; a repeating one is marked done today and moves to its next due date. */
  complete(id: string, expectedVersion: string): Promise<Task>;
  /** Puts a completed or cancelled task back in progress. */
  reopen(id: string, expectedVersion: string): Promise<Task>;
}

export interface ProgressNotesApi extends ReadVerbs<ProgressNote>, MarkEnteredInError<ProgressNote> {
  /** Adds a note on a task or goal. Notes are never edited; mark one entered in error and write another. */
  create(input: ProgressNoteInput): Promise<ProgressNote>;
}

const PLAN_PREFERENCE = ['active', 'on-hold', 'draft'] as const;
const reviewBuilt = jitlessWhileBuilding();
const ReviewSchema = z.strictObject({ reviewedOn: isoDate, nextReviewOn: isoDate });
reviewBuilt();
const IdListSchema = z.array(uuid).check(
  z.maxLength(2000, { error: 'Pass 2,000 ids or fewer' }),
  z.refine((ids) => new Set(ids).size === ids.length, { error: 'Each id may appear once' }),
);
const StatusSchema = z.enum(TASK_STATUSES.map((s) => s.code) as unknown as readonly [TaskStatus, ...TaskStatus[]], { error: 'Choose a task status' });
/** One member of an options object, read safely: a hostile object is a validation error, never a crash. */
const optionOf = (options: object | undefined, key: string): unknown => {
  try {
    return options === undefined ? undefined : (options as Record<string, unknown>)[key];
  } catch (cause) {
    throw new StrError('validation', `The options could not be read`, false, { issues: [{ path: key, code: 'invalid', message: 'Pass plain options' }] }, { cause });
  }
};
const StatusReasonSchema = z.optional(singleLine(500, 'Enter the reason'));
const all = <T extends RecordType>(core: ClientCore, type: T, serviceUserId: string, o: ListAllOptions) => listAll(core.store, type, serviceUserId, o);

async function editablePlan(core: ClientCore, id: string): Promise<CarePlan> {
  core.requireAction('care-plan.edit', 'edit care plans');
  const plan = await core.mustGet('carePlan', id);
  if (plan.enteredInError) throw enteredInErrorRefusal('carePlan', id);
  return plan;
}

async function planView(core: ClientCore, plan: CarePlan, o: ListAllOptions): Promise<CarePlanView> {
  const [goals, tasks, notes] = await Promise.all([
    all(core, 'goal', plan.serviceUserId, o),
    all(core, 'task', plan.serviceUserId, o),
    all(core, 'progressNote', plan.serviceUserId, o),
  ]);
  return {
    plan,
    goals: orderedGoals(plan, goals.filter((g) => g.carePlanId === plan.id)),
    tasks: tasks.filter((t) => t.carePlanId === plan.id),
    notes: notes.filter((n) => n.carePlanId === plan.id).reverse(),
  };
}

/** The agreed contact frequency as stored: agreed by the signed-in actor unless the input names who agreed it. */
const agreedFrequency = (f: ContactFrequencyInput, actorId: string): ContactFrequency => ({ every: f.every, from: f.from, agreedBy: f.agreedBy ?? actorId });

/** The person's plan in use: the newest active, else on hold, else draft, else the newest (none entered in error). */
async function planInUse(core: ClientCore, serviceUserId: string, o: ListAllOptions): Promise<CarePlan | undefined> {
  return pickPlanInUse(await all(core, 'carePlan', core.requireString(serviceUserId, 'serviceUserId'), o));
}

/** Of a person's plans (newest first), the one in use: the newest active, else on hold, else draft, else the newest. */
export function pickPlanInUse(newestFirst: readonly CarePlan[]): CarePlan | undefined {
  const plans = newestFirst.filter((p) => !p.enteredInError);
  return PLAN_PREFERENCE.map((status) => plans.find((p) => p.status === status)).find((p) => p !== undefined) ?? plans[0];
}

function recordReview(core: ClientCore, id: string, review: { reviewedOn: string; nextReviewOn: string }, expectedVersion: string): Promise<CarePlan> {
  return core.guard('Recording a review', async () => {
    const r = parseOrThrow(ReviewSchema, review, 'The review');
    if (r.nextReviewOn <= r.reviewedOn) {
      throw new StrError('validation', 'The next review must come after this one', false, { issues: [{ path: 'nextReviewOn', code: 'too-early', message: 'The next review date must be after the review date' }] });
    }
    if (r.reviewedOn > ukToday(core.now())) {
      throw new StrError('validation', 'The review date is in the future', false, { issues: [{ path: 'reviewedOn', code: 'future', message: 'The review date cannot be in the future' }] });
    }
    return core.putUpdated('carePlan', { ...(await editablePlan(core, id)), lastReviewedOn: r.reviewedOn, nextReviewOn: r.nextReviewOn }, expectedVersion);
  });
}

function carePlansApi(core: ClientCore): CarePlansApi {
  const { actor, guard, requireAction, requireString, mustGet, createRecord, putUpdated } = core;
  return {
    ...readVerbs(core, 'carePlan', 'care plans', 'a care plan'),
    markEnteredInError: markEnteredInErrorVerb(core, 'carePlan', 'care-plan.edit'),
    current: (serviceUserId, options) => guard('Reading the care plan', () => readReporting(options, (o) => planInUse(core, serviceUserId, o))),
    load: (id, options) => guard('Reading the care plan', () => readReporting(options, async (o) => planView(core, await mustGet('carePlan', id), o))),
    loadCurrent: (serviceUserId, options) =>
      guard('Reading the care plan', () =>
        readReporting(options, async (o) => {
          const plan = await planInUse(core, serviceUserId, o);
          return plan ? planView(core, plan, o) : undefined;
        })),
    create: (input) =>
      guard('Creating a care plan', async () => {
        requireAction('care-plan.edit', 'create care plans');
        const fields = parseOrThrow(CarePlanInputSchema, input, 'The care plan');
        await mustGet('serviceUser', fields.serviceUserId);
        return createRecord('carePlan', {
          coordinatorId: actor.id,
          agreedWith: [],
          status: 'draft',
          goalOrder: [],
          taskOrder: {},
          ...fields,
          ...(fields.contactFrequency && { contactFrequency: agreedFrequency(fields.contactFrequency, actor.id) }),
        });
      }),
    update: (id, changes, expectedVersion) =>
      guard('Updating a care plan', async () => {
        requireAction('care-plan.edit', 'edit care plans');
        const fields = parseOrThrow(CarePlanUpdateSchema, changes, 'The change');
        const frequency = fields.contactFrequency ? { contactFrequency: agreedFrequency(fields.contactFrequency, actor.id) } : {};
        return putUpdated('carePlan', applyChanges(await editablePlan(core, id), { ...fields, ...frequency }), expectedVersion);
      }),
    reorderGoals: (id, goalIds, expectedVersion) =>
      guard('Reordering goals', async () => {
        const order = parseOrThrow(IdListSchema, goalIds, 'The goal order');
        return putUpdated('carePlan', { ...(await editablePlan(core, id)), goalOrder: order }, expectedVersion);
      }),
    reorderTasks: (id, goalId, taskIds, expectedVersion) =>
      guard('Reordering tasks', async () => {
        const order = parseOrThrow(IdListSchema, taskIds, 'The task order');
        const plan = await editablePlan(core, id);
        const goal = await mustGet('goal', requireString(goalId, 'goalId'));
        if (goal.carePlanId !== plan.id) throw new StrError('validation', `goal ${goalId} is not on care plan ${id}`, false, { issues: [{ path: 'goalId', code: 'invalid', message: 'Choose a goal of this plan' }] });
        return putUpdated('carePlan', { ...plan, taskOrder: { ...plan.taskOrder, [goal.id]: order } }, expectedVersion);
      }),
    recordReview: (id, review, expectedVersion) => recordReview(core, id, review, expectedVersion),
  };
}

function goalsApi(core: ClientCore): GoalsApi {
  const { guard, requireAction, mustGet, createRecord, putUpdated } = core;
  return {
    ...readVerbs(core, 'goal', 'goals', 'a goal'),
    markEnteredInError: markEnteredInErrorVerb(core, 'goal', 'care-plan.edit'),
    create: (input) =>
      guard('Adding a goal', async () => {
        requireAction('care-plan.edit', 'add goals');
        const fields = parseOrThrow(GoalInputSchema, input, 'The goal');
        const plan = await editablePlan(core, fields.carePlanId);
        return createRecord('goal', { status: 'active', ...fields, serviceUserId: plan.serviceUserId });
      }),
    update: (id, changes, expectedVersion) =>
      guard('Updating a goal', async () => {
        requireAction('care-plan.edit', 'edit goals');
        const fields = parseOrThrow(GoalUpdateSchema, changes, 'The change');
        const goal = await mustGet('goal', id);
        if (goal.enteredInError) throw enteredInErrorRefusal('goal', id);
        return putUpdated('goal', applyChanges(goal, fields), expectedVersion);
      }),
  };
}

/** A task whose status the actor may set: theirs (or any, by role) and not entered in error. */
async function taskForStatus(core: ClientCore, id: string): Promise<Task> {
  const { actor } = core;
  const task = await core.mustGet('task', id);
  if (!canSetTaskStatus(actor, task)) {
    throw new StrError('forbidden', can(actor, 'task.set-status-own') ? `${actor.role} may update only the tasks they own` : `${actor.role} may not update tasks`);
  }
  if (task.enteredInError) throw enteredInErrorRefusal('task', id);
  return task;
}

/** Done today: a one-off task is completed; a repeating one stays in progress and moves to its next due date. */
function completed(core: ClientCore, task: Task): Task {
  const today = ukToday(core.now());
  const base = without(task, 'statusReason');
  return task.repeat
    ? {
        ...base,
        status: 'in-progress',
        lastDoneOn: today,
        dueDate: nextDueDate(task.repeat, task.dueDate, today, task.repeatAnchor),
        ...((task.repeatAnchor ?? task.dueDate) !== undefined && { repeatAnchor: task.repeatAnchor ?? task.dueDate }),
      }
    : { ...base, status: 'completed', lastDoneOn: today };
}

function updateTask(core: ClientCore, id: string, changes: TaskUpdate, expectedVersion: string): Promise<Task> {
  const { guard, requireAction, mustGet, putUpdated } = core;
  return guard('Updating a task', async () => {
    requireAction('care-plan.edit', 'edit tasks');
    const fields = parseOrThrow(TaskUpdateSchema, changes, 'The change');
    const task = await mustGet('task', id);
    if (task.enteredInError) throw enteredInErrorRefusal('task', id);
    if (fields.goalId !== undefined && fields.goalId !== task.goalId) {
      const goal = await mustGet('goal', fields.goalId);
      if (goal.carePlanId !== task.carePlanId) throw new StrError('validation', `goal ${goal.id} is not on this task's plan`, false, { issues: [{ path: 'goalId', code: 'invalid', message: 'Choose a goal of this plan' }] });
    }
    // A new due date or rhythm starts a new rhythm: the old anchor day no longer applies.
    const rhythmChanged = fields.dueDate !== undefined || fields.repeat !== undefined;
    return putUpdated('task', applyChanges(rhythmChanged ? without(task, 'repeatAnchor') : task, fields), expectedVersion);
  });
}

function setTaskStatus(core: ClientCore, id: string, status: TaskStatus, expectedVersion: string, options?: TaskStatusOptions): Promise<Task> {
  return core.guard('Updating a task', async () => {
    const s = parseOrThrow(StatusSchema, status, 'The status');
    const why = parseOrThrow(StatusReasonSchema, optionOf(options, 'reason'), 'The reason');
    if (s === 'cancelled' && !why) {
      throw new StrError('validation', 'A cancelled task needs a reason', false, { issues: [{ path: 'statusReason', code: 'required', message: 'Enter why the task was cancelled' }] });
    }
    const task = await taskForStatus(core, id);
    if (s === 'completed') return core.putUpdated('task', completed(core, task), expectedVersion);
    // A one-off task that is no longer done forgets when it was done; a repeating one keeps its last round.
    const base = without(task, 'statusReason', ...(task.repeat ? [] : ['lastDoneOn']));
    const withReason = why !== undefined && (s === 'cancelled' || s === 'cannot-start-yet');
    return core.putUpdated('task', { ...base, status: s, ...(withReason && { statusReason: why }) }, expectedVersion);
  });
}

function tasksApi(core: ClientCore): TasksApi {
  const { guard, requireAction, mustGet, createRecord, putUpdated } = core;
  return {
    ...readVerbs(core, 'task', 'tasks', 'a task'),
    markEnteredInError: markEnteredInErrorVerb(core, 'task', 'care-plan.edit'),
    create: (input) =>
      guard('Adding a task', async () => {
        requireAction('care-plan.edit', 'add tasks');
        const fields = parseOrThrow(TaskInputSchema, input, 'The task');
        const plan = await editablePlan(core, fields.carePlanId);
        const goal = await mustGet('goal', fields.goalId);
        if (goal.carePlanId !== plan.id) throw new StrError('validation', `goal ${goal.id} is not on care plan ${plan.id}`, false, { issues: [{ path: 'goalId', code: 'invalid', message: 'Choose a goal of this plan' }] });
        return createRecord('task', { status: 'not-started', ...fields, serviceUserId: plan.serviceUserId });
      }),
    update: (id, changes, expectedVersion) => updateTask(core, id, changes, expectedVersion),
    setStatus: (id, status, expectedVersion, options) => setTaskStatus(core, id, status, expectedVersion, options),
    complete: (id, expectedVersion) =>
      guard('Completing a task', async () => {
        const task = await taskForStatus(core, id);
        if (task.status === 'completed' || task.status === 'cancelled') {
          throw new StrError('validation', `task ${id} is already ${task.status}`, false, { issues: [{ path: 'status', code: 'invalid', message: `This task is already ${task.status}` }] });
        }
        return putUpdated('task', completed(core, task), expectedVersion);
      }),
    reopen: (id, expectedVersion) =>
      guard('Reopening a task', async () => {
        const task = await taskForStatus(core, id);
        if (task.status !== 'completed' && task.status !== 'cancelled') {
          throw new StrError('validation', `task ${id} is open`, false, { issues: [{ path: 'status', code: 'invalid', message: 'This task is not completed or cancelled' }] });
        }
        const drop = task.repeat ? ['statusReason'] : ['statusReason', 'lastDoneOn'];
        return putUpdated('task', { ...without(task, ...drop), status: 'in-progress' }, expectedVersion);
      }),
  };
}

function progressNotesApi(core: ClientCore): ProgressNotesApi {
  const { actor, guard, requireAction, mustGet, createRecord } = core;
  return {
    ...readVerbs(core, 'progressNote', 'progress notes', 'a progress note'),
    create: (input) =>
      guard('Adding a progress note', async () => {
        requireAction('progress-note.add', 'add progress notes');
        const fields = parseOrThrow(ProgressNoteInputSchema, input, 'The progress note');
        const target = fields.about.kind === 'task' ? await mustGet('task', fields.about.id) : await mustGet('goal', fields.about.id);
        return createRecord('progressNote', { ...fields, serviceUserId: target.serviceUserId, carePlanId: target.carePlanId });
      }),
    markEnteredInError: markEnteredInErrorVerb(core, 'progressNote', 'progress-note.add', (note) => {
      if (!canCorrect(actor, note)) throw new StrError('forbidden', `${actor.role} may mark only their own progress notes`);
    }),
  };
}

/** The care-plan namespaces of the client. */
export function carePlanApis(core: ClientCore) {
  return { carePlans: carePlansApi(core), goals: goalsApi(core), tasks: tasksApi(core), progressNotes: progressNotesApi(core) };
}
