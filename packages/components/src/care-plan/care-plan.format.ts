// Words for care-plan records in the active locale: every status, flag and owner is said in words, never by colour
// alone (care-plan.messages.ts).
import type { CarePlan, Goal, Task, TaskOwner, TaskStatus } from '@strkit/sdk';
import type { CarePlanIntent, CarePlanIntentDetails, CarePlanIntentName } from './care-plan.events.js';
import { codeLabel, type CarePlanWords, type MessageId } from './care-plan.words.js';

type L = CarePlanWords;

export const taskStatusLabel = (l: L, t: Pick<Task, 'status'>): string => codeLabel(l, 'task-status', t.status);
export const goalStatusLabel = (l: L, g: Pick<Goal, 'status'>): string => codeLabel(l, 'goal-status', g.status);
export const planStatusLabel = (l: L, p: Pick<CarePlan, 'status'>): string => codeLabel(l, 'plan-status', p.status);
export const lifeAreaLabel = (l: L, g: Pick<Goal, 'lifeArea'>): string => codeLabel(l, 'life-area', g.lifeArea);
export const repeatLabel = (l: L, t: Pick<Task, 'repeat'>): string | undefined => (t.repeat ? codeLabel(l, 'repeat', t.repeat) : undefined);

/** A worker's name from the host's list, else their id; "you" for the signed-in worker. */
export function personName(l: L, id: string, actorId: string | undefined, names: ReadonlyMap<string, string>): string {
  if (id === actorId) return l.t('you');
  return names.get(id) ?? l.t('worker', { id });
}

export function ownerLabel(l: L, owner: TaskOwner, actorId: string | undefined, names: ReadonlyMap<string, string>): string {
  switch (owner.kind) {
    case 'worker':
      return personName(l, owner.workerId, actorId, names);
    case 'service-user':
      return l.t('owner.person');
    case 'carer':
      return owner.name ? l.t('owner.carer-named', { name: owner.name }) : l.t('owner.carer');
    case 'other-service':
      return owner.name;
  }
}

/** The date a task row states ("Due" 10 June 2026, "Done" 3 June 2026); undefined when there is none. */
export function dueOf(t: Pick<Task, 'status' | 'dueDate' | 'lastDoneOn'>): { word: 'due-on' | 'done-on'; date: string } | undefined {
  if (t.status === 'completed') return t.lastDoneOn ? { word: 'done-on', date: t.lastDoneOn } : undefined;
  return t.dueDate ? { word: 'due-on', date: t.dueDate } : undefined;
}

/** "5 June 2026 at 14:05" in the locale. */
export const stamp = (l: L, iso: string): string => l.dateTime(Date.parse(iso));

type Rows = [string, string][];
const dateOr = (l: L, none: MessageId) => (d: string | null | undefined) => (d ? l.date(d) : l.t(none));
const withReason = (l: L, status: string, reason?: string) => (reason ? l.t('status-reason', { status, reason }) : status);

/** The stored fields of a task, in words, for the conflict panel. */
export function taskFields(l: L, t: Task, actorId: string | undefined, names: ReadonlyMap<string, string>): Rows {
  return [
    [l.t('field.what'), t.text],
    [l.t('field.who'), ownerLabel(l, t.owner, actorId, names)],
    [l.t('status'), withReason(l, taskStatusLabel(l, t), t.statusReason)],
    [l.t('field.due'), dateOr(l, 'no-date')(t.dueDate)],
    [l.t('field.repeats'), repeatLabel(l, t) ?? l.t('no')],
  ];
}

export function goalFields(l: L, g: Goal): Rows {
  return [
    [l.t('goal'), g.text],
    [l.t('field.area'), lifeAreaLabel(l, g)],
    [l.t('field.target'), dateOr(l, 'none')(g.targetDate)],
    [l.t('status'), goalStatusLabel(l, g)],
  ];
}

export function planFields(l: L, p: CarePlan): Rows {
  return [
    [l.t('status'), planStatusLabel(l, p)],
    [l.t('field.agreed-on'), dateOr(l, 'not-agreed')(p.agreedOn)],
    [l.t('field.next-review'), dateOr(l, 'no-date-set')(p.nextReviewOn)],
    [l.t('last-review'), dateOr(l, 'none-yet')(p.lastReviewedOn)],
  ];
}

type Words = { readonly actorId: string | undefined; readonly names: ReadonlyMap<string, string> };
type Change<K extends CarePlanIntentName> = (l: L, detail: CarePlanIntentDetails[K], w: Words) => Rows;

/** The rows a partial change names, in the order given: each present field in words, the rest left out. */
function rowsOf<C extends object>(l: L, c: C, words: { [F in keyof C]?: readonly [MessageId, (v: NonNullable<C[F]> | null) => string] }): Rows {
  const rows: Rows = [];
  for (const [field, [label, say]] of Object.entries(words) as [keyof C, readonly [MessageId, (v: unknown) => string]][]) {
    if (c[field] !== undefined) rows.push([l.t(label), say(c[field])]);
  }
  return rows;
}

const CHANGE_WORDS: { [K in CarePlanIntentName]?: Change<K> } = {
  'str-task-complete': (l) => [[l.t('status'), l.t('task-status.completed')]],
  'str-task-reopen': (l) => [[l.t('status'), l.t('reopened')]],
  'str-task-status-change': (l, d) => [[l.t('status'), withReason(l, codeLabel(l, 'task-status', d.status as TaskStatus), d.reason)]],
  'str-task-update': (l, d, w) => rowsOf(l, d.changes, {
    text: ['field.what', (v) => v ?? ''],
    owner: ['field.who', (v) => (v ? ownerLabel(l, v as TaskOwner, w.actorId, w.names) : '')],
    dueDate: ['field.due', dateOr(l, 'no-date')],
    repeat: ['field.repeats', (v) => (v ? codeLabel(l, 'repeat', v) : l.t('no'))],
  }),
  'str-goal-update': (l, d) => rowsOf(l, d.changes, {
    text: ['goal', (v) => v ?? ''],
    lifeArea: ['field.area', (v) => (v ? codeLabel(l, 'life-area', v) : '')],
    targetDate: ['field.target', dateOr(l, 'none')],
    status: ['status', (v) => (v ? codeLabel(l, 'goal-status', v) : '')],
  }),
  'str-care-plan-update': (l, d) => rowsOf(l, d.changes, {
    status: ['status', (v) => (v ? codeLabel(l, 'plan-status', v) : '')],
    agreedOn: ['field.agreed-on', dateOr(l, 'cleared')],
    nextReviewOn: ['field.next-review', dateOr(l, 'cleared')],
  }),
  'str-care-plan-review': (l, d) => [[l.t('last-review'), l.date(d.reviewedOn)], [l.t('field.next-review'), l.date(d.nextReviewOn)]],
};

/** The worker's own change, in words, for the conflict panel (nothing for a new record or a reorder). */
export function intentFields(l: L, intent: CarePlanIntent, actorId: string | undefined, names: ReadonlyMap<string, string>): Rows {
  const say = CHANGE_WORDS[intent.name] as Change<typeof intent.name> | undefined;
  return say ? say(l, intent.detail as never, { actorId, names }) : [];
}
