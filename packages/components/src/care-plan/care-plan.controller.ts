// The care plan's non-rendering half: it carries out what the worker asked for. Connected, through the client, with
// a notification once stored; controlled, as one cancelable intent for the host (ADR 0010). It owns what saving
// shows: busy, the status words, a problem, a conflict, and the form's errors. It never shows a change before the
// store has it.
import { isStrError, type CarePlanView, type StrClient } from '@strkit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isDeviceFull } from '../internal/error-words.js';
import { notifyRecord, requestIntent } from '../internal/events.js';
import type { LeaveGuard } from '../internal/leave-guard.js';
import type { PersonScope } from '../internal/person-scope.js';
import { conflictOf, type Conflict } from './care-plan.conflict.js';
import { CARE_PLAN_NOTICES, type CarePlanIntent, type CarePlanIntentDetails, type CarePlanIntentName, type CarePlanNotice } from './care-plan.events.js';
import { fieldErrors } from './care-plan.submit.js';
import { notSavedSaid, say, type Said, type SaidError } from './care-plan.words.js';

type Stored = { id: string; version: string; serviceUserId: string };
type Perform<K extends CarePlanIntentName> = (c: StrClient, d: CarePlanIntentDetails[K]) => Promise<Stored>;

/** Each intent through the client, and the type of record it stores. */
const PERFORM: { [K in CarePlanIntentName]: readonly [CarePlanNotice['type'], Perform<K>] } = {
  'str-care-plan-create': ['carePlan', (c, d) => c.carePlans.create(d.plan)],
  'str-care-plan-update': ['carePlan', (c, d) => c.carePlans.update(d.carePlanId, d.changes, d.expectedVersion)],
  'str-care-plan-review': ['carePlan', (c, d) => c.carePlans.recordReview(d.carePlanId, { reviewedOn: d.reviewedOn, nextReviewOn: d.nextReviewOn }, d.expectedVersion)],
  'str-goals-reorder': ['carePlan', (c, d) => c.carePlans.reorderGoals(d.carePlanId, d.goalIds, d.expectedVersion)],
  'str-tasks-reorder': ['carePlan', (c, d) => c.carePlans.reorderTasks(d.carePlanId, d.goalId, d.taskIds, d.expectedVersion)],
  'str-goal-create': ['goal', (c, d) => c.goals.create(d.goal)],
  'str-goal-update': ['goal', (c, d) => c.goals.update(d.goalId, d.changes, d.expectedVersion)],
  'str-task-create': ['task', (c, d) => c.tasks.create(d.task)],
  'str-task-update': ['task', (c, d) => c.tasks.update(d.taskId, d.changes, d.expectedVersion)],
  'str-task-complete': ['task', (c, d) => c.tasks.complete(d.taskId, d.expectedVersion)],
  'str-task-reopen': ['task', (c, d) => c.tasks.reopen(d.taskId, d.expectedVersion)],
  'str-task-status-change': ['task', (c, d) => c.tasks.setStatus(d.taskId, d.status, d.expectedVersion, { reason: d.reason })],
  'str-progress-note-create': ['progressNote', (c, d) => c.progressNotes.create(d.note)],
};

async function perform(c: StrClient, i: CarePlanIntent): Promise<CarePlanNotice> {
  const [type, run] = PERFORM[i.name] as readonly [CarePlanNotice['type'], Perform<typeof i.name>];
  const r = await run(c, i.detail as never);
  return { type, id: r.id, version: r.version, serviceUserId: r.serviceUserId };
}

/** What the controller needs from its element. */
export interface CarePlanControllerOptions {
  readonly scope: PersonScope;
  readonly leaving: LeaveGuard;
  /** Loads the plan again (after a save, or to show what is stored after a refusal). */
  readonly reload: () => Promise<void>;
  readonly view: () => CarePlanView | undefined;
  readonly words: () => { actorId: string | undefined; names: ReadonlyMap<string, string> };
  /** An editor is open (a refused field's error goes beside it). */
  readonly editing: () => boolean;
  /** The worker chose to send their change again over a conflict: close the editor it came from. */
  readonly closeEditor: () => void;
  /** Where focus goes back to for a record (a task row, a goal heading, the plan heading). */
  readonly anchorOf: (key: string) => string;
}

export class CarePlanController implements ReactiveController {
  /** The key (task, goal, "plan") of the write in flight. */
  busy: string | undefined;
  /** The news of the last action (said when drawn, in the locale then). */
  status: Said | undefined;
  /** A failed save or load, said where it cannot be missed. */
  problem: Said | undefined;
  conflict: Conflict | undefined;
  errors: readonly SaidError[] = [];
  /** A selector to focus after the next render. */
  focusAfter: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly o: CarePlanControllerOptions,
  ) {
    host.addController(this);
  }

  /** Off the page there is nothing to put focus on. */
  hostDisconnected(): void {
    this.focusAfter = undefined;
  }

  /** Everything shown about saving, cleared (another person, or the element left the page). */
  reset(): void {
    Object.assign(this, { busy: undefined, status: undefined, problem: undefined, conflict: undefined, errors: [] });
    this.host.requestUpdate();
  }

  set(changes: Partial<Pick<CarePlanController, 'status' | 'problem' | 'conflict' | 'errors' | 'focusAfter'>>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  /**
   * Runs an intent: through the client (connected) or as a cancelable event (controlled). On failure the worker is
   * told, the plan reloads to show what is stored, and a form stays as typed. `done` runs once it is stored (or the
   * host let the intent go ahead), with the stored record's id.
   */
  async run(intent: CarePlanIntent, busyKey: string, done: (id: string | undefined) => void): Promise<boolean> {
    const scope = this.o.scope.current;
    const c = scope?.client;
    if (!c) {
      const go = requestIntent(this.host, intent.name, intent.detail);
      if (go) done(undefined);
      return go;
    }
    if (this.busy) return false;
    this.busy = busyKey; // before the person check, so a second click does not start a second write
    this.host.requestUpdate();
    if (!(await this.o.scope.mayWriteFor(scope))) {
      this.busy = undefined;
      if (this.o.scope.isCurrent(scope)) this.set({ problem: say('not-saved-unknown-person') });
      return false;
    }
    this.set({ problem: undefined, status: say('saving') });
    try {
      const saved = await perform(c, intent);
      this.o.leaving.set(false);
      notifyRecord(this.host, CARE_PLAN_NOTICES[intent.name], saved);
      if (!this.o.scope.isCurrent(scope)) return true; // the element shows someone else now: leave their screen alone
      await this.o.reload();
      done(saved.id);
      return true;
    } catch (err) {
      if (!this.o.scope.isCurrent(scope)) return false;
      await this.#refused(c, intent, err);
      await this.o.reload();
      return false;
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  async #refused(c: StrClient, intent: CarePlanIntent, err: unknown) {
    this.set({ status: undefined });
    if (isStrError(err, 'validation') && err.details.issues?.length && this.o.editing()) {
      this.set({ errors: fieldErrors(err.details.issues), focusAfter: '.error-summary' });
    } else if (isStrError(err, 'conflict')) {
      await this.#showConflict(c, intent);
    } else {
      if (isDeviceFull(err)) this.o.leaving.set(true);
      this.set({ problem: notSavedSaid(err), focusAfter: '.problem' });
    }
  }

  /** Someone else saved first: show both versions and let the worker choose. Nothing is overwritten silently. */
  async #showConflict(c: StrClient, intent: CarePlanIntent) {
    try {
      const conflict = await conflictOf(c, intent, { view: this.o.view(), ...this.o.words() });
      if (conflict) this.set({ conflict, focusAfter: '.conflict' });
      else this.set({ problem: say('conflict-first'), focusAfter: '.problem' });
    } catch (e) {
      this.set({ problem: notSavedSaid(e), focusAfter: '.problem' });
    }
  }

  /** The worker chose: keep what is stored, or send their change again over it. */
  async resolveConflict(useMine: boolean): Promise<void> {
    const conflict = this.conflict;
    if (!conflict) return;
    this.set({ conflict: undefined });
    if (!useMine) {
      this.set({ status: say(`kept.${conflict.what}`), focusAfter: this.o.anchorOf(conflict.key) });
      return;
    }
    this.o.closeEditor();
    await this.run(conflict.retry, conflict.key, () =>
      this.set({ status: say(`saved-mine.${conflict.what}`), focusAfter: this.o.anchorOf(conflict.key) }));
  }
}
