import { consume } from '@lit/context';
import {
  GOAL_STATUSES, LIFE_AREAS, TASK_REPEATS, TASK_STATUSES, addDays, canSetTaskStatus, formatNhsDate, inputIssues, isStrError, isTaskOpen, isTaskOverdue,
  moveItem, orderedGoals, orderedTasks, reviewState, reviewSummary, systemClock, tasksDueWithin, ukToday,
  type CarePlan, type CarePlanView, type Clock, type FieldIssue, type Goal, type ProgressNote, type StrClient, type Task,
  type TaskOwner, type TaskStatus, type Worker,
} from '@strkit/sdk';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { clientContext } from '../context.js';
import { NOT_SAVED_UNKNOWN_PERSON, PersonScope, noPersonNotice, unknownPersonNotice, type Scope } from '../internal/person-scope.js';
import { LoadState } from '../internal/load-state.js';
import { DraftTimer } from '../internal/draft-timer.js';
import { LeaveGuard } from '../internal/leave-guard.js';
import { isDeviceFull, whyNotSaved } from '../internal/error-words.js';
import { unreadableNotice } from '../internal/unreadable-notice.js';
import { controls } from '../internal/controls.styles.js';
import { focus } from '../internal/focus.styles.js';
import { tokens } from '../internal/tokens.styles.js';
import { requestIntent, notifyRecord } from '../internal/events.js';
import { CARE_PLAN_NOTICES, type CarePlanIntent, type CarePlanNotice } from './care-plan.events.js';
import { conflictOf, type Conflict } from './care-plan.conflict.js';
import {
  dueOf, goalStatusLabel, lifeAreaLabel, ownerLabel, personName, planStatusLabel, repeatLabel, stamp, taskStatusLabel,
} from './care-plan.format.js';
import { styles } from './care-plan.styles.js';

/** The one editor open at a time (so field ids stay unique and focus has one place to go back to). */
export type CarePlanEditor =
  | { readonly kind: 'plan' }
  | { readonly kind: 'review' }
  | { readonly kind: 'goal'; readonly goalId?: string }
  | { readonly kind: 'task'; readonly goalId: string; readonly taskId?: string }
  | { readonly kind: 'status'; readonly taskId: string }
  | { readonly kind: 'note'; readonly about: { readonly kind: 'task' | 'goal'; readonly id: string }; readonly quick: boolean };

export type CarePlanViewMode = 'plan' | 'due' | 'review';

interface TaskRowOptions {
  readonly goalId: string;
  readonly index: number;
  readonly count: number;
  readonly reorderable: boolean;
  readonly goalText?: string;
}

interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** A change the store refused: what typed stays in its form, and the plan reloads to show what is stored. */
const NOT_SAVED = { what: 'this change', kept: 'What you typed is still here; the plan shows what is stored' } as const;
const newId = () => crypto.randomUUID();
const NOTE_DRAFT = 'care-plan:note:';
const css = (id: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(id) : id);

/** Which form field an SDK issue path belongs to. */
const FIELD_OF: Record<string, string> = {
  text: 'text', lifeArea: 'life-area', targetDate: 'target-date', status: 'status', owner: 'owner', dueDate: 'due-date', repeat: 'repeat',
  statusReason: 'reason', reviewedOn: 'reviewed-on', nextReviewOn: 'next-review-on', agreedOn: 'agreed-on', agreedWith: 'carer-name',
};

/**
 * @summary A person's care plan: their goals in their own words, the agreed tasks under each (who, by when, status),
 * the review date, what is overdue, and progress notes for the care co-ordinator's review.
 *
 * Connected (default): finds a client through `<str-provider>` or `.client`, loads the person's current plan, writes
 * through the client (workers update the tasks they own and add notes; co-ordinators and team leads edit goals, tasks
 * and review dates) and fires a notification once each record is stored. Controlled (no client): shows `.plan`,
 * `.goals`, `.tasks` and `.notes`, never changes them, and fires one cancelable intent per user action for the host
 * to store (ADR 0010). Cancelled, the form stays as typed; not cancelled, the action is treated as done.
 *
 * @fires str-care-plan-create - Controlled: "Start the plan". Detail: CarePlanCreateDetail (the new plan, with its id).
 * @fires str-care-plan-update - Controlled: "Save plan details". Detail: CarePlanUpdateDetail.
 * @fires str-care-plan-review - Controlled: "Record the review". Detail: CarePlanReviewDetail.
 * @fires str-goals-reorder - Controlled: "Move goal up/down". Detail: GoalsReorderDetail (every goal id, in order).
 * @fires str-tasks-reorder - Controlled: "Move up/down" or a drop. Detail: TasksReorderDetail (the goal's task ids, in order).
 * @fires str-goal-create - Controlled: "Add goal". Detail: GoalCreateDetail (the new goal, with its id).
 * @fires str-goal-update - Controlled: "Save goal". Detail: GoalUpdateDetail.
 * @fires str-task-create - Controlled: "Add task". Detail: TaskCreateDetail (the new task, with its id).
 * @fires str-task-update - Controlled: "Save task". Detail: TaskUpdateDetail.
 * @fires str-task-complete - Controlled: "Mark complete", or "Completed" in the status form. Detail: TaskCompleteDetail.
 * @fires str-task-reopen - Controlled: "Reopen". Detail: TaskReopenDetail.
 * @fires str-task-status-change - Controlled: "Save status" (any status but completed). Detail: TaskStatusChangeDetail.
 * @fires str-progress-note-create - Controlled: "Save note". Detail: ProgressNoteCreateDetail (the new note, with its id).
 * @fires str-care-plan-created - Connected: the client stored the plan. Detail: RecordNotice (ids and version only); so for every notification below.
 * @fires str-care-plan-updated - Connected: plan details stored.
 * @fires str-care-plan-reviewed - Connected: a review stored on the plan.
 * @fires str-goals-reordered - Connected: the goal order stored on the plan.
 * @fires str-tasks-reordered - Connected: a goal's task order stored on the plan.
 * @fires str-goal-created - Connected: a goal stored.
 * @fires str-goal-updated - Connected: a goal's change stored.
 * @fires str-task-created - Connected: a task stored.
 * @fires str-task-updated - Connected: a task's change stored.
 * @fires str-task-completed - Connected: a task completed.
 * @fires str-task-reopened - Connected: a task reopened.
 * @fires str-task-status-changed - Connected: a task's status stored.
 * @fires str-progress-note-created - Connected: a progress note stored.
 * @csspart header - The plan's status, dates, review flag and view controls.
 * @csspart goals - The list of goals with their tasks.
 * @csspart task - One task row.
 * @csspart due - The compact "due in the next 7 days" list.
 * @csspart review - The review summary.
 * @cssprop --str-care-plan-gap - Space between goals (default 24px).
 * @cssprop --str-care-plan-overdue-colour - Border colour beside overdue tasks and an overdue review (default the NHS error colour).
 */
export class StrCarePlan extends LitElement {
  static override styles = [tokens, focus, controls, styles];

  @consume({ context: clientContext, subscribe: true })
  @state()
  private _providedClient?: StrClient;

  /** The client to use; overrides the one from `<str-provider>`. */
  @property({ attribute: false }) client?: StrClient;

  /** The person whose plan this is (their STR Kit id). */
  @property({ attribute: 'service-user-id' }) serviceUserId = '';

  /** Controlled mode: the plan, its goals, tasks and notes. Never changed by the element. */
  @property({ attribute: false }) plan?: CarePlan;
  @property({ attribute: false }) goals: readonly Goal[] = [];
  @property({ attribute: false }) tasks: readonly Task[] = [];
  @property({ attribute: false }) notes: readonly ProgressNote[] = [];

  /** Names for worker ids (owners, authors). Connected mode loads them when this is empty. */
  @property({ attribute: false }) workers: readonly Worker[] = [];

  /** Controlled mode: the signed-in worker's id, for "my tasks". Connected mode uses the client's actor. */
  @property({ attribute: 'actor-id' }) actorId = '';

  /** `plan` (goals and tasks), `due` (what is due in the next 7 days, for home visits) or `review` (summary to print). */
  @property({ reflect: true }) view: CarePlanViewMode = 'plan';

  /** `all` tasks, or only the signed-in worker's (`mine`). */
  @property({ reflect: true }) filter: 'all' | 'mine' = 'all';

  /** Shows the plan without any controls. Also what a viewer sees. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The clock "today", overdue and review flags are judged by (tests and demos pass a fixed one). */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private _loaded?: CarePlanView;
  /** How many of the person's plan records the last load left out as unreadable. */
  @state() private _unreadable = 0;
  @state() private _editor?: CarePlanEditor;
  @state() private _errors: readonly FieldError[] = [];
  @state() private _busy?: string;
  @state() private _status = '';
  /** A failed save or load, said where it cannot be missed. */
  @state() private _problem = '';
  @state() private _conflict?: Conflict;
  @state() private _noteText = '';
  @state() private _noteDrafts: ReadonlySet<string> = new Set();
  @state() private _names: ReadonlyMap<string, string> = new Map();
  @state() private _dropTarget?: string;

  /** Every load is tied to the person and actor it was started for (issue 14). */
  #scope = new PersonScope(this, { client: () => this.#client, changed: (next, previous) => this.#scopeChanged(next, previous), checkPerson: true });
  /** One load state and one whenLoaded() (internal/load-state.ts). */
  #loads = new LoadState(this);
  /** The browser asks before leaving while a change could not be stored for lack of space. */
  #leaving = new LeaveGuard(this);
  #loading: Promise<void> | undefined;
  #reloadAgain = false;
  #focusAfter: string | undefined;
  #returnFocus: string | undefined;
  /** The 400 ms pause before what is typed is kept as a draft (internal/draft-timer.ts). */
  #draftTimer = new DraftTimer(this);
  #drag: { goalId: string; taskId: string } | undefined;
  /** Tasks completed in this view, kept in the 7-day list until the view changes. */
  #doneHere = new Set<string>();
  /** New-record ids per open add form, so a retried save never duplicates. */
  #pendingId: string = newId();
  // Derived once per update, not per row.
  #tasksByGoal = new Map<string, Task[]>();
  #notesByTarget = new Map<string, ProgressNote[]>();
  #notesIndexed: readonly ProgressNote[] | undefined;
  #today = '';

  get #client(): StrClient | undefined {
    return this.client ?? this._providedClient;
  }

  get #actorId(): string | undefined {
    return this.#client?.actor.id ?? (this.actorId || undefined);
  }

  get #view(): CarePlanView | undefined {
    if (this.#client) return this._loaded;
    const plan = this.plan;
    if (!plan) return undefined;
    return { plan, goals: orderedGoals(plan, this.goals.filter((g) => g.carePlanId === plan.id)), tasks: this.tasks.filter((t) => t.carePlanId === plan.id), notes: this.notes };
  }

  get #canEdit() {
    const c = this.#client;
    return !this.readonly && (!c || c.can('care-plan.edit'));
  }

  get #canNote() {
    const c = this.#client;
    return !this.readonly && (!c || c.can('progress-note.add'));
  }

  #canStatus(t: Task) {
    const c = this.#client;
    return !this.readonly && (!c || canSetTaskStatus(c.actor, t));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
  }

  /**
   * The person, client or actor changed (or the element left the page). A note typed for the previous person is kept
   * as their draft, under the actor who typed it and through their own client (which refuses once signed out), so a
   * new sign-in never inherits it; then nothing of theirs stays on screen.
   */
  #scopeChanged(next: Scope | undefined, previous: Scope | undefined): (() => void) | void {
    if (previous) void this.#flushNoteDraft(previous.client);
    this.#draftTimer.cancel();
    this._loaded = undefined;
    this._unreadable = 0;
    this.#loads.reset(!!next?.serviceUserId);
    this.#leaving.set(false);
    this._editor = undefined;
    this._errors = [];
    this._status = '';
    this._problem = '';
    this._conflict = undefined;
    this._noteText = '';
    this._noteDrafts = new Set();
    this.#doneHere = new Set();
    this.#pendingId = newId();
    if (!next?.serviceUserId) return;
    const unsubscribe = next.client.subscribe({ serviceUserId: next.serviceUserId }, (change) => {
      if (change.type === 'carePlan' || change.type === 'goal' || change.type === 'task' || change.type === 'progressNote') void this.#load();
    });
    void this.#load();
    if (!this.workers.length) void this.#loadNames(next);
    return unsubscribe;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('workers') && this.workers.length) this._names = namesOf(this.workers);
    const view = this.#view;
    this.#today = ukToday(this.clock.now());
    this.#tasksByGoal = new Map();
    if (view) for (const g of view.goals) this.#tasksByGoal.set(g.id, orderedTasks(view.plan, g.id, view.tasks));
    // Rebuilt only when the notes change, so each row's notes keep their identity and unchanged rows skip rendering.
    if (view?.notes !== this.#notesIndexed) {
      this.#notesIndexed = view?.notes;
      this.#notesByTarget = new Map();
      for (const n of view?.notes ?? []) {
        const list = this.#notesByTarget.get(n.about.id);
        if (list) list.push(n);
        else this.#notesByTarget.set(n.about.id, [n]);
      }
    }
  }

  protected override updated(): void {
    if (this.#focusAfter) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfter);
      if (target) {
        this.#focusAfter = undefined;
        target.focus();
      }
    }
  }

  /** Loads the person's current plan; changes that arrive while loading load once more after. */
  async #load(): Promise<void> {
    if (this.#loading) {
      this.#reloadAgain = true;
      return this.#loading;
    }
    const run = async () => {
      do {
        this.#reloadAgain = false;
        const scope = this.#scope.current;
        if (!scope?.serviceUserId) return;
        try {
          let unreadable = 0;
          const loaded = await this.#scope.load(scope, ({ client: c, serviceUserId, signal }) =>
            Promise.all([c.carePlans.loadCurrent(serviceUserId, { signal, onUnreadable: (u) => (unreadable = u.length) }), c.drafts.list().catch(() => [])]));
          if (!loaded) continue; // for a person or actor this element no longer shows: dropped (and loaded again if asked)
          const [view, drafts] = loaded.value;
          this._loaded = view;
          this._unreadable = unreadable;
          this.#loads.settle(!view);
          this._noteDrafts = new Set(drafts.filter((d) => d.key.startsWith(NOTE_DRAFT)).map((d) => d.key.slice(NOTE_DRAFT.length)));
        } catch {
          this.#loads.fail();
        }
      } while (this.#reloadAgain);
    };
    this.#loading = this.#loads.track(run().finally(() => (this.#loading = undefined)));
    return this.#loading;
  }

  async #loadNames(scope: Scope) {
    try {
      const page = await this.#scope.load(scope, ({ client, signal }) => client.workers.list({ limit: 10_000, signal }));
      if (page) this._names = namesOf(page.value.items);
    } catch {
      // Ids are shown instead of names; nothing is lost.
    }
  }

  /** Resolves when the plan is loaded and drawn (tests and hosts that wait for it). */
  whenLoaded(): Promise<void> {
    return this.#loads.whenLoaded();
  }

  // ————— doing things —————

  /** Performs an intent through the client and returns what was stored. */
  async #perform(c: StrClient, i: CarePlanIntent): Promise<CarePlanNotice> {
    switch (i.name) {
      case 'str-care-plan-create': return pick('carePlan', await c.carePlans.create(i.detail.plan));
      case 'str-care-plan-update': return pick('carePlan', await c.carePlans.update(i.detail.carePlanId, i.detail.changes, i.detail.expectedVersion));
      case 'str-care-plan-review': {
        const d = i.detail;
        return pick('carePlan', await c.carePlans.recordReview(d.carePlanId, { reviewedOn: d.reviewedOn, nextReviewOn: d.nextReviewOn }, d.expectedVersion));
      }
      case 'str-goals-reorder': return pick('carePlan', await c.carePlans.reorderGoals(i.detail.carePlanId, i.detail.goalIds, i.detail.expectedVersion));
      case 'str-tasks-reorder': {
        const d = i.detail;
        return pick('carePlan', await c.carePlans.reorderTasks(d.carePlanId, d.goalId, d.taskIds, d.expectedVersion));
      }
      case 'str-goal-create': return pick('goal', await c.goals.create(i.detail.goal));
      case 'str-goal-update': return pick('goal', await c.goals.update(i.detail.goalId, i.detail.changes, i.detail.expectedVersion));
      case 'str-task-create': return pick('task', await c.tasks.create(i.detail.task));
      case 'str-task-update': return pick('task', await c.tasks.update(i.detail.taskId, i.detail.changes, i.detail.expectedVersion));
      case 'str-task-complete': return pick('task', await c.tasks.complete(i.detail.taskId, i.detail.expectedVersion));
      case 'str-task-reopen': return pick('task', await c.tasks.reopen(i.detail.taskId, i.detail.expectedVersion));
      case 'str-task-status-change': {
        const d = i.detail;
        return pick('task', await c.tasks.setStatus(d.taskId, d.status, d.expectedVersion, { reason: d.reason }));
      }
      case 'str-progress-note-create': return pick('progressNote', await c.progressNotes.create(i.detail.note));
    }
  }

  /**
   * Runs an intent: through the client (connected) or as a cancelable event (controlled). Never shows a change before
   * the store has it. On failure the worker is told, the plan reloads to show what is stored, and a form stays as typed.
   */
  async #run(intent: CarePlanIntent, busyKey: string, done: (id: string | undefined) => void): Promise<boolean> {
    const scope = this.#scope.current;
    const c = scope?.client;
    if (!c) {
      const go = requestIntent(this, intent.name, intent.detail);
      if (go) done(undefined);
      return go;
    }
    if (this._busy) return false;
    this._busy = busyKey; // before the person check, so a second click does not start a second write
    if (!(await this.#scope.mayWriteFor(scope))) {
      this._busy = undefined;
      if (this.#scope.isCurrent(scope)) this._problem = NOT_SAVED_UNKNOWN_PERSON;
      return false;
    }
    this._problem = '';
    this._status = 'Saving…';
    try {
      const saved = await this.#perform(c, intent);
      this.#leaving.set(false);
      notifyRecord(this, CARE_PLAN_NOTICES[intent.name], saved);
      if (!this.#scope.isCurrent(scope)) return true; // the element shows someone else now: leave their screen alone
      await this.#load();
      done(saved.id);
      return true;
    } catch (err) {
      if (!this.#scope.isCurrent(scope)) return false;
      this._status = '';
      if (isStrError(err, 'validation') && err.details.issues?.length && this._editor) {
        this._errors = this.#fieldErrors(err.details.issues);
        void this.#focusSummary();
      } else if (isStrError(err, 'conflict')) {
        await this.#showConflict(c, intent);
      } else {
        if (isDeviceFull(err)) this.#leaving.set(true);
        this._problem = whyNotSaved(err, NOT_SAVED);
        this.#focusAfter = '.problem';
      }
      await this.#load();
      return false;
    } finally {
      this._busy = undefined;
    }
  }

  /** Someone else saved first: show both versions and let the worker choose. Nothing is overwritten silently. */
  async #showConflict(c: StrClient, intent: CarePlanIntent) {
    try {
      this._conflict = await conflictOf(c, intent, { view: this.#view, actorId: this.#actorId, names: this._names });
      if (this._conflict) {
        this.#focusAfter = '.conflict';
        return;
      }
      this._problem = 'Not saved: someone else saved a change first. The plan now shows what is stored.';
      this.#focusAfter = '.problem';
    } catch (e) {
      this._problem = whyNotSaved(e, NOT_SAVED);
      this.#focusAfter = '.problem';
    }
  }

  async #resolveConflict(useMine: boolean) {
    const conflict = this._conflict;
    if (!conflict) return;
    this._conflict = undefined;
    if (!useMine) {
      this._status = `Kept the stored version of ${conflict.what}.`;
      this.#focusAfter = this.#anchorOf(conflict.key);
      return;
    }
    this._editor = undefined;
    await this.#run(conflict.retry, conflict.key, () => {
      this._status = `Saved your change to ${conflict.what}.`;
      this.#focusAfter = this.#anchorOf(conflict.key);
    });
  }

  #anchorOf(key: string): string {
    if (key === 'plan') return '#plan-heading';
    return `#t-${css(key)}-name, #g-${css(key)}-heading`;
  }

  #fieldErrors(issues: readonly FieldIssue[]): FieldError[] {
    return issues.map((i) => ({ field: FIELD_OF[i.path.split('.')[0] ?? ''] ?? 'text', message: i.message }));
  }

  async #focusSummary() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  #open(editor: CarePlanEditor, returnTo: string) {
    void this.#flushNoteDraft();
    this._editor = editor;
    this._errors = [];
    this._conflict = undefined;
    this.#returnFocus = returnTo;
    this.#pendingId = newId();
    this._noteText = '';
    if (editor.kind === 'note') void this.#restoreNoteDraft(editor.about.id);
    this.#focusAfter = 'form.editor :is(input[type=radio]:checked, input:not([type=radio]), select, textarea)';
  }

  #close(status = '') {
    const back = this.#returnFocus;
    this._editor = undefined;
    this._errors = [];
    if (status) this._status = status;
    this.#focusAfter = back;
  }

  // ————— task actions —————

  #complete(t: Task) {
    const plan = this.#view?.plan;
    if (!plan) return;
    void this.#run({ name: 'str-task-complete', detail: { taskId: t.id, expectedVersion: t.version } }, t.id, () => {
      this.#doneHere.add(t.id);
      this._status = t.repeat ? `Done for now: ${t.text}. It is due again later.` : `Task completed: ${t.text}`;
      // Completing offers a quick progress note, focused so it can be typed straight away (or skipped).
      this.#open({ kind: 'note', about: { kind: 'task', id: t.id }, quick: true }, `#t-${css(t.id)}-name`);
    });
  }

  #reopen(t: Task) {
    void this.#run({ name: 'str-task-reopen', detail: { taskId: t.id, expectedVersion: t.version } }, t.id, () => {
      this._status = `Task reopened: ${t.text}`;
      this.#focusAfter = `#t-${css(t.id)}-complete`;
    });
  }

  #moveTask(goalId: string, t: Task, by: number) {
    const view = this.#view;
    if (!view) return;
    const ids = (this.#tasksByGoal.get(goalId) ?? []).map((x) => x.id);
    const from = ids.indexOf(t.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    const order = moveItem(ids, from, to);
    void this.#run({ name: 'str-tasks-reorder', detail: { carePlanId: view.plan.id, goalId, taskIds: order, expectedVersion: view.plan.version } }, goalId, () => {
      this._status = `Moved “${t.text}” to position ${to + 1} of ${ids.length}`;
      const atEdge = to === 0 || to === ids.length - 1;
      const which = atEdge ? (to === 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down';
      this.#focusAfter = `#t-${css(t.id)}-${ids.length > 1 ? which : 'name'}`;
    });
  }

  #moveGoal(g: Goal, by: number) {
    const view = this.#view;
    if (!view) return;
    const ids = view.goals.map((x) => x.id);
    const from = ids.indexOf(g.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return;
    void this.#run({ name: 'str-goals-reorder', detail: { carePlanId: view.plan.id, goalIds: moveItem(ids, from, to), expectedVersion: view.plan.version } }, 'goals', () => {
      this._status = `Moved the goal to position ${to + 1} of ${ids.length}`;
      const atEdge = to === 0 || to === ids.length - 1;
      const which = atEdge ? (to === 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down';
      this.#focusAfter = `#g-${css(g.id)}-${ids.length > 1 ? which : 'heading'}`;
    });
  }

  #dragStart(e: DragEvent, goalId: string, t: Task) {
    this.#drag = { goalId, taskId: t.id };
    e.dataTransfer?.setData('text/plain', t.text);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
  }

  #dragOver(e: DragEvent, goalId: string, t: Task) {
    if (!this.#drag || this.#drag.goalId !== goalId) return;
    e.preventDefault();
    this._dropTarget = t.id;
  }

  #drop(e: DragEvent, goalId: string, t: Task) {
    const drag = this.#drag;
    this.#drag = undefined;
    this._dropTarget = undefined;
    if (!drag || drag.goalId !== goalId || drag.taskId === t.id) return;
    e.preventDefault();
    const ids = (this.#tasksByGoal.get(goalId) ?? []).map((x) => x.id);
    const from = ids.indexOf(drag.taskId);
    const moved = this.#tasksByGoal.get(goalId)?.[from];
    if (moved) this.#moveTask(goalId, moved, ids.indexOf(t.id) - from);
  }

  // ————— forms —————

  #readForm(e: Event): FormData {
    e.preventDefault();
    return new FormData(e.target as HTMLFormElement);
  }

  /** Checks an input with the SDK's own schema before sending it, so controlled hosts get the same rules. */
  #check(kind: Parameters<typeof inputIssues>[0], value: unknown, extra: FieldError[] = []): boolean {
    const errors = [...extra, ...this.#fieldErrors(inputIssues(kind, value))];
    this._errors = errors;
    if (errors.length) void this.#focusSummary();
    return errors.length === 0;
  }

  #submitPlan(e: Event) {
    const f = this.#readForm(e);
    const view = this.#view;
    const str = (k: string) => String(f.get(k) ?? '');
    const carer = str('carer-name').trim();
    const agreedWith = [
      ...(f.get('agreed-person') ? [{ kind: 'service-user' as const }] : []),
      ...(f.get('agreed-carer') ? [{ kind: 'carer' as const, ...(carer && { name: carer }) }] : []),
    ];
    const changes = {
      status: str('status') as CarePlan['status'],
      agreedWith,
      ...(str('agreed-on') && { agreedOn: str('agreed-on') }),
      ...(str('next-review-on') && { nextReviewOn: str('next-review-on') }),
    };
    if (!this.#check('carePlanUpdate', changes)) return;
    if (!view) {
      const plan = { id: this.#pendingId, serviceUserId: this.serviceUserId, ...changes };
      if (!this.#check('carePlan', plan)) return;
      void this.#run({ name: 'str-care-plan-create', detail: { plan } }, 'plan', () => this.#close('Care plan started'));
      return;
    }
    void this.#run({ name: 'str-care-plan-update', detail: { carePlanId: view.plan.id, changes, expectedVersion: view.plan.version } }, 'plan', () => this.#close('Plan details saved'));
  }

  #submitReview(e: Event) {
    const f = this.#readForm(e);
    const view = this.#view;
    if (!view) return;
    const reviewedOn = String(f.get('reviewed-on') ?? '');
    const nextReviewOn = String(f.get('next-review-on') ?? '');
    const errors: FieldError[] = [];
    if (!reviewedOn) errors.push({ field: 'reviewed-on', message: 'Enter the date of the review' });
    else if (reviewedOn > this.#today) errors.push({ field: 'reviewed-on', message: 'The review date cannot be in the future' });
    if (!nextReviewOn) errors.push({ field: 'next-review-on', message: 'Enter the date of the next review' });
    else if (reviewedOn && nextReviewOn <= reviewedOn) errors.push({ field: 'next-review-on', message: 'The next review date must be after the review date' });
    this._errors = errors;
    if (errors.length) return void this.#focusSummary();
    void this.#run({ name: 'str-care-plan-review', detail: { carePlanId: view.plan.id, reviewedOn, nextReviewOn, expectedVersion: view.plan.version } }, 'plan', () =>
      this.#close(`Review recorded. Next review ${formatNhsDate(nextReviewOn)}`));
  }

  #submitGoal(e: Event, goal: Goal | undefined) {
    const f = this.#readForm(e);
    const view = this.#view;
    if (!view) return;
    const text = String(f.get('text') ?? '');
    const lifeArea = String(f.get('life-area') ?? '') as Goal['lifeArea'];
    const target = String(f.get('target-date') ?? '');
    if (goal) {
      const changes = { text, lifeArea, targetDate: target || null, status: String(f.get('status') ?? goal.status) as Goal['status'] };
      if (!this.#check('goalUpdate', changes)) return;
      void this.#run({ name: 'str-goal-update', detail: { goalId: goal.id, changes, expectedVersion: goal.version } }, goal.id, () => {
        this.#returnFocus = `#g-${css(goal.id)}-heading`;
        this.#close('Goal saved');
      });
      return;
    }
    const input = { id: this.#pendingId, carePlanId: view.plan.id, text, lifeArea, ...(target && { targetDate: target }) };
    if (!this.#check('goal', input)) return;
    void this.#run({ name: 'str-goal-create', detail: { goal: input } }, 'goal-new', (id) => {
      this.#returnFocus = `#g-${css(id ?? input.id)}-heading`;
      this.#close('Goal added');
    });
  }

  #ownerFrom(f: FormData): TaskOwner | undefined {
    const kind = String(f.get('owner') ?? '');
    const name = String(f.get('owner-name') ?? '').trim();
    switch (kind) {
      case 'me': return this.#actorId ? { kind: 'worker', workerId: this.#actorId } : undefined;
      case 'worker': return name ? { kind: 'worker', workerId: name } : undefined;
      case 'service-user': return { kind: 'service-user' };
      case 'carer': return name ? { kind: 'carer', name } : { kind: 'carer' };
      case 'other-service': return { kind: 'other-service', name };
      default: return undefined;
    }
  }

  #submitTask(e: Event, goalId: string, task: Task | undefined) {
    const f = this.#readForm(e);
    const view = this.#view;
    if (!view) return;
    const text = String(f.get('text') ?? '');
    const owner = this.#ownerFrom(f);
    const due = String(f.get('due-date') ?? '');
    const rep = String(f.get('repeat') ?? '') as Task['repeat'] | '';
    const extra: FieldError[] = owner ? [] : [{ field: 'owner', message: String(f.get('owner')) === 'worker' ? 'Enter the worker’s id' : 'Choose who does this task' }];
    if (owner?.kind === 'other-service' && !owner.name) extra.push({ field: 'owner-name', message: 'Enter the name of the service' });
    if (rep && !due) extra.push({ field: 'due-date', message: 'Enter when it is first due, so the repeats have a start' });
    if (task) {
      const changes = { text, ...(owner && { owner }), dueDate: due || null, repeat: rep || null };
      if (!this.#check('taskUpdate', changes, extra) || !owner) return;
      void this.#run({ name: 'str-task-update', detail: { taskId: task.id, changes, expectedVersion: task.version } }, task.id, () => {
        this.#returnFocus = `#t-${css(task.id)}-name`;
        this.#close('Task saved');
      });
      return;
    }
    const input = { id: this.#pendingId, carePlanId: view.plan.id, goalId, text, owner: owner ?? { kind: 'service-user' as const }, ...(due && { dueDate: due }), ...(rep && { repeat: rep }) };
    if (!this.#check('task', input, extra)) return;
    void this.#run({ name: 'str-task-create', detail: { task: input } }, `add-${goalId}`, (id) => {
      this.#returnFocus = `#t-${css(id ?? input.id)}-name`;
      this.#close(`Task added: ${input.text.trim()}`);
    });
  }

  #submitStatus(e: Event, t: Task) {
    const f = this.#readForm(e);
    const status = String(f.get('status') ?? '') as TaskStatus;
    const reason = String(f.get('reason') ?? '').trim();
    const errors: FieldError[] = [];
    if (!TASK_STATUSES.some((s) => s.code === status)) errors.push({ field: 'status', message: 'Choose a status' });
    if (status === 'cancelled' && !reason) errors.push({ field: 'reason', message: 'Enter why the task was cancelled' });
    this._errors = errors;
    if (errors.length) return void this.#focusSummary();
    const intent: CarePlanIntent = status === 'completed'
      ? { name: 'str-task-complete', detail: { taskId: t.id, expectedVersion: t.version } }
      : { name: 'str-task-status-change', detail: { taskId: t.id, status, ...(reason && { reason }), expectedVersion: t.version } };
    void this.#run(intent, t.id, () => {
      this.#returnFocus = `#t-${css(t.id)}-name`;
      this.#close(`Status of “${t.text}” is now ${TASK_STATUSES.find((s) => s.code === status)?.label ?? status}`);
    });
  }

  #submitNote(e: Event, about: { kind: 'task' | 'goal'; id: string }) {
    e.preventDefault();
    const note = { id: this.#pendingId, about, text: this._noteText };
    if (!this.#check('progressNote', note)) return;
    void this.#run({ name: 'str-progress-note-create', detail: { note } }, `note-${about.id}`, () => {
      void this.#discardNoteDraft(about.id);
      this._noteText = '';
      this.#returnFocus = `#n-${css(about.id)}-add`;
      this.#close('Progress note saved');
    });
  }

  // ————— note drafts: a half-typed note survives a reload —————

  #noteInput(e: Event) {
    this._noteText = (e.target as HTMLTextAreaElement).value;
    this.#draftTimer.schedule(() => void this.#flushNoteDraft());
  }

  async #flushNoteDraft(c: StrClient | undefined = this.#client) {
    this.#draftTimer.cancel();
    const ed = this._editor;
    if (!c || ed?.kind !== 'note' || !this._noteText) return;
    try {
      await c.drafts.save(NOTE_DRAFT + ed.about.id, { text: this._noteText, pendingId: this.#pendingId });
      if (c === this.#client) this._noteDrafts = new Set([...this._noteDrafts, ed.about.id]);
    } catch {
      // The note is still on screen; the next keystroke tries again.
    }
  }

  async #restoreNoteDraft(id: string) {
    const c = this.#client;
    if (!c) return;
    try {
      const d = await c.drafts.load<{ text: string; pendingId: string }>(NOTE_DRAFT + id);
      const ed = this._editor;
      if (d?.value?.text && ed?.kind === 'note' && ed.about.id === id && !this._noteText) {
        this._noteText = d.value.text;
        if (d.value.pendingId) this.#pendingId = d.value.pendingId;
        this._status = `Unsaved note restored, from ${stamp(d.savedAt)}`;
      }
    } catch {
      // Nothing to restore.
    }
  }

  async #discardNoteDraft(id: string) {
    const next = new Set(this._noteDrafts);
    next.delete(id);
    this._noteDrafts = next;
    await this.#client?.drafts.discard(NOTE_DRAFT + id).catch(() => undefined);
  }

  // ————— rendering —————

  override render() {
    const view = this.#view;
    const problem = this._problem
      ? html`<div class="problem" role="alert" tabindex="-1"><p>${this._problem}</p><button type="button" class="secondary" @click=${() => (this._problem = '')}>Dismiss</button></div>`
      : nothing;
    const status = html`<p class="status" role="status" aria-live="polite">${this._status}</p>`;
    // Controlled mode names its person through the plan it is given; connected mode only through service-user-id.
    if (!(this.serviceUserId || (!this.#client && this.plan?.serviceUserId))) return noPersonNotice('no care plan can be shown or started here');
    if (this.#client && this.#loads.status === 'error' && !view) {
      return html`${problem}<div class="problem" role="alert"><p>The care plan could not be loaded.</p>
        <button type="button" class="secondary" @click=${() => void this.#load()}>Try again</button></div>`;
    }
    if (this.#client && this.#loads.status === 'loading' && !view) return html`<p class="status" role="status">Loading the care plan…</p>`;
    const unreadable = this.#client ? unreadableNotice(this._unreadable) : nothing;
    if (!view) return html`${problem}${unreadable}${status}${this.#renderNoPlan()}`;
    return html`${problem}${unreadable}${this.#renderHeader(view)}${status}
      ${this.view === 'due' ? this.#renderDue(view) : this.view === 'review' ? this.#renderReview(view) : this.#renderGoals(view)}`;
  }

  #renderNoPlan() {
    return html`<section part="header" class="empty">
      <h2 id="plan-heading" tabindex="-1">Care plan</h2>
      ${this.#scope.person === 'unknown' ? unknownPersonNotice('no care plan can be started for them') : nothing}
      <p>No care plan has been started for this person yet.</p>
      ${this.#canEdit && this.serviceUserId
        ? this._editor?.kind === 'plan'
          ? this.#renderPlanForm(undefined)
          : this.#scope.person === 'unknown'
            ? nothing
            : html`<button type="button" class="primary" id="plan-start" @click=${() => this.#open({ kind: 'plan' }, '#plan-start')}>Start a care plan</button>`
        : nothing}
    </section>`;
  }

  #renderHeader(view: CarePlanView) {
    const { plan } = view;
    const review = reviewState(plan, this.#today);
    const overdue = view.tasks.filter((t) => isTaskOverdue(t, this.#today) && this.#shown(t)).length;
    const agreed = plan.agreedWith.map((a) => (a.kind === 'service-user' ? 'the person' : a.name ? `${a.name} (carer)` : 'their carer'));
    const reviewText =
      review.state === 'none' ? html`<p>No review date is set.</p>`
      : review.state === 'overdue' ? html`<p class="flag overdue"><strong>Review overdue:</strong> it was due on ${formatNhsDate(review.date)}, ${-review.days} ${review.days === -1 ? 'day' : 'days'} ago.</p>`
      : review.state === 'due-today' ? html`<p class="flag due"><strong>Review due today</strong> (${formatNhsDate(review.date)}).</p>`
      : review.state === 'due-soon' ? html`<p class="flag due"><strong>Review due soon:</strong> ${formatNhsDate(review.date)}, in ${review.days} ${review.days === 1 ? 'day' : 'days'}.</p>`
      : html`<p>Next review: ${formatNhsDate(review.date)}.</p>`;
    return html`<section part="header" class="header" aria-labelledby="plan-heading">
      <h2 id="plan-heading" tabindex="-1">Care plan</h2>
      <dl class="facts">
        <div><dt>Status</dt><dd>${planStatusLabel(plan)}</dd></div>
        <div><dt>Agreed</dt><dd>${plan.agreedOn ? `${formatNhsDate(plan.agreedOn)}${agreed.length ? `, with ${agreed.join(' and ')}` : ''}` : 'Not yet agreed'}</dd></div>
        <div><dt>Care co-ordinator</dt><dd>${personName(plan.coordinatorId, this.#actorId, this._names)}</dd></div>
        ${plan.lastReviewedOn ? html`<div><dt>Last review</dt><dd>${formatNhsDate(plan.lastReviewedOn)}</dd></div>` : nothing}
      </dl>
      ${reviewText}
      ${overdue ? html`<p class="flag overdue"><strong>${overdue} ${overdue === 1 ? 'task is' : 'tasks are'} overdue.</strong></p>` : nothing}
      ${this.#canEdit && this.view !== 'review'
        ? html`<div class="actions">
            <button type="button" class="secondary" id="plan-edit" @click=${() => this.#open({ kind: 'plan' }, '#plan-edit')}>Edit plan details</button>
            <button type="button" class="secondary" id="plan-review" @click=${() => this.#open({ kind: 'review' }, '#plan-review')}>Record a review</button>
          </div>`
        : nothing}
      ${this._editor?.kind === 'plan' ? this.#renderPlanForm(plan) : this._editor?.kind === 'review' ? this.#renderReviewForm() : nothing}
      ${this._conflict?.key === 'plan' ? this.#renderConflict(this._conflict) : nothing}
      <div class="controls">
        <div role="group" aria-label="Show" class="views">
          ${(['plan', 'due', 'review'] as const).map((v) => html`<button type="button" class="toggle" aria-pressed=${this.view === v ? 'true' : 'false'}
            @click=${() => this.#setView(v)}>${v === 'plan' ? 'Goals and tasks' : v === 'due' ? 'Due in the next 7 days' : 'Review summary'}</button>`)}
        </div>
        ${this.view !== 'review' && (!this.#client || this.#client.can('task.set-status-own'))
          ? html`<fieldset class="filter">
              <legend>Tasks to show</legend>
              ${(['all', 'mine'] as const).map((f) => html`<label class="choice"><input type="radio" name="filter" value=${f} .checked=${this.filter === f}
                @change=${() => (this.filter = f)} />${f === 'all' ? 'All tasks' : 'My tasks'}</label>`)}
            </fieldset>`
          : nothing}
      </div>
    </section>`;
  }

  #setView(v: CarePlanViewMode) {
    this.view = v;
    this.#doneHere.clear();
    this._editor = undefined;
    this._status = v === 'plan' ? 'Showing goals and tasks' : v === 'due' ? 'Showing tasks due in the next 7 days' : 'Showing the review summary';
  }

  #shown(t: Task) {
    return this.filter !== 'mine' || (t.owner.kind === 'worker' && t.owner.workerId === this.#actorId);
  }

  #renderGoals(view: CarePlanView) {
    const canEdit = this.#canEdit;
    const reorderable = canEdit && this.filter === 'all';
    return html`<ol part="goals" class="goals" aria-label="Goals">
        ${repeat(view.goals, (g) => g.id, (g, gi) => this.#renderGoal(view, g, gi, reorderable))}
      </ol>
      ${view.goals.length === 0 ? html`<p>No goals yet.${canEdit ? '' : ' The care co-ordinator adds them with the person.'}</p>` : nothing}
      ${canEdit
        ? this._editor?.kind === 'goal' && !this._editor.goalId
          ? this.#renderGoalForm(undefined)
          : html`<button type="button" class="secondary" id="goal-add" @click=${() => this.#open({ kind: 'goal' }, '#goal-add')}>Add a goal</button>`
        : nothing}`;
  }

  #renderGoal(view: CarePlanView, g: Goal, index: number, reorderable: boolean) {
    const all = this.#tasksByGoal.get(g.id) ?? [];
    const shown = all.filter((t) => this.#shown(t));
    const ed = this._editor;
    const hid = `g-${g.id}-heading`;
    return html`<li class="goal" data-goal-id=${g.id}>
      <h3 id=${hid} tabindex="-1" class="goal-text" dir="auto">${g.text}</h3>
      <p class="hint">${lifeAreaLabel(g)} · ${goalStatusLabel(g)}${g.targetDate ? ` · Target ${formatNhsDate(g.targetDate)}` : ''} · ${this.#taskCount(all)}</p>
      ${this.#canEdit
        ? html`<div class="actions small">
            <button type="button" class="secondary" id="g-${g.id}-edit" @click=${() => this.#open({ kind: 'goal', goalId: g.id }, `#g-${css(g.id)}-edit`)}>Edit goal<span class="visually-hidden">: ${g.text}</span></button>
            ${reorderable && view.goals.length > 1
              ? html`<button type="button" class="secondary" id="g-${g.id}-up" ?disabled=${index === 0 || !!this._busy} @click=${() => this.#moveGoal(g, -1)}>Move goal up<span class="visually-hidden">: ${g.text}</span></button>
                <button type="button" class="secondary" id="g-${g.id}-down" ?disabled=${index === view.goals.length - 1 || !!this._busy} @click=${() => this.#moveGoal(g, 1)}>Move goal down<span class="visually-hidden">: ${g.text}</span></button>`
              : nothing}
          </div>`
        : nothing}
      ${ed?.kind === 'goal' && ed.goalId === g.id ? this.#renderGoalForm(g) : nothing}
      ${this._conflict?.key === g.id ? this.#renderConflict(this._conflict) : nothing}
      ${shown.length
        ? html`<ol class="tasks" aria-labelledby=${hid}>${repeat(shown, (t) => t.id, (t, ti) => this.#taskRow(t, { goalId: g.id, index: ti, count: shown.length, reorderable }))}</ol>`
        : html`<p class="hint">${all.length ? 'None of these tasks are yours.' : 'No tasks yet.'}</p>`}
      ${this.#canEdit
        ? ed?.kind === 'task' && ed.goalId === g.id && !ed.taskId
          ? this.#renderTaskForm(g.id, undefined)
          : html`<button type="button" class="secondary" id="g-${g.id}-add-task" @click=${() => this.#open({ kind: 'task', goalId: g.id }, `#g-${css(g.id)}-add-task`)}>Add a task<span class="visually-hidden"> to: ${g.text}</span></button>`
        : nothing}
      ${this.#renderNotes({ kind: 'goal', id: g.id }, g.text)}
    </li>`;
  }

  #taskCount(tasks: readonly Task[]) {
    const open = tasks.filter(isTaskOpen).length;
    const done = tasks.filter((t) => t.status === 'completed').length;
    return `${done} of ${open + done} ${open + done === 1 ? 'task' : 'tasks'} completed`;
  }

  /** A task row, rendered again only when something it shows changed (a plan of 500 tasks updates one row). */
  #taskRow(t: Task, o: TaskRowOptions) {
    const id = t.id;
    const ed = this._editor;
    const edHere = (ed?.kind === 'status' || ed?.kind === 'task') && ed.taskId === id ? ed : ed?.kind === 'note' && ed.about.id === id ? ed : undefined;
    return guard(
      [t, o.goalId, o.index, o.count, o.reorderable, o.goalText, this._busy === id || this._busy === o.goalId, !!this._busy, edHere, edHere ? this._errors : undefined,
        edHere?.kind === 'note' ? this._noteText : undefined, this._conflict?.key === id ? this._conflict : undefined, this.#notesByTarget.get(id),
        this._noteDrafts.has(id), this._dropTarget === id, this.#today, this._names, this.#actorId, this.readonly, this.#client],
      () => this.#renderTask(t, o),
    );
  }

  #renderTask(t: Task, o: TaskRowOptions): TemplateResult {
    const id = t.id;
    const overdue = isTaskOverdue(t, this.#today);
    const due = dueOf(t);
    const rep = repeatLabel(t);
    const busy = this._busy === id || this._busy === o.goalId;
    const canStatus = this.#canStatus(t);
    const ed = this._editor;
    const open = isTaskOpen(t);
    return html`<li part="task" class="task ${overdue ? 'is-overdue' : ''} ${this._dropTarget === id ? 'drop-target' : ''}" data-task-id=${id}
        draggable=${o.reorderable ? 'true' : 'false'}
        @dragstart=${o.reorderable ? (e: DragEvent) => this.#dragStart(e, o.goalId, t) : nothing}
        @dragover=${o.reorderable ? (e: DragEvent) => this.#dragOver(e, o.goalId, t) : nothing}
        @dragleave=${o.reorderable ? () => (this._dropTarget = undefined) : nothing}
        @drop=${o.reorderable ? (e: DragEvent) => this.#drop(e, o.goalId, t) : nothing}>
      <div class="task-line">
        <div class="task-name-and-hint">
          ${o.goalText ? html`<span class="hint">Goal: ${o.goalText}</span>` : nothing}
          <span class="task-name" dir="auto" id="t-${id}-name" tabindex="-1" aria-describedby="t-${id}-hint t-${id}-status">${t.text}</span>
          <span class="hint" id="t-${id}-hint">${ownerLabel(t.owner, this.#actorId, this._names)}${due ? html` · ${due.word} <time datetime=${due.date}>${formatNhsDate(due.date)}</time>` : nothing}${rep ? ` · ${rep}` : nothing}</span>
        </div>
        <div class="task-status" id="t-${id}-status">
          <strong class="tag tag-${t.status}">${taskStatusLabel(t)}</strong>
          ${overdue ? html`<strong class="tag tag-overdue">Overdue</strong>` : nothing}
          ${t.statusReason ? html`<span class="reason">${t.statusReason}</span>` : nothing}
          ${this._noteDrafts.has(id) && !(ed?.kind === 'note' && ed.about.id === id) ? html`<span class="reason">Unsaved note</span>` : nothing}
        </div>
      </div>
      ${canStatus || this.#canEdit || o.reorderable
        ? html`<div class="actions small">
            ${canStatus
              ? open
                ? html`<button type="button" class="primary" id="t-${id}-complete" aria-describedby="t-${id}-status" ?disabled=${busy} @click=${() => this.#complete(t)}>${t.repeat ? 'Mark done for now' : 'Mark complete'}<span class="visually-hidden">: ${t.text}</span></button>`
                : html`<button type="button" class="secondary" id="t-${id}-reopen" aria-describedby="t-${id}-status" ?disabled=${busy} @click=${() => this.#reopen(t)}>Reopen<span class="visually-hidden">: ${t.text}</span></button>`
              : nothing}
            ${canStatus
              ? html`<button type="button" class="secondary" id="t-${id}-status-btn" ?disabled=${busy} @click=${() => this.#open({ kind: 'status', taskId: id }, `#t-${css(id)}-status-btn`)}>Change status<span class="visually-hidden">: ${t.text}</span></button>`
              : nothing}
            ${this.#canEdit
              ? html`<button type="button" class="secondary" id="t-${id}-edit" ?disabled=${busy} @click=${() => this.#open({ kind: 'task', goalId: o.goalId, taskId: id }, `#t-${css(id)}-edit`)}>Edit<span class="visually-hidden">: ${t.text}</span></button>`
              : nothing}
            ${o.reorderable && o.count > 1
              ? html`<button type="button" class="secondary" id="t-${id}-up" ?disabled=${busy || o.index === 0} @click=${() => this.#moveTask(o.goalId, t, -1)}>Move up<span class="visually-hidden">: ${t.text}</span></button>
                <button type="button" class="secondary" id="t-${id}-down" ?disabled=${busy || o.index === o.count - 1} @click=${() => this.#moveTask(o.goalId, t, 1)}>Move down<span class="visually-hidden">: ${t.text}</span></button>`
              : nothing}
          </div>`
        : nothing}
      ${ed?.kind === 'status' && ed.taskId === id ? this.#renderStatusForm(t) : nothing}
      ${ed?.kind === 'task' && ed.taskId === id ? this.#renderTaskForm(o.goalId, t) : nothing}
      ${this._conflict?.key === id ? this.#renderConflict(this._conflict) : nothing}
      ${this.#renderNotes({ kind: 'task', id }, t.text)}
    </li>`;
  }

  #renderNotes(about: { kind: 'task' | 'goal'; id: string }, title: string) {
    const notes = (this.#notesByTarget.get(about.id) ?? []).filter((n) => !n.enteredInError);
    const ed = this._editor;
    const editing = ed?.kind === 'note' && ed.about.id === about.id;
    return html`${notes.length
        ? html`<details class="notes">
            <summary>${notes.length} progress ${notes.length === 1 ? 'note' : 'notes'}<span class="visually-hidden"> on: ${title}</span></summary>
            <ol class="note-list">${notes.map((n) => html`<li><span class="hint">${stamp(n.createdAt)}, ${personName(n.createdBy, this.#actorId, this._names)}</span><span class="note-text" dir="auto">${n.text}</span></li>`)}</ol>
          </details>`
        : nothing}
      ${editing
        ? this.#renderNoteForm(about, title, ed.quick)
        : this.#canNote
          ? html`<button type="button" class="secondary link" id="n-${about.id}-add" @click=${() => this.#open({ kind: 'note', about, quick: false }, `#n-${css(about.id)}-add`)}>
              ${this._noteDrafts.has(about.id) ? "Finish progress note" : "Add a progress note"}${about.kind === "goal" ? " on the goal" : ""}<span class="visually-hidden"> on: ${title}</span></button>`
          : nothing}`;
  }

  #renderDue(view: CarePlanView) {
    const goalText = new Map(view.goals.map((g) => [g.id, g.text]));
    // A task completed here stays in the list (now "Completed") until the view changes, so focus and its quick note stay put.
    const dueIds = new Set(tasksDueWithin(view.tasks, this.#today, 7).map((t) => t.id));
    const due = view.tasks
      .filter((t) => (dueIds.has(t.id) || this.#doneHere.has(t.id)) && this.#shown(t) && goalText.has(t.goalId))
      .sort((a, b) => ((a.dueDate ?? '') < (b.dueDate ?? '') ? -1 : (a.dueDate ?? '') > (b.dueDate ?? '') ? 1 : 0));
    return html`<section part="due" class="due" aria-labelledby="due-heading">
      <h3 id="due-heading">Due by ${formatNhsDate(addDays(this.#today, 7))}</h3>
      ${due.length
        ? html`<ol class="tasks">${repeat(due, (t) => t.id, (t, i) => this.#taskRow(t, { goalId: t.goalId, index: i, count: due.length, reorderable: false, goalText: goalText.get(t.goalId) ?? '' }))}</ol>`
        : html`<p>Nothing ${this.filter === 'mine' ? 'of yours ' : ''}is due in the next 7 days.</p>`}
    </section>`;
  }

  #renderReview(view: CarePlanView) {
    const summary = reviewSummary(view.plan, view.goals, view.tasks, view.notes, this.#today);
    const taskText = new Map(view.tasks.map((t) => [t.id, t.text]));
    return html`<section part="review" class="review" aria-labelledby="review-heading">
      <h3 id="review-heading">Review summary</h3>
      <p>${summary.since ? `Progress since ${view.plan.lastReviewedOn ? 'the last review' : 'the plan was agreed'} on ${formatNhsDate(summary.since)}.` : 'Progress since the plan began.'}
        Printed views show the date: ${formatNhsDate(this.#today)}.</p>
      <button type="button" class="secondary print-hide" @click=${() => window.print()}>Print the review summary</button>
      <table>
        <caption class="visually-hidden">Tasks per goal</caption>
        <thead><tr><th scope="col">Goal</th><th scope="col">Done since</th><th scope="col">Open</th><th scope="col">Overdue</th></tr></thead>
        <tbody>${summary.goals.map((g) => html`<tr><th scope="row" dir="auto">${g.goal.text}</th><td>${g.done}</td><td>${g.open}</td><td>${g.overdue ? html`<strong>${g.overdue}</strong>` : '0'}</td></tr>`)}</tbody>
      </table>
      ${summary.goals.map((g) => html`<h4 dir="auto">${g.goal.text}</h4>
        ${g.notesSince.length
          ? html`<ol class="note-list">${g.notesSince.map((n) => html`<li><span class="hint">${stamp(n.createdAt)}, ${personName(n.createdBy, this.#actorId, this._names)}${n.about.kind === 'task' ? html`, on “<bdi>${taskText.get(n.about.id) ?? 'a task'}</bdi>”` : ''}</span><span class="note-text" dir="auto">${n.text}</span></li>`)}</ol>`
          : html`<p class="hint">No progress notes since then.</p>`}`)}
    </section>`;
  }

  #renderConflict(c: Conflict) {
    const table = (rows: readonly [string, string][], caption: string) => html`<table><caption>${caption}</caption><tbody>${rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table>`;
    return html`<div class="conflict" role="alert" tabindex="-1">
      <h4>Someone else changed ${c.what} while you were working</h4>
      <p>${c.storedBy} saved a change on ${stamp(c.storedAt)}. Nothing has been overwritten. Choose which to keep.</p>
      <div class="versions">${table(c.mine, 'Your change')}${table(c.stored, 'Stored now')}</div>
      <div class="actions">
        <button type="button" class="primary" @click=${() => void this.#resolveConflict(false)}>Keep the stored version</button>
        <button type="button" class="secondary" @click=${() => void this.#resolveConflict(true)}>Save my change over it</button>
      </div>
    </div>`;
  }

  // ————— editors —————

  #error(field: string) {
    return this._errors.find((e) => e.field === field);
  }

  #errorMessage(field: string) {
    const e = this.#error(field);
    return e ? html`<span class="error-message" id="ed-${field}-error"><span class="visually-hidden">Error:</span> ${e.message}</span>` : nothing;
  }

  #invalid(field: string) {
    return this.#error(field) ? 'true' : 'false';
  }

  #describedBy(field: string, hint?: string) {
    return [hint, this.#error(field) ? `ed-${field}-error` : undefined].filter(Boolean).join(' ') || nothing;
  }

  #errorSummary() {
    if (!this._errors.length) return nothing;
    return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="ed-error-title">
      <h4 id="ed-error-title">There is a problem</h4>
      <ul>${this._errors.map((e) => html`<li><a href="#ed-${e.field}" @click=${(ev: Event) => { ev.preventDefault(); this.renderRoot.querySelector<HTMLElement>(`#ed-${e.field}`)?.focus(); }}>${e.message}</a></li>`)}</ul>
    </div>`;
  }

  #editorButtons(save: string) {
    return html`<div class="actions">
      <button type="submit" class="primary" ?disabled=${!!this._busy}>${save}</button>
      <button type="button" class="secondary" @click=${() => this.#close()}>Cancel</button>
    </div>`;
  }

  #field(field: string, label: string, control: TemplateResult, hint?: string) {
    return html`<div class="field-group ${this.#error(field) ? 'invalid' : ''}">
      <label class="field" for="ed-${field}">${label}</label>
      ${hint ? html`<span class="hint" id="ed-${field}-hint">${hint}</span>` : nothing}
      ${this.#errorMessage(field)}
      ${control}
    </div>`;
  }

  #renderPlanForm(plan: CarePlan | undefined) {
    const person = plan ? plan.agreedWith.some((a) => a.kind === 'service-user') : true;
    const carer = plan?.agreedWith.find((a) => a.kind === 'carer');
    return html`<form class="editor" novalidate aria-label=${plan ? 'Edit plan details' : 'Start a care plan'} @submit=${(e: Event) => this.#submitPlan(e)}>
      ${this.#errorSummary()}
      ${this.#field('status', 'Plan status', html`<select id="ed-status" name="status" aria-invalid=${this.#invalid('status')} aria-describedby=${this.#describedBy('status')}>
        ${[{ code: 'draft', label: 'Draft, not yet agreed' }, { code: 'active', label: 'Agreed and in use' }, { code: 'on-hold', label: 'On hold' }, { code: 'completed', label: 'Completed' }, { code: 'revoked', label: 'Stopped' }]
          .map((s) => html`<option value=${s.code} ?selected=${(plan?.status ?? 'draft') === s.code}>${s.label}</option>`)}
      </select>`)}
      <div class="row">
        ${this.#field('agreed-on', 'Agreed on', html`<input id="ed-agreed-on" name="agreed-on" type="date" .value=${plan?.agreedOn ?? ''} aria-invalid=${this.#invalid('agreed-on')} aria-describedby=${this.#describedBy('agreed-on')} />`)}
        ${this.#field('next-review-on', 'Next review', html`<input id="ed-next-review-on" name="next-review-on" type="date" .value=${plan?.nextReviewOn ?? ''} aria-invalid=${this.#invalid('next-review-on')} aria-describedby=${this.#describedBy('next-review-on')} />`)}
      </div>
      <fieldset>
        <legend>Agreed with</legend>
        <label class="choice"><input type="checkbox" name="agreed-person" .checked=${person} />The person</label>
        <label class="choice"><input type="checkbox" name="agreed-carer" .checked=${!!carer} />A carer, as the person wishes</label>
      </fieldset>
      ${this.#field('carer-name', 'Carer’s name (optional)', html`<input class="text" id="ed-carer-name" name="carer-name" type="text" autocomplete="off" .value=${carer?.name ?? ''} aria-invalid=${this.#invalid('carer-name')} aria-describedby=${this.#describedBy('carer-name')} />`)}
      ${this.#editorButtons(plan ? 'Save plan details' : 'Start the plan')}
    </form>`;
  }

  #renderReviewForm() {
    return html`<form class="editor" novalidate aria-label="Record a review" @submit=${(e: Event) => this.#submitReview(e)}>
      ${this.#errorSummary()}
      <div class="row">
        ${this.#field('reviewed-on', 'Reviewed on', html`<input id="ed-reviewed-on" name="reviewed-on" type="date" .value=${this.#today} aria-invalid=${this.#invalid('reviewed-on')} aria-describedby=${this.#describedBy('reviewed-on')} />`)}
        ${this.#field('next-review-on', 'Next review on', html`<input id="ed-next-review-on" name="next-review-on" type="date" aria-invalid=${this.#invalid('next-review-on')} aria-describedby=${this.#describedBy('next-review-on')} />`)}
      </div>
      ${this.#editorButtons('Record the review')}
    </form>`;
  }

  #renderGoalForm(goal: Goal | undefined) {
    return html`<form class="editor" novalidate aria-label=${goal ? 'Edit goal' : 'Add a goal'} @submit=${(e: Event) => this.#submitGoal(e, goal)}>
      ${this.#errorSummary()}
      ${this.#field('text', 'The goal, in the person’s own words', html`<textarea id="ed-text" name="text" rows="3" aria-invalid=${this.#invalid('text')} aria-describedby=${this.#describedBy('text', 'ed-text-hint')} .value=${goal?.text ?? ''}></textarea>`, 'Write it as they said it, for example “I want to get back to swimming”')}
      ${this.#field('life-area', 'Area of life', html`<select id="ed-life-area" name="life-area" aria-invalid=${this.#invalid('life-area')} aria-describedby=${this.#describedBy('life-area')}>
        ${goal ? nothing : html`<option value="">Choose an area</option>`}
        ${LIFE_AREAS.map((a) => html`<option value=${a.code} ?selected=${goal?.lifeArea === a.code}>${a.label}</option>`)}
      </select>`)}
      ${this.#field('target-date', 'Target date (optional)', html`<input id="ed-target-date" name="target-date" type="date" .value=${goal?.targetDate ?? ''} aria-invalid=${this.#invalid('target-date')} aria-describedby=${this.#describedBy('target-date')} />`)}
      ${goal
        ? this.#field('status', 'Goal status', html`<select id="ed-status" name="status">${GOAL_STATUSES.map((s) => html`<option value=${s.code} ?selected=${goal.status === s.code}>${s.label}</option>`)}</select>`)
        : nothing}
      ${this.#editorButtons(goal ? 'Save goal' : 'Add goal')}
    </form>`;
  }

  #renderTaskForm(goalId: string, task: Task | undefined) {
    const owner = task?.owner;
    const me = this.#actorId;
    const ownerKind = !owner ? (me ? 'me' : 'service-user') : owner.kind === 'worker' ? (owner.workerId === me ? 'me' : 'worker') : owner.kind;
    const ownerName = owner?.kind === 'worker' && owner.workerId !== me ? owner.workerId : owner?.kind === 'carer' || owner?.kind === 'other-service' ? (owner.name ?? '') : '';
    const owners = [...(me ? [{ code: 'me', label: 'Me' }] : []), { code: 'worker', label: 'Another worker (enter their id)' }, { code: 'service-user', label: 'The person' }, { code: 'carer', label: 'A carer (name optional)' }, { code: 'other-service', label: 'Another service (enter its name)' }];
    return html`<form class="editor" novalidate aria-label=${task ? 'Edit task' : 'Add a task'} @submit=${(e: Event) => this.#submitTask(e, goalId, task)}>
      ${this.#errorSummary()}
      ${this.#field('text', 'What needs doing', html`<input class="text" id="ed-text" name="text" type="text" autocomplete="off" .value=${task?.text ?? ''} aria-invalid=${this.#invalid('text')} aria-describedby=${this.#describedBy('text')} />`)}
      <div class="row">
        ${this.#field('owner', 'Who does it', html`<select id="ed-owner" name="owner" aria-invalid=${this.#invalid('owner')} aria-describedby=${this.#describedBy('owner')}>
          ${owners.map((o) => html`<option value=${o.code} ?selected=${ownerKind === o.code}>${o.label}</option>`)}
        </select>`)}
        ${this.#field('owner-name', 'Their name or id (if needed)', html`<input class="text" id="ed-owner-name" name="owner-name" type="text" autocomplete="off" .value=${ownerName} aria-invalid=${this.#invalid('owner-name')} aria-describedby=${this.#describedBy('owner-name')} />`)}
      </div>
      <div class="row">
        ${this.#field('due-date', 'Due date (optional)', html`<input id="ed-due-date" name="due-date" type="date" .value=${task?.dueDate ?? ''} aria-invalid=${this.#invalid('due-date')} aria-describedby=${this.#describedBy('due-date')} />`)}
        ${this.#field('repeat', 'Repeats', html`<select id="ed-repeat" name="repeat" aria-invalid=${this.#invalid('repeat')} aria-describedby=${this.#describedBy('repeat')}>
          <option value="">Does not repeat</option>
          ${TASK_REPEATS.map((r) => html`<option value=${r.code} ?selected=${task?.repeat === r.code}>${r.label}</option>`)}
        </select>`)}
      </div>
      ${this.#editorButtons(task ? 'Save task' : 'Add task')}
    </form>`;
  }

  #renderStatusForm(t: Task) {
    return html`<form class="editor" novalidate aria-label="Change status" @submit=${(e: Event) => this.#submitStatus(e, t)}>
      ${this.#errorSummary()}
      <fieldset id="ed-status" tabindex="-1" aria-describedby=${this.#describedBy('status')}>
        <legend>Status of “<bdi>${t.text}</bdi>”</legend>
        ${this.#errorMessage('status')}
        ${TASK_STATUSES.map((s) => html`<label class="choice"><input type="radio" name="status" value=${s.code} .checked=${t.status === s.code} />${s.label}</label>`)}
      </fieldset>
      ${this.#field('reason', 'Reason (needed to cancel; optional for “cannot start yet”)', html`<input class="text" id="ed-reason" name="reason" type="text" autocomplete="off" .value=${t.statusReason ?? ''} aria-invalid=${this.#invalid('reason')} aria-describedby=${this.#describedBy('reason')} />`)}
      ${this.#editorButtons('Save status')}
    </form>`;
  }

  #renderNoteForm(about: { kind: 'task' | 'goal'; id: string }, title: string, quick: boolean) {
    return html`<form class="editor" novalidate aria-label="Add a progress note" @submit=${(e: Event) => this.#submitNote(e, about)}>
      ${this.#errorSummary()}
      <div class="field-group ${this.#error('text') ? 'invalid' : ''}">
        <label class="field" for="ed-text">${quick ? 'Add a quick progress note (optional)' : 'Progress note'}<span class="visually-hidden"> on: ${title}</span></label>
        <span class="hint" id="ed-note-hint">Kept on this device as you type until you save it.</span>
        ${this.#errorMessage('text')}
        <textarea id="ed-text" name="text" rows="4" .value=${this._noteText} aria-invalid=${this.#invalid('text')}
          aria-describedby=${this.#describedBy('text', 'ed-note-hint')} @input=${(e: Event) => this.#noteInput(e)}></textarea>
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${!!this._busy}>Save note</button>
        <button type="button" class="secondary" @click=${() => void this.#cancelNote(about.id, quick)}>${quick ? 'Not now' : 'Cancel'}</button>
      </div>
    </form>`;
  }

  async #cancelNote(id: string, quick: boolean) {
    // Cancel keeps a typed draft (it can be finished later); "Not now" on an empty quick note simply closes.
    if (this._noteText) await this.#flushNoteDraft();
    else await this.#discardNoteDraft(id);
    this.#close(quick ? '' : this._noteText ? 'Note kept as a draft on this device' : '');
  }
}

/** Worker names by the id records refer to them with (their sign-in id when the host gave one). */
const namesOf = (workers: readonly Worker[]) => new Map(workers.map((w) => [w.actorId ?? w.id, w.name]));

function pick(type: CarePlanNotice['type'], r: { id: string; version: string; serviceUserId: string }): CarePlanNotice {
  return { type, id: r.id, version: r.version, serviceUserId: r.serviceUserId };
}
