// The contact log's behaviour, without rendering (issue 17): what is on screen (state), loading for the person in
// scope, the draft, and every action a worker takes. Connected, actions go through the client and notify; controlled
// (no client), each fires one cancelable intent (internal/events.ts) and never changes the contacts it was given.
import { isStrError, type Clock, type Contact, type StrClient, type Task, type Unreadable } from '@strkit/sdk';
import type { LitElement, ReactiveController } from 'lit';
import { DraftTimer } from '../internal/draft-timer.js';
import { isDeviceFull } from '../internal/error-words.js';
import { notifyRecord, requestIntent } from '../internal/events.js';
import { focusIfLost } from '../internal/focus-after.js';
import { LeaveGuard } from '../internal/leave-guard.js';
import { LoadState } from '../internal/load-state.js';
import { PersonScope, type PersonCheck, type Scope } from '../internal/person-scope.js';
import type { ContactCorrectDetail, ContactMarkDetail, ContactSaveDetail, ContactSavedDetail } from './contact-log.events.js';
import {
  NO_FILTERS, blankForm, fieldOf, formOf, untouched, validateForm,
  type ContactDraft, type ContactLogFilters, type ContactLogFormValue, type FieldError,
} from './contact-log.form.js';
import { issueSaid, notSavedSaid, say, type MessageId, type Said } from './contact-log.words.js';

/** The element's side of the controller: its public properties. */
export type ContactLogHost = LitElement & {
  readonly serviceUserId: string;
  readonly readonly: boolean;
  readonly clock: Clock;
  readonly contacts: readonly Contact[];
  readonly tasks: readonly Task[];
};

/** Everything on screen that is not a property. Replaced, never mutated, so each change re-renders. */
export interface ContactLogState {
  readonly value: ContactLogFormValue;
  readonly errors: readonly FieldError[];
  /** The duration, as typed, that the worker confirmed is right. */
  readonly confirmedDuration: string;
  /** Said when drawn, in the active locale. */
  readonly status: Said;
  readonly loaded: readonly Contact[];
  readonly loadedTasks: readonly Task[];
  /** Worker names by actor id, so a contact says who logged it by name. */
  readonly names: ReadonlyMap<string, string>;
  readonly saving: boolean;
  /** How many of the person's records the store returned that could not be read (left out, never shown half-read). */
  readonly unreadable: readonly Unreadable[];
  readonly filters: ContactLogFilters;
  /** The stored contact being corrected through the form, if any. */
  readonly correcting?: Contact;
  /** Contact id → its earlier versions, once asked for. */
  readonly versions: Readonly<Record<string, readonly Contact[]>>;
  /** Rows the worker opened: kept here, since a virtualised row's element is recycled when it scrolls away. */
  readonly open: ReadonlySet<string>;
  /** Contact id being marked entered in error, and the reason as typed. */
  readonly marking?: { readonly id: string; readonly reason: string; readonly error?: Said };
}

const newId = () => crypto.randomUUID();
const draftKeyOf = (serviceUserId: string) => `contact-log:${serviceUserId}`;
const notice = (c: Contact): ContactSavedDetail => ({ type: 'contact', id: c.id, version: c.version, serviceUserId: c.serviceUserId });
/** A message about an instant, "5 June 2026 at 16:00" in the active locale. */
const at = (id: MessageId, iso: string): Said => (l) => l.t(id, { when: l.dateTime(Date.parse(iso)) });
const SILENT: Said = () => '';

export class ContactLogController implements ReactiveController {
  readonly #host: ContactLogHost;
  readonly #client: () => StrClient | undefined;
  #state: ContactLogState;
  /** One id per submission, so a retried save can never log the contact twice. */
  #pendingId: string = newId();
  /** The 400 ms pause before what is typed is kept as a draft (internal/draft-timer.ts). */
  readonly #draftTimer: DraftTimer;
  /** Every load and draft is tied to the person and actor it was started for (issue 14). */
  readonly #scope: PersonScope;
  /** One load state and one whenLoaded() (internal/load-state.ts). */
  readonly loads: LoadState;
  /** The browser asks before leaving while a contact could not be stored for lack of space. */
  readonly #leaving: LeaveGuard;

  constructor(host: ContactLogHost, client: () => StrClient | undefined) {
    this.#host = host;
    this.#client = client;
    this.#state = this.#cleared();
    this.#draftTimer = new DraftTimer(host);
    this.#scope = new PersonScope(host, { client, changed: (next, previous) => this.#scopeChanged(next, previous), checkPerson: true });
    this.loads = new LoadState(host);
    this.#leaving = new LeaveGuard(host);
    host.addController(this);
  }

  get state(): ContactLogState {
    return this.#state;
  }

  get client(): StrClient | undefined {
    return this.#client();
  }

  /** Connected: what the store said about the person named (internal/person-scope.ts); nothing is saved for 'unknown'. */
  get person(): PersonCheck {
    return this.#scope.person;
  }

  /** Whether the form is offered: not read-only, and (connected) the role may log contacts. */
  get canWrite(): boolean {
    const c = this.client;
    return !this.#host.readonly && (!c || c.can('contact.log'));
  }

  /** Whether a contact's correct and entered-in-error actions are offered. */
  canCorrect(contact: Contact): boolean {
    const c = this.client;
    return !this.#host.readonly && (!c || c.can('contact.correct-own', contact));
  }

  /** The contacts shown: loaded (connected) or given (controlled). */
  get contacts(): readonly Contact[] {
    return this.client ? this.#state.loaded : this.#host.contacts;
  }

  get tasks(): readonly Task[] {
    return this.client ? this.#state.loadedTasks : this.#host.tasks;
  }

  hostUpdate(): void {
    const v = this.#state.value;
    if (this.#clock !== this.#host.clock && !v.note && !v.duration) this.#patch({ value: this.#blank() });
    this.#clock = this.#host.clock;
  }

  #clock: Clock | undefined;

  #patch(p: Partial<ContactLogState>): void {
    this.#state = { ...this.#state, ...p };
    this.#host.requestUpdate();
  }

  #blank(): ContactLogFormValue {
    return blankForm(this.#host.clock?.now?.() ?? new Date());
  }

  #cleared(): ContactLogState {
    return {
      value: this.#blank(), errors: [], confirmedDuration: '', status: SILENT, loaded: [], loadedTasks: [], names: this.#state?.names ?? new Map(),
      saving: false, unreadable: [], filters: this.#state?.filters ?? NO_FILTERS, versions: {}, open: new Set(),
    };
  }

  /**
   * The person, client or actor changed (or the element left the page). What was typed for the previous person is
   * kept as their draft, under the actor who typed it and through their own client (which refuses once signed out),
   * so a new sign-in never inherits it; then everything on screen is cleared before the new person's records and
   * draft load.
   */
  #scopeChanged(next: Scope | undefined, previous: Scope | undefined): (() => void) | void {
    if (previous) this.#flushDraft(previous);
    this.#draftTimer.cancel();
    this.#leaving.set(false);
    this.#patch(this.#cleared());
    this.#pendingId = newId();
    this.loads.reset(!!next?.serviceUserId);
    if (!next?.serviceUserId) return;
    void this.loads.track(this.#scope.mayWriteFor(next)); // whenLoaded() includes the person check
    const unsubscribe = next.client.subscribe({ type: 'contact', serviceUserId: next.serviceUserId }, () => void this.loads.track(this.#load()));
    void this.loads.track(this.#load());
    void this.loads.track(this.#restoreDraft());
    return unsubscribe;
  }

  async #load() {
    const scope = this.#scope.current;
    if (!scope?.serviceUserId) return;
    try {
      const loaded = await this.#scope.load(scope, ({ client: c, serviceUserId, signal }) =>
        Promise.all([
          c.contacts.list({ serviceUserId, limit: 10_000, signal }),
          c.carePlans.loadCurrent(serviceUserId).catch(() => undefined), // no plan, or none readable: nothing to link
        ]),
      );
      if (!loaded) return; // for a person or actor this element no longer shows: dropped
      const [page, plan] = loaded.value;
      this.#patch({ loaded: page.items, unreadable: page.unreadable ?? [], loadedTasks: plan?.tasks ?? [] });
      this.loads.settle(page.items.length === 0);
      if (!this.#state.names.size) {
        const workers = await scope.client.workers.list({ limit: 10_000 }).catch(() => undefined);
        if (workers) this.#patch({ names: new Map(workers.items.map((w) => [w.actorId ?? w.id, w.name])) });
      }
    } catch {
      if (this.#scope.isCurrent(scope)) this.loads.fail();
    }
  }

  async #restoreDraft() {
    const scope = this.#scope.current;
    if (!scope?.serviceUserId || !this.canWrite) return;
    try {
      const loaded = await this.#scope.load(scope, (s) => s.client.drafts.load<{ value: ContactLogFormValue; pendingId: string }>(draftKeyOf(s.serviceUserId)));
      const draft = loaded?.value;
      if (draft?.value?.value) {
        this.#pendingId = draft.value.pendingId || newId();
        this.#patch({ value: { ...this.#blank(), ...draft.value.value }, status: at('draft-restored', draft.savedAt) });
      }
    } catch {
      // A draft that cannot be read is not worth blocking the form for.
    }
  }

  /** Keeps what is typed as the draft of the scope's actor and person (by default, the ones shown now). */
  #flushDraft(scope: Scope | undefined = this.#scope.current) {
    this.#draftTimer.cancel();
    if (!scope?.serviceUserId || this.#host.readonly || !scope.client.can('contact.log') || this.#state.correcting) return;
    const c = scope.client;
    const key = draftKeyOf(scope.serviceUserId);
    if (untouched(this.#state.value)) {
      void c.drafts.discard(key).catch(() => undefined);
      return;
    }
    void c.drafts.save(key, { value: this.#state.value, pendingId: this.#pendingId }).catch(() => {
      if (this.#scope.isCurrent(scope)) this.#patch({ status: say('draft-not-kept') });
    });
  }

  /** The worker changed a field: its error goes, and the draft is kept after a pause. */
  set<K extends keyof ContactLogFormValue>(field: K, value: ContactLogFormValue[K]): void {
    const s = this.#state;
    this.#patch({
      value: { ...s.value, [field]: value, ...((field === 'date' || field === 'time') && { repeatedHour: '' }) },
      ...(field === 'duration' && { confirmedDuration: '' }),
      ...(s.errors.length && { errors: s.errors.filter((e) => e.field !== field) }),
    });
    if (this.client && !this.#state.correcting) this.#draftTimer.schedule(() => this.#flushDraft()); // a correction is not a draft
  }

  /** The worker ticked (or unticked) "Yes, it lasted …" for the duration as typed. */
  confirmDuration(typed: string, yes: boolean): void {
    this.#patch({ confirmedDuration: yes ? typed : '', errors: this.#state.errors.filter((x) => x.field !== 'duration') });
  }

  setFilter<K extends keyof ContactLogFilters>(key: K, value: ContactLogFilters[K]): void {
    this.#patch({ filters: { ...this.#state.filters, [key]: value } });
  }

  clearFilters(): void {
    this.#patch({ filters: NO_FILTERS });
  }

  /** A row opened or closed. */
  toggle(id: string, open: boolean): void {
    if (open === this.#state.open.has(id)) return;
    const next = new Set(this.#state.open);
    if (open) next.add(id);
    else next.delete(id);
    this.#patch({ open: next });
  }

  /** Save (or save the correction): checked first; connected through the client, controlled by one intent. */
  async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.#state.saving || !this.#host.serviceUserId) return; // no person: the form is not offered; never saved for nobody
    const { errors, input } = validateForm(this.#state.value, {
      now: this.#host.clock.now().getTime(), confirmedDuration: this.#state.confirmedDuration, pendingId: this.#pendingId,
      serviceUserId: this.#host.serviceUserId, tasks: this.tasks,
    });
    this.#patch({ errors });
    if (!input) return this.#focusSummary();
    const scope = this.#scope.current;
    if (!scope) return this.#submitControlled(input);
    if (!(await this.#scope.mayWriteFor(scope))) {
      // Another person now, or one the store does not have: nothing is saved, and what was typed stays.
      if (!this.#scope.isCurrent(scope)) return;
      this.#patch({ errors: [{ field: 'date', message: say('not-saved-unknown-person') }] });
      return this.#focusSummary();
    }
    await this.#submitConnected(scope, input);
  }

  #submitControlled(input: ContactDraft) {
    const correcting = this.#state.correcting;
    if (!correcting) {
      const detail: ContactSaveDetail = { contact: input };
      if (requestIntent(this.#host, 'str-contact-save', detail)) this.#reset(say('sent'));
      return;
    }
    const { id: _id, serviceUserId, ...changes } = input;
    const detail: ContactCorrectDetail = { id: correcting.id, expectedVersion: correcting.version, serviceUserId, changes };
    if (!requestIntent(this.#host, 'str-contact-correct', detail)) return;
    this.#patch({ correcting: undefined });
    this.#reset(say('correction-sent'));
  }

  async #submitConnected(scope: Scope, input: ContactDraft) {
    this.#patch({ saving: true, status: say('saving') });
    try {
      await (this.#state.correcting ? this.#saveCorrection(scope, this.#state.correcting, input) : this.#saveNew(scope, input));
    } catch (err) {
      this.#failed(scope, err);
    } finally {
      this.#patch({ saving: false });
    }
  }

  async #saveCorrection(scope: Scope, correcting: Contact, input: ContactDraft) {
    const { id: _id, serviceUserId: _s, ...changes } = input;
    const fixed = await scope.client.contacts.update(correcting.id, changes, correcting.version);
    notifyRecord(this.#host, 'str-contact-corrected', notice(fixed));
    if (!this.#scope.isCurrent(scope)) return; // the element shows someone else now: leave their screen alone
    this.#patch({ correcting: undefined, versions: {} });
    this.#reset(at('correction-saved', fixed.start));
    void this.#load();
  }

  async #saveNew(scope: Scope, input: ContactDraft) {
    const saved = await scope.client.contacts.create(input);
    await scope.client.drafts.discard(draftKeyOf(input.serviceUserId)).catch(() => undefined);
    if (this.#scope.isCurrent(scope)) this.#reset(at('saved', saved.start));
    notifyRecord(this.#host, 'str-contact-saved', notice(saved));
    if (this.#scope.isCurrent(scope)) void this.#load();
  }

  /** Nothing typed is lost: the form and its draft stay as they are, and the summary says why. */
  #failed(scope: Scope, err: unknown) {
    if (!this.#scope.isCurrent(scope)) return;
    if (isStrError(err, 'validation') && err.details.issues?.length) {
      this.#patch({ status: SILENT, errors: err.details.issues.map((i) => ({ field: fieldOf(i.path), message: issueSaid(i) })) });
    } else {
      if (isDeviceFull(err)) this.#leaving.set(true);
      this.#patch({ status: SILENT, errors: [{ field: 'date', message: notSavedSaid(err, 'save') }] });
    }
    this.#flushDraft();
    void this.#focusSummary();
  }

  #reset(status: Said, focusTo = 'div.status') {
    this.#leaving.set(false);
    this.#pendingId = newId();
    this.#patch({ value: this.#blank(), confirmedDuration: '', errors: [], status });
    // The Save button was disabled while saving, which drops its focus: the worker lands on the news instead.
    void focusIfLost(this.#host, focusTo, 'form');
  }

  startCorrecting(c: Contact): void {
    this.#flushDraft(); // keep any new-contact draft before the form is reused
    this.#patch({ correcting: c, errors: [], value: formOf(c), status: at('correcting', c.start) });
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLInputElement>('#date')?.focus());
  }

  async cancelCorrecting(): Promise<void> {
    this.#patch({ correcting: undefined });
    this.#reset(say('correction-cancelled'));
    await this.#restoreDraft();
  }

  async showVersions(c: Contact): Promise<void> {
    try {
      const all = await this.client!.contacts.history(c.id);
      this.#patch({ versions: { ...this.#state.versions, [c.id]: all.slice(0, -1).reverse() } });
      void focusIfLost(this.#host, `#versions-${c.id}`); // the button pressed is replaced by the list
    } catch {
      this.#patch({ status: say('versions-failed') });
    }
  }

  /** Asks why; focus goes to the reason box, the next thing to fill. */
  startMarking(c: Contact): void {
    this.#patch({ marking: { id: c.id, reason: '' } });
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>(`#eie-${c.id}`)?.focus());
  }

  setMarkingReason(id: string, reason: string): void {
    this.#patch({ marking: { id, reason } });
  }

  /** "Keep it": the reason box goes, and focus returns to the button that opened it. */
  keep(c: Contact): void {
    this.#patch({ marking: undefined });
    void focusIfLost(this.#host, `#mark-${c.id}`);
  }

  /** Marks a contact entered in error (never deleted): connected through the client, controlled by one intent. */
  async markEnteredInError(c: Contact): Promise<void> {
    const reason = this.#state.marking?.reason ?? '';
    if (!reason.trim()) return this.#patch({ marking: { id: c.id, reason, error: say('err.eie-reason') } });
    const client = this.client;
    if (!client) {
      const detail: ContactMarkDetail = { id: c.id, expectedVersion: c.version, serviceUserId: c.serviceUserId, reason };
      if (requestIntent(this.#host, 'str-contact-mark-entered-in-error', detail)) this.#marked(say('marking-sent'));
      return;
    }
    try {
      const marked = await client.contacts.markEnteredInError(c.id, reason, c.version);
      notifyRecord(this.#host, 'str-contact-entered-in-error', notice(marked));
      this.#marked(say('marked'));
      void this.#load();
    } catch (err) {
      this.#patch({ marking: { id: c.id, reason, error: notSavedSaid(err, 'mark') } });
    }
  }

  #marked(status: Said) {
    this.#patch({ marking: undefined, status });
    void focusIfLost(this.#host, 'div.status'); // the row, and the button pressed, left the list
  }

  async discard(): Promise<void> {
    const scope = this.#scope.current;
    if (scope?.serviceUserId) await scope.client.drafts.discard(draftKeyOf(scope.serviceUserId)).catch(() => undefined);
    this.#reset(say('draft-discarded'), '#date'); // start again from the first field
  }

  async #focusSummary() {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }
}
