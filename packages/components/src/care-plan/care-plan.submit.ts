// What each editor's form asks for, as an intent, or the errors that stop it. Checked with the SDK's own rules
// (`inputIssues`) before anything is sent, so controlled hosts get the same rules as the client.
import { TASK_STATUSES, inputIssues, type CarePlan, type FieldIssue, type Goal, type Task, type TaskOwner, type TaskStatus } from '@strkit/sdk';
import type { CarePlanIntent } from './care-plan.events.js';
import { issueSaid, saidError, type SaidError } from './care-plan.words.js';

type FieldError = SaidError;

/** An intent to send, or the errors that stop it (in the order the summary shows them). */
export type Submission = { readonly intent: CarePlanIntent; readonly errors?: undefined } | { readonly intent?: undefined; readonly errors: readonly FieldError[] };

/** Which form field an SDK issue path belongs to. */
const FIELD_OF: Record<string, string> = {
  text: 'text', lifeArea: 'life-area', targetDate: 'target-date', status: 'status', owner: 'owner', dueDate: 'due-date', repeat: 'repeat',
  statusReason: 'reason', reviewedOn: 'reviewed-on', nextReviewOn: 'next-review-on', agreedOn: 'agreed-on', agreedWith: 'carer-name',
};

export const fieldErrors = (issues: readonly FieldIssue[]): FieldError[] =>
  issues.map((i) => ({ field: FIELD_OF[i.path.split('.')[0] ?? ''] ?? 'text', say: issueSaid(i) }));

/** The input's issues by the SDK's schema, after `extra` (the form's own checks). */
const check = (kind: Parameters<typeof inputIssues>[0], value: unknown, extra: readonly FieldError[] = []): FieldError[] =>
  [...extra, ...fieldErrors(inputIssues(kind, value))];

const str = (f: FormData, k: string) => String(f.get(k) ?? '');
const result = (errors: readonly FieldError[], intent: () => CarePlanIntent): Submission => (errors.length ? { errors } : { intent: intent() });

export function planSubmission(f: FormData, plan: CarePlan | undefined, newPlan: { id: string; serviceUserId: string }): Submission {
  const carer = str(f, 'carer-name').trim();
  const agreedWith = [
    ...(f.get('agreed-person') ? [{ kind: 'service-user' as const }] : []),
    ...(f.get('agreed-carer') ? [{ kind: 'carer' as const, ...(carer && { name: carer }) }] : []),
  ];
  const changes = {
    status: str(f, 'status') as CarePlan['status'],
    agreedWith,
    ...(str(f, 'agreed-on') && { agreedOn: str(f, 'agreed-on') }),
    ...(str(f, 'next-review-on') && { nextReviewOn: str(f, 'next-review-on') }),
  };
  const errors = check('carePlanUpdate', changes);
  if (errors.length || plan) return result(errors, () => ({ name: 'str-care-plan-update', detail: { carePlanId: plan!.id, changes, expectedVersion: plan!.version } }));
  const created = { ...newPlan, ...changes };
  return result(check('carePlan', created), () => ({ name: 'str-care-plan-create', detail: { plan: created } }));
}

export function reviewSubmission(f: FormData, plan: CarePlan, today: string): Submission {
  const reviewedOn = str(f, 'reviewed-on');
  const nextReviewOn = str(f, 'next-review-on');
  const errors: FieldError[] = [];
  if (!reviewedOn) errors.push(saidError('reviewed-on', 'err.reviewed-on'));
  else if (reviewedOn > today) errors.push(saidError('reviewed-on', 'err.review-future'));
  if (!nextReviewOn) errors.push(saidError('next-review-on', 'err.next-review'));
  else if (reviewedOn && nextReviewOn <= reviewedOn) errors.push(saidError('next-review-on', 'err.next-after'));
  return result(errors, () => ({ name: 'str-care-plan-review', detail: { carePlanId: plan.id, reviewedOn, nextReviewOn, expectedVersion: plan.version } }));
}

export function goalSubmission(f: FormData, goal: Goal | undefined, newGoal: { id: string; carePlanId: string }): Submission {
  const text = str(f, 'text');
  const lifeArea = str(f, 'life-area') as Goal['lifeArea'];
  const target = str(f, 'target-date');
  if (goal) {
    const changes = { text, lifeArea, targetDate: target || null, status: String(f.get('status') ?? goal.status) as Goal['status'] };
    return result(check('goalUpdate', changes), () => ({ name: 'str-goal-update', detail: { goalId: goal.id, changes, expectedVersion: goal.version } }));
  }
  const input = { ...newGoal, text, lifeArea, ...(target && { targetDate: target }) };
  return result(check('goal', input), () => ({ name: 'str-goal-create', detail: { goal: input } }));
}

function ownerFrom(f: FormData, actorId: string | undefined): TaskOwner | undefined {
  const name = str(f, 'owner-name').trim();
  switch (str(f, 'owner')) {
    case 'me': return actorId ? { kind: 'worker', workerId: actorId } : undefined;
    case 'worker': return name ? { kind: 'worker', workerId: name } : undefined;
    case 'service-user': return { kind: 'service-user' };
    case 'carer': return name ? { kind: 'carer', name } : { kind: 'carer' };
    case 'other-service': return { kind: 'other-service', name };
    default: return undefined;
  }
}

/** The task form's own checks, before the SDK's: who does it, and a start for repeats. */
function taskChecks(f: FormData, owner: TaskOwner | undefined, due: string, rep: string): FieldError[] {
  const extra: FieldError[] = owner ? [] : [saidError('owner', str(f, 'owner') === 'worker' ? 'err.worker-id' : 'err.owner')];
  if (owner?.kind === 'other-service' && !owner.name) extra.push(saidError('owner-name', 'err.service-name'));
  if (rep && !due) extra.push(saidError('due-date', 'err.repeat-start'));
  return extra;
}

export function taskSubmission(f: FormData, task: Task | undefined, newTask: { id: string; carePlanId: string; goalId: string }, actorId: string | undefined): Submission {
  const text = str(f, 'text');
  const owner = ownerFrom(f, actorId);
  const due = str(f, 'due-date');
  const rep = str(f, 'repeat') as Task['repeat'] | '';
  const extra = taskChecks(f, owner, due, rep ?? '');
  if (task) {
    const changes = { text, ...(owner && { owner }), dueDate: due || null, repeat: rep || null };
    return result(check('taskUpdate', changes, extra), () => ({ name: 'str-task-update', detail: { taskId: task.id, changes, expectedVersion: task.version } }));
  }
  const input = { ...newTask, text, owner: owner ?? { kind: 'service-user' as const }, ...(due && { dueDate: due }), ...(rep && { repeat: rep }) };
  return result(check('task', input, extra), () => ({ name: 'str-task-create', detail: { task: input } }));
}

export function statusSubmission(f: FormData, t: Task): Submission {
  const status = str(f, 'status') as TaskStatus;
  const reason = str(f, 'reason').trim();
  const errors: FieldError[] = [];
  if (!TASK_STATUSES.some((s) => s.code === status)) errors.push(saidError('status', 'err.status'));
  if (status === 'cancelled' && !reason) errors.push(saidError('reason', 'err.cancel-reason'));
  // "Completed" here is the same as "Mark complete", so a repeating task moves on to its next due date either way.
  return result(errors, () => status === 'completed'
    ? { name: 'str-task-complete', detail: { taskId: t.id, expectedVersion: t.version } }
    : { name: 'str-task-status-change', detail: { taskId: t.id, status, ...(reason && { reason }), expectedVersion: t.version } });
}

export function noteSubmission(note: { id: string; about: { kind: 'task' | 'goal'; id: string }; text: string }): Submission {
  return result(check('progressNote', note), () => ({ name: 'str-progress-note-create', detail: { note } }));
}
