import {
  canSetTaskStatus, moveItem, orderedGoals, orderedTasks, systemClock, ukToday,
  type CarePlan, type CarePlanView, type Clock, type Goal, type ProgressNote, type StrClient, type Task, type TaskStatus, type Unreadable, type Worker,
} from '@strkit/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PersonElement } from '../internal/connected.js';
import { PersonScope, type Scope } from '../internal/person-scope.js';
import { LoadState } from '../internal/load-state.js';
import { DraftTimer } from '../internal/draft-timer.js';
import { LeaveGuard } from '../internal/leave-guard.js';
import { unreadableNotice } from '../internal/unreadable-notice.js';
import { focusIfLost, focusWhatReplaced } from '../internal/focus-after.js';
import { controls } from '../internal/controls.styles.js';
import { focus } from '../internal/focus.styles.js';
import { tokens } from '../internal/tokens.styles.js';
import { cssId, type CarePlanActions, type CarePlanEditor, type CarePlanViewMode, type NoteTarget, type PlanContext } from './care-plan.context.js';
import { CarePlanController } from './care-plan.controller.js';
import type { CarePlanIntent } from './care-plan.events.js';
import { stamp, taskStatusLabel } from './care-plan.format.js';
import { CARE_PLAN_MESSAGES } from './care-plan.messages.js';
import { errorsSaidOnce, say, type Said } from './care-plan.words.js';
import { LocaleController } from '../l10n/controller.js';
import { goalSubmission, noteSubmission, planSubmission, reviewSubmission, statusSubmission, taskSubmission, type Submission } from './care-plan.submit.js';
import { dueView, goalsView, header, noPlanView, reviewView } from './care-plan.views.js';
import { styles } from './care-plan.styles.js';
import { FormsGate } from './care-plan.forms-lazy.js';

/** The first field of the open editor form (the checked choice of a radio group). */
const EDITOR_FIRST_FIELD = 'form.editor :is(input[type=radio]:checked, input:not([type=radio]), select, textarea)';

export type { CarePlanEditor, CarePlanViewMode } from './care-plan.context.js';

const newId = () => crypto.randomUUID();
const NOTE_DRAFT = 'care-plan:note:';

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
export class StrCarePlan extends PersonElement {
  static override styles = [tokens, focus, controls, styles];

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
  /** The person's plan records the last load left out as unreadable (ids and reasons, never content). */
  @state() private _unreadable: readonly Unreadable[] = [];
  @state() private _editor?: CarePlanEditor;
  @state() private _noteText = '';
  @state() private _noteDrafts: ReadonlySet<string> = new Set();
  @state() private _names: ReadonlyMap<string, string> = new Map();
  @state() private _dropTarget?: string;

  /** Every load is tied to the person and actor it was started for (issue 14). */
  #scope = new PersonScope(this, { client: () => this.currentClient, changed: (next, previous) => this.#scopeChanged(next, previous), checkPerson: true });
  /** One load state and one whenLoaded() (internal/load-state.ts). */
  #loads = new LoadState(this);
  /** The browser asks before leaving while a change could not be stored for lack of space. */
  #leaving = new LeaveGuard(this);
  /** Intents, saving, conflicts: the non-rendering half (care-plan.controller.ts). */
  #ctl = new CarePlanController(this, {
    scope: this.#scope, leaving: this.#leaving, reload: () => this.#load(), view: () => this.#view,
    words: () => ({ actorId: this.#actorId, names: this._names }), editing: () => !!this._editor,
    closeEditor: () => (this._editor = undefined), anchorOf: (key) => (key === 'plan' ? '#plan-heading' : `#t-${cssId(key)}-name, #g-${cssId(key)}-heading`),
  });
  #loading: Promise<void> | undefined;
  #reloadAgain = false;
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
  /** The element's words in the active locale (care-plan.messages.ts). */
  readonly #l = new LocaleController(this, CARE_PLAN_MESSAGES);
  #errorsSaid = errorsSaidOnce();

  get #actorId(): string | undefined {
    return this.currentClient?.actor.id ?? (this.actorId || undefined);
  }

  get #view(): CarePlanView | undefined {
    if (this.currentClient) return this._loaded;
    const plan = this.plan;
    if (!plan) return undefined;
    return { plan, goals: orderedGoals(plan, this.goals.filter((g) => g.carePlanId === plan.id)), tasks: this.tasks.filter((t) => t.carePlanId === plan.id), notes: this.notes };
  }

  /** Whether the role (connected) or `readonly` allows an action; a viewer is allowed none. */
  #may(action: 'care-plan.edit' | 'progress-note.add' | 'task.set-status-own'): boolean {
    const c = this.currentClient;
    return !this.readonly && (!c || c.can(action));
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
    this._unreadable = [];
    this.#loads.reset(!!next?.serviceUserId);
    this.#leaving.set(false);
    this._editor = undefined;
    this.#ctl.reset();
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

  /** The forms load after the first paint (issue 19); an editor asked for before then opens when they arrive. */
  #forms = new FormsGate(this, { status: () => this.#ctl.status, set: (c) => this.#ctl.set(c) });

  /** Resolves once drawn and, while they are on their way, once the forms are in (hosts and tests can then open one). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const loading = this.#forms.loading;
    return loading ? loading.then(() => super.getUpdateComplete()) : done;
  }

  protected override updated(): void {
    const after = this.#ctl.focusAfter;
    const target = after ? this.renderRoot.querySelector<HTMLElement>(after) : null;
    if (target) {
      this.#ctl.focusAfter = undefined;
      target.focus();
    }
  }

  /** "Try again" after a failed load: what replaces the button gets focus (its heading), not the page. */
  #retryLoad(): Promise<void> {
    return focusWhatReplaced(this, this.#load());
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
          let unreadable: readonly Unreadable[] = [];
          const loaded = await this.#scope.load(scope, ({ client: c, serviceUserId, signal }) =>
            Promise.all([c.carePlans.loadCurrent(serviceUserId, { signal, onUnreadable: (u) => (unreadable = [...unreadable, ...u]) }), c.drafts.list().catch(() => [])]));
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

  // ————— doing things: each action makes one intent; the controller runs it —————

  #run(intent: CarePlanIntent, busyKey: string, done: (id: string | undefined) => void) {
    void this.#ctl.run(intent, busyKey, done);
  }

  #open(editor: CarePlanEditor, returnTo: string) {
    if (!this.#forms.ready) return void this.#forms.whenIn(() => this.#open(editor, returnTo));
    void this.#flushNoteDraft();
    this._editor = editor;
    this.#ctl.set({ errors: [], conflict: undefined, focusAfter: EDITOR_FIRST_FIELD });
    this.#returnFocus = returnTo;
    this.#pendingId = newId();
    this._noteText = '';
    if (editor.kind === 'note') void this.#restoreNoteDraft(editor.about.id);
  }

  /** Closes the editor, says `status` if given, and puts focus back where the editor was opened from. */
  #close(status?: Said, returnTo = this.#returnFocus) {
    this._editor = undefined;
    this.#ctl.set({ errors: [], focusAfter: returnTo, ...(status && { status }) });
  }

  #complete(t: Task) {
    this.#run({ name: 'str-task-complete', detail: { taskId: t.id, expectedVersion: t.version } }, t.id, () => {
      this.#doneHere.add(t.id);
      this.#ctl.set({ status: say(t.repeat ? 'done-for-now' : 'task-completed', { task: t.text }) });
      // Completing offers a quick progress note, focused so it can be typed straight away (or skipped).
      this.#open({ kind: 'note', about: { kind: 'task', id: t.id }, quick: true }, `#t-${cssId(t.id)}-name`);
    });
  }

  #reopen(t: Task) {
    this.#run({ name: 'str-task-reopen', detail: { taskId: t.id, expectedVersion: t.version } }, t.id, () =>
      this.#ctl.set({ status: say('task-reopened', { task: t.text }), focusAfter: `#t-${cssId(t.id)}-complete` }));
  }

  /** After a move, focus stays on the same button, or the other one at an end (the pressed one is now disabled). */
  #moved(prefix: string, from: number, to: number, count: number, fallback: string) {
    const atEdge = to === 0 || to === count - 1;
    const which = atEdge ? (to === 0 ? 'down' : 'up') : to < from ? 'up' : 'down';
    return `#${prefix}-${count > 1 ? which : fallback}`;
  }

  #moveTask(goalId: string, t: Task, by: number) {
    const view = this.#view;
    const ids = (this.#tasksByGoal.get(goalId) ?? []).map((x) => x.id);
    const from = ids.indexOf(t.id);
    const to = from + by;
    if (!view || from < 0 || to < 0 || to >= ids.length) return;
    const detail = { carePlanId: view.plan.id, goalId, taskIds: moveItem(ids, from, to), expectedVersion: view.plan.version };
    this.#run({ name: 'str-tasks-reorder', detail }, goalId, () =>
      this.#ctl.set({ status: say('task-moved', { task: t.text, position: to + 1, total: ids.length }), focusAfter: this.#moved(`t-${cssId(t.id)}`, from, to, ids.length, 'name') }));
  }

  #moveGoal(g: Goal, by: number) {
    const view = this.#view;
    const ids = view?.goals.map((x) => x.id) ?? [];
    const from = ids.indexOf(g.id);
    const to = from + by;
    if (!view || from < 0 || to < 0 || to >= ids.length) return;
    const detail = { carePlanId: view.plan.id, goalIds: moveItem(ids, from, to), expectedVersion: view.plan.version };
    this.#run({ name: 'str-goals-reorder', detail }, 'goals', () =>
      this.#ctl.set({ status: say('goal-moved', { position: to + 1, total: ids.length }), focusAfter: this.#moved(`g-${cssId(g.id)}`, from, to, ids.length, 'heading') }));
  }

  #drop(e: DragEvent, goalId: string, t: Task) {
    const drag = this.#drag;
    this.#drag = undefined;
    this._dropTarget = undefined;
    if (!drag || drag.goalId !== goalId || drag.taskId === t.id) return;
    e.preventDefault();
    const tasks = this.#tasksByGoal.get(goalId) ?? [];
    const from = tasks.findIndex((x) => x.id === drag.taskId);
    const moved = tasks[from];
    if (moved) this.#moveTask(goalId, moved, tasks.findIndex((x) => x.id === t.id) - from);
  }

  // ————— forms: each builds its intent (care-plan.submit.ts), or shows why not —————

  /** Sends a form's intent; on success closes the form with `status`, focus back on `returnTo` (or where it opened). */
  #submit(e: Event, make: (f: FormData) => Submission | undefined, busyKey: string, status: Said, returnTo?: (id: string | undefined) => string) {
    e.preventDefault();
    const s = make(new FormData(e.target as HTMLFormElement));
    if (!s) return;
    if (s.errors) return this.#ctl.set({ errors: s.errors, focusAfter: '.error-summary' });
    this.#ctl.set({ errors: [] });
    this.#run(s.intent, busyKey, (id) => {
      if (s.intent.name === 'str-progress-note-create') this.#noteSaved(s.intent.detail.note.about.id);
      this.#close(status, returnTo?.(id));
    });
  }

  #noteSaved(id: string) {
    void this.#discardNoteDraft(id);
    this._noteText = '';
  }

  #submitTask(e: Event, goalId: string, task: Task | undefined) {
    const view = this.#view;
    const text = String(new FormData(e.target as HTMLFormElement).get('text') ?? '').trim();
    const newTask = { id: this.#pendingId, carePlanId: view?.plan.id ?? '', goalId };
    this.#submit(e, (f) => view && taskSubmission(f, task, newTask, this.#actorId), task?.id ?? `add-${goalId}`,
      task ? say('task-saved') : say('task-added', { task: text }), (id) => `#t-${cssId(task?.id ?? id ?? newTask.id)}-name`);
  }

  #submitStatus(e: Event, t: Task) {
    const status = String(new FormData(e.target as HTMLFormElement).get('status') ?? '') as TaskStatus;
    this.#submit(e, (f) => statusSubmission(f, t), t.id, (l) => l.t('status-now', { task: t.text, status: taskStatusLabel(l, { status }) }), () => `#t-${cssId(t.id)}-name`);
  }

  // ————— note drafts: a half-typed note survives a reload —————

  #noteInput(e: Event) {
    this._noteText = (e.target as HTMLTextAreaElement).value;
    this.#draftTimer.schedule(() => void this.#flushNoteDraft());
  }

  async #flushNoteDraft(c: StrClient | undefined = this.currentClient) {
    this.#draftTimer.cancel();
    const ed = this._editor;
    if (!c || ed?.kind !== 'note' || !this._noteText) return;
    try {
      await c.drafts.save(NOTE_DRAFT + ed.about.id, { text: this._noteText, pendingId: this.#pendingId });
      if (c === this.currentClient) this._noteDrafts = new Set([...this._noteDrafts, ed.about.id]);
    } catch {
      // The note is still on screen; the next keystroke tries again.
    }
  }

  async #restoreNoteDraft(id: string) {
    const c = this.currentClient;
    if (!c) return;
    try {
      const d = await c.drafts.load<{ text: string; pendingId: string }>(NOTE_DRAFT + id);
      const ed = this._editor;
      if (d?.value?.text && ed?.kind === 'note' && ed.about.id === id && !this._noteText) {
        this._noteText = d.value.text;
        if (d.value.pendingId) this.#pendingId = d.value.pendingId;
        this.#ctl.set({ status: (l) => l.t('note-restored', { when: stamp(l, d.savedAt) }) });
      }
    } catch {
      // Nothing to restore.
    }
  }

  async #discardNoteDraft(id: string) {
    const next = new Set(this._noteDrafts);
    next.delete(id);
    this._noteDrafts = next;
    await this.currentClient?.drafts.discard(NOTE_DRAFT + id).catch(() => undefined);
  }

  async #cancelNote(id: string, quick: boolean) {
    // Cancel keeps a typed draft (it can be finished later); "Not now" on an empty quick note simply closes.
    if (this._noteText) await this.#flushNoteDraft();
    else await this.#discardNoteDraft(id);
    this.#close(!quick && this._noteText ? say('note-kept') : undefined);
  }

  // ————— rendering (care-plan.views.ts, care-plan.task-row.ts, care-plan.forms.ts) —————

  /** The element's actions, made once so rows that did not change keep their handlers. */
  #actions: CarePlanActions = {
    open: (editor, returnTo) => this.#open(editor, returnTo),
    close: () => this.#close(),
    complete: (t) => this.#complete(t),
    reopen: (t) => this.#reopen(t),
    moveTask: (goalId, t, by) => this.#moveTask(goalId, t, by),
    moveGoal: (g, by) => this.#moveGoal(g, by),
    dragStart: (e, goalId, t) => {
      this.#drag = { goalId, taskId: t.id };
      e.dataTransfer?.setData('text/plain', t.text);
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    },
    dragOver: (e, goalId, t) => {
      if (this.#drag?.goalId !== goalId) return;
      e.preventDefault();
      this._dropTarget = t.id;
    },
    dragLeave: () => (this._dropTarget = undefined),
    drop: (e, goalId, t) => this.#drop(e, goalId, t),
    submitPlan: (e, plan) => this.#submit(e, (f) => planSubmission(f, plan, { id: this.#pendingId, serviceUserId: this.serviceUserId }), 'plan', say(plan ? 'plan-saved' : 'plan-started')),
    submitReview: (e) => this.#submitReview(e),
    submitGoal: (e, goal) => this.#submitGoal(e, goal),
    submitTask: (e, goalId, task) => this.#submitTask(e, goalId, task),
    submitStatus: (e, t) => this.#submitStatus(e, t),
    submitNote: (e, about) => this.#submitNote(e, about),
    noteInput: (e) => this.#noteInput(e),
    cancelNote: (id, quick) => void this.#cancelNote(id, quick),
    resolveConflict: (useMine) => void this.#ctl.resolveConflict(useMine),
    setView: (v) => {
      this.view = v;
      this.#doneHere.clear();
      this._editor = undefined;
      this.#ctl.set({ status: say(`showing.${v}`) });
    },
    setFilter: (f) => (this.filter = f),
    dismissProblem: () => {
      this.#ctl.set({ problem: undefined });
      // Dismiss goes with the problem, which drops its focus to the page: back to the form still open (to try again),
      // else to the plan's heading (or, with no plan shown, its first button).
      void focusIfLost(this, this._editor ? EDITOR_FIRST_FIELD : '#plan-heading, button');
    },
  };

  #submitReview(e: Event) {
    const view = this.#view;
    const next = String(new FormData(e.target as HTMLFormElement).get('next-review-on') ?? '');
    this.#submit(e, (f) => view && reviewSubmission(f, view.plan, this.#today), 'plan', (l) => l.t('review-recorded', { date: next && l.date(next) }));
  }

  #submitGoal(e: Event, goal: Goal | undefined) {
    const view = this.#view;
    const newGoal = { id: this.#pendingId, carePlanId: view?.plan.id ?? '' };
    this.#submit(e, (f) => view && goalSubmission(f, goal, newGoal), goal?.id ?? 'goal-new', say(goal ? 'goal-saved' : 'goal-added'),
      (id) => `#g-${cssId(goal?.id ?? id ?? newGoal.id)}-heading`);
  }

  #submitNote(e: Event, about: NoteTarget) {
    const note = { id: this.#pendingId, about, text: this._noteText };
    this.#submit(e, () => noteSubmission(note), `note-${about.id}`, say('note-saved'), () => `#n-${cssId(about.id)}-add`);
  }

  #context(): PlanContext {
    const c = this.currentClient;
    return {
      l: this.#l, mode: this.view, filter: this.filter, today: this.#today, actorId: this.#actorId, names: this._names, editor: this._editor,
      errors: this.#errorsSaid(this.#l, this.#ctl.errors), busy: this.#ctl.busy, conflict: this.#ctl.conflict, noteText: this._noteText, noteDrafts: this._noteDrafts,
      dropTarget: this._dropTarget, canEdit: this.#may('care-plan.edit'), canNote: this.#may('progress-note.add'),
      canFilter: this.#may('task.set-status-own') && !!this.#actorId, canStatus: (t) => !this.readonly && (!c || canSetTaskStatus(c.actor, t)),
      tasksByGoal: this.#tasksByGoal, notesByTarget: this.#notesByTarget, doneHere: this.#doneHere, rowKey: [this.readonly, c], on: this.#actions,
    };
  }

  override render() {
    return html`<div lang=${this.#l.lang}>${this.#body()}</div>`;
  }

  #body() {
    const view = this.#view;
    const ctl = this.#ctl;
    const l = this.#l;
    const problem = ctl.problem
      ? html`<div class="problem" role="alert" tabindex="-1"><p>${ctl.problem(l)}</p><button type="button" class="secondary" @click=${() => this.#actions.dismissProblem()}>${l.t('dismiss')}</button></div>`
      : nothing;
    const said = ctl.status?.(l) ?? '';
    const status = html`<p class="status" role="status" aria-live="polite">${said}</p>`;
    // Controlled mode names its person through the plan it is given; connected mode only through service-user-id.
    // As internal/person-scope.ts's noPersonNotice says it, in a whole sentence of the catalogue.
    if (!(this.serviceUserId || (!this.currentClient && this.plan?.serviceUserId))) return html`<p class="no-person" role="status">${l.t('no-person')}</p>`;
    const loads = this.currentClient ? this.#loads.status : 'ready';
    if (loads === 'error' && !view) {
      return html`${problem}<div class="problem" role="alert"><p>${l.t('load-failed')}</p>
        <button type="button" class="secondary" @click=${() => void this.#retryLoad()}>${l.t('try-again')}</button></div>`;
    }
    if (loads === 'loading' && !view) return html`<p class="status" role="status">${l.t('loading')}</p>`;
    const unreadable = this.currentClient ? unreadableNotice(this._unreadable, l.unreadable()) : nothing;
    const ctx = this.#context();
    if (!view) {
      const o = { canStart: ctx.canEdit && !!this.serviceUserId, unknownPerson: this.#scope.person === 'unknown' };
      return html`${problem}${unreadable}${status}${noPlanView(ctx, o)}`;
    }
    const main = this.view === 'due' ? dueView(ctx, view) : this.view === 'review' ? reviewView(ctx, view) : goalsView(ctx, view);
    // After the plan, held at the foot of the screen while the worker is anywhere in it (issue 17: the news of an
    // action far down a long plan was said thousands of pixels above, out of sight).
    return html`${problem}${unreadable}${header(ctx, view)}${main}<p class="status near" role="status" aria-live="polite">${said}</p>`;
  }
}

/** Worker names by the id records refer to them with (their sign-in id when the host gave one). */
const namesOf = (workers: readonly Worker[]) => new Map(workers.map((w) => [w.actorId ?? w.id, w.name]));
