// A change someone else beat the worker to: both versions in words, side by side, and the worker's change ready to
// send again on top of what is stored. Nothing is overwritten silently (hazard H13).
import { orderedGoals, orderedTasks, type CarePlanView, type StrClient } from '@strkit/sdk';
import type { CarePlanIntent } from './care-plan.events.js';
import { goalFields, intentFields, personName, planFields, taskFields } from './care-plan.format.js';
import type { CarePlanWords, Said } from './care-plan.words.js';

/** What the conflict is about: the words of its heading and of the news after the worker chose. */
export type ConflictAbout = 'order' | 'plan' | 'goal' | 'task';
/** A side's rows in words, said when drawn (so a locale change redraws them). */
export type SaidRows = (l: CarePlanWords) => readonly [string, string][];

export interface Conflict {
  /** The task id, goal id, or "plan" the panel sits beside. */
  readonly key: string;
  readonly what: ConflictAbout;
  readonly mine: SaidRows;
  readonly stored: SaidRows;
  readonly storedBy: Said;
  readonly storedAt: string;
  /** The same change on top of the stored version, if the worker chooses theirs. */
  readonly retry: CarePlanIntent;
}

export interface ConflictContext {
  readonly view: CarePlanView | undefined;
  readonly actorId: string | undefined;
  readonly names: ReadonlyMap<string, string>;
}

/** The same intent, to be stored over `version`. */
export const withVersion = (intent: CarePlanIntent, version: string): CarePlanIntent =>
  ({ name: intent.name, detail: { ...intent.detail, expectedVersion: version } }) as CarePlanIntent;

type Stored = { readonly version: string; readonly updatedBy: string; readonly updatedAt: string };
type Sides = Pick<Conflict, 'key' | 'what' | 'mine' | 'stored'>;

function conflictFrom(sides: Sides, stored: Stored, intent: CarePlanIntent, ctx: ConflictContext): Conflict {
  return { ...sides, storedBy: (l) => personName(l, stored.updatedBy, ctx.actorId, ctx.names), storedAt: stored.updatedAt, retry: withVersion(intent, stored.version) };
}

/** A change to the plan record itself (its order, details or review): the stored plan beside the worker's change. */
async function planConflict(c: StrClient, intent: CarePlanIntent, carePlanId: string, ctx: ConflictContext): Promise<Conflict> {
  const stored = await c.carePlans.get(carePlanId);
  const view = ctx.view;
  const titleOf = new Map<string, string>([...(view?.goals ?? []), ...(view?.tasks ?? [])].map((r) => [r.id, r.text]));
  const orderRows = (ids: readonly string[]): SaidRows => (l) => ids.map((id, n) => [l.number(n + 1), titleOf.get(id) ?? l.t('new-item')]);
  let sides: Sides;
  if (intent.name === 'str-tasks-reorder') {
    const { goalId, taskIds } = intent.detail;
    const tasks = view?.tasks.filter((t) => t.goalId === goalId) ?? [];
    sides = { key: goalId, what: 'order', mine: orderRows(taskIds), stored: orderRows(orderedTasks(stored, goalId, tasks).map((t) => t.id)) };
  } else if (intent.name === 'str-goals-reorder') {
    sides = { key: 'plan', what: 'order', mine: orderRows(intent.detail.goalIds), stored: orderRows(orderedGoals(stored, view?.goals ?? []).map((g) => g.id)) };
  } else {
    sides = { key: 'plan', what: 'plan', mine: (l) => intentFields(l, intent, ctx.actorId, ctx.names), stored: (l) => planFields(l, stored) };
  }
  return conflictFrom(sides, stored, intent, ctx);
}

/**
 * Reads what is stored now and sets it beside the worker's change. Undefined for a new record (a create cannot
 * conflict with a version; the store refused it for another reason).
 */
export async function conflictOf(c: StrClient, intent: CarePlanIntent, ctx: ConflictContext): Promise<Conflict | undefined> {
  const mine: SaidRows = (l) => intentFields(l, intent, ctx.actorId, ctx.names);
  const d = intent.detail;
  if ('carePlanId' in d) return planConflict(c, intent, d.carePlanId, ctx);
  if (intent.name === 'str-goal-update') {
    const stored = await c.goals.get(intent.detail.goalId);
    return conflictFrom({ key: stored.id, what: 'goal', mine, stored: (l) => goalFields(l, stored) }, stored, intent, ctx);
  }
  if ('taskId' in d) {
    const stored = await c.tasks.get(d.taskId);
    return conflictFrom({ key: stored.id, what: 'task', mine, stored: (l) => taskFields(l, stored, ctx.actorId, ctx.names) }, stored, intent, ctx);
  }
  return undefined;
}
