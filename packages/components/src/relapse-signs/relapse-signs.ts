import { consume } from '@lit/context';
import {
  ALERT_NOTE_MAX, FUNCTIONING_AREAS, FUNCTIONING_LEVELS, NOT_ASKED, RATINGS, SIGN_STAGES, baselineOf, checkTotal, checksInOrder, evaluateRule, formatNhsDate, inputIssues,
  londonTime, ratingLabel, responsesFor, systemClock, toLondonIso,
  type Alert, type AlertInput, type CrisisContact, type Clock, type FunctioningArea, type FunctioningLevel, type RuleResult, type SignCheck, type SignCheckInput, type SignRating, type StrClient,
  type WarningSign, type WarningSignPlan, type WarningSignPlanUpdate,
} from '@strkit/sdk';
import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
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
import { focusIfLost } from '../internal/focus-after.js';
import { tokens } from '../internal/tokens.styles.js';
import type { AlertAcknowledgeDetail, AlertAcknowledgedDetail, AlertRaiseDetail, SignPlanSaveDetail, AlertRaisedDetail, CheckSaveDetail, CheckSavedDetail } from './relapse-signs.events.js';
import { changesOf, draftOf, renderEditor, renderPlan, type PlanDraft } from './relapse-plan-editor.js';
import { styles } from './relapse-signs.styles.js';

/** A rating per sign id; a sign not in it is not rated yet. */
export type SignRatings = Readonly<Record<string, SignRating>>;

/** The rest of a check, as typed. */
export interface CheckDetails {
  functioning: Partial<Record<FunctioningArea, { level?: FunctioningLevel; note?: string }>>;
  observations: string;
  personsView: string;
  markedWell: boolean;
}

/** An alert the worker confirmed, kept on the device until the store has it. */
interface PendingAlert {
  readonly alert: AlertInput & { readonly id: string };
  readonly serviceUserId: string;
  readonly savedAt: string;
}

interface AlertRow {
  readonly alert: Alert;
  readonly person: string;
  readonly contacts: readonly CrisisContact[];
}

const BLANK_DETAILS: CheckDetails = { functioning: {}, observations: '', personsView: '', markedWell: false };
const MESSAGES = {
  rateEachSign: 'Rate each sign, or choose “Not asked”',
  rateSign: (text: string) => `Rate “${text.trim()}”, or choose “Not asked”`,
};
const newId = () => crypto.randomUUID();
const DRAFT = 'relapse-signs:check:';
const OUTBOX = 'relapse-signs:alert:';
const draftKeyOf = (serviceUserId: string) => `${DRAFT}${serviceUserId}`;

/**
 * @summary The person's own early warning signs (relapse signature: early, middle and late, each with its agreed
 * response): a rated check against their own baseline, and the trend over time.
 *
 * The check is a form control: it owns its `value` (a rating per sign) like a native input, joins a host `<form>`
 * through `ElementInternals` (value, validity, reset, disabled fieldset) and fires `change`. Connected (default): finds
 * a client through `<str-provider>` or `.client`, loads the person's plan and checks, saves the check, keeps a draft on
 * the device, and when a saved check meets the plan's alert rule shows the reason and the agreed responses and offers
 * to alert the care co-ordinator. Controlled (no client): shows `.plan`, `.checks` and `.alerts`, never changes them,
 * and fires one cancelable intent for every action (save the check, send an alert, save the plan, acknowledge an alert).
 *
 * @fires change - The worker changed a rating (as native inputs do).
 * @fires str-check-save - Controlled mode: the worker asked to save the check. Cancelable. Detail: CheckSaveDetail.
 * @fires str-check-saved - Connected mode: the check was stored. Detail: CheckSavedDetail (ids, version, whether the rule fired).
 * @fires str-alert-raise - Controlled mode: the worker asked to alert the care co-ordinator. Cancelable. Detail: AlertRaiseDetail.
 * @fires str-alert-raised - Connected mode: the alert was stored. Detail: AlertRaisedDetail (ids and version).
 * @fires str-alert-acknowledged - Connected mode: a co-ordinator acknowledged an alert. Detail: AlertAcknowledgedDetail.
 * @fires str-alert-acknowledge - Controlled mode: a co-ordinator acknowledged an alert with what was done. Cancelable. Detail: AlertAcknowledgeDetail.
 * @fires str-sign-plan-save - Controlled mode: the co-ordinator saved the warning-sign plan. Cancelable (the editor stays as typed). Detail: SignPlanSaveDetail.
 * @csspart check - The check form.
 * @csspart stage - One stage's group of signs.
 * @csspart sign - One sign's rating group.
 * @csspart result - What the saved check means: the rule's reasons and the agreed responses.
 * @csspart trend - The trend view.
 * @csspart alerts - The open alerts (`view="alerts"`).
 * @cssprop --str-relapse-signs-gap - Space between signs (default 16px).
 * @cssprop --str-relapse-signs-line-colour - The chart's line (default the NHS link colour).
 * @cssstate user-invalid - Shown errors: a rating is missing after the worker interacted or tried to submit.
 */
export class StrRelapseSigns extends LitElement {
  static override styles = [tokens, focus, controls, styles];
  static formAssociated = true;

  @consume({ context: clientContext, subscribe: true })
  @state()
  private _providedClient?: StrClient;

  /** The client to use; overrides the one from `<str-provider>`. */
  @property({ attribute: false }) client?: StrClient;
  /** The person (STR Kit id). */
  @property({ attribute: 'service-user-id' }) serviceUserId = '';
  /** Controlled mode: the alerts to show in the alerts view (open ones, and those acknowledged in the last 7 days). */
  @property({ attribute: false }) alerts: readonly Alert[] = [];
  /** Controlled mode: the people's names by STR Kit id, for the alerts view. */
  @property({ attribute: false }) people: Readonly<Record<string, string>> = {};
  /** Controlled mode: the plan and its checks. Never changed by the element. */
  @property({ attribute: false }) plan?: WarningSignPlan;
  @property({ attribute: false }) checks: readonly SignCheck[] = [];
  /**
   * `check` (rate the signs), `trend` (totals over time against the baseline, and each sign's recent ratings), `plan`
   * (the warning-sign plan; co-ordinators and team leads edit it) or
   * `alerts` (open alerts, for the care co-ordinator to acknowledge; every person's when no `service-user-id` is set).
   */
  @property({ reflect: true }) view: 'check' | 'trend' | 'plan' | 'alerts' = 'check';
  /** An open alert older than this many hours is shown as overdue, with the person's crisis contacts. */
  @property({ type: Number, attribute: 'alert-overdue-hours' }) alertOverdueHours = 24;
  /** Form name: the ratings are submitted as `<name>.<signId>`. */
  @property({ reflect: true }) name = '';
  /** Every sign must be rated (or marked "not asked") for the form to submit. */
  @property({ type: Boolean, reflect: true }) required = false;
  /** The element's own disabled state (a disabled `<fieldset>` around it also disables it). */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Shows the plan and trend without a check form; also what a viewer gets. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** The clock "now" is judged by (tests and demos pass a fixed one). */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private _loadedPlan?: WarningSignPlan;
  @state() private _loadedChecks: readonly SignCheck[] = [];
  /** How many of the person's plans and checks the last load left out as unreadable. */
  @state() private _unreadable = 0;
  @state() private _ratings: SignRatings = {};
  @state() private _details: CheckDetails = BLANK_DETAILS;
  @state() private _showErrors = false;
  @state() private _status = '';
  @state() private _problem = '';
  @state() private _saving = false;
  /** The last saved check and what the rule made of it. */
  @state() private _result?: { check: SignCheck; result: RuleResult; alertId?: string };
  @state() private _alertNote = '';
  @state() private _alertNoteError = '';
  @state() private _inheritedDisabled = false;
  /** Alerts confirmed on this device but not yet stored: shown as "not sent" until they are. */
  @state() private _pendingAlerts: readonly PendingAlert[] = [];
  @state() private _sentAlerts: ReadonlySet<string> = new Set();
  /** Alerts stored with no owner (no co-ordinator, care team or team lead): nobody will receive them. */
  @state() private _unownedAlerts: ReadonlySet<string> = new Set();
  /** The alerts view: open alerts with the person's name and crisis contacts. */
  @state() private _alerts?: readonly AlertRow[];
  /** Alerts acknowledged in the last 7 days, with what was done. */
  @state() private _acknowledged: readonly AlertRow[] = [];
  /** Worker names by sign-in id, for "raised by" and "acknowledged by". */
  @state() private _names: ReadonlyMap<string, string> = new Map();
  @state() private _ackText: Readonly<Record<string, string>> = {};
  @state() private _ackError?: { id: string; message: string };
  /** The plan being edited, as typed. */
  @state() private _planDraft?: PlanDraft;
  @state() private _planErrors: readonly { field: string; message: string }[] = [];

  #internals: ElementInternals;
  #pendingId: string = newId();
  /** Every load is tied to the person and actor it was started for (issue 14). */
  #scope = new PersonScope(this, { client: () => this.#client, changed: (next, previous) => this.#scopeChanged(next, previous), checkPerson: true });
  /** One load state and one whenLoaded() (internal/load-state.ts). */
  #loads = new LoadState(this);
  /** The browser asks before leaving while a check or plan could not be stored for lack of space. */
  #leaving = new LeaveGuard(this);
  /** The 400 ms pause before what is typed is kept as a draft (internal/draft-timer.ts). */
  #draftTimer = new DraftTimer(this);
  #touched = false;
  /** Bumped to re-render every sign (see #replace). */
  #epoch = 0;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.addEventListener('invalid', () => this.#showUserInvalid());
  }

  get #client(): StrClient | undefined {
    return this.client ?? this._providedClient;
  }

  get #plan(): WarningSignPlan | undefined {
    return this.#client ? this._loadedPlan : this.plan;
  }

  get #checks(): readonly SignCheck[] {
    return this.#client ? this._loadedChecks : this.checks;
  }

  get #canCheck() {
    const c = this.#client;
    return !this.readonly && (!c || c.can('sign-check.record'));
  }

  get #isDisabled() {
    return this.disabled || this._inheritedDisabled;
  }

  // ————— the form-control surface (as a native input has it) —————

  /** The ratings: sign id → 0–3 or "not-asked". Replace it, never mutate it. */
  get value(): SignRatings {
    return this._ratings;
  }
  set value(v: SignRatings) {
    this.#replace({ ...(v ?? {}) });
    this.#sync();
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  formResetCallback() {
    this.#replace({});
    this._details = BLANK_DETAILS;
    this._showErrors = false;
    this.#touched = false;
    this.#internals.states.delete('user-invalid');
    this.#sync();
  }

  formDisabledCallback(disabled: boolean) {
    // Kept apart from the element's own `disabled`: Chromium calls this without touching a reflected attribute.
    this._inheritedDisabled = disabled;
  }

  formStateRestoreCallback(state: unknown) {
    // Back/forward and autofill hand back what setFormValue was given: a FormData of `<name>.<signId>` entries.
    if (state instanceof FormData) {
      const prefix = `${this.name}.`;
      const ratings: Record<string, SignRating> = {};
      for (const [k, v] of state.entries()) {
        if (!k.startsWith(prefix) || typeof v !== 'string') continue;
        const sign = k.slice(prefix.length);
        ratings[sign] = v === NOT_ASKED ? NOT_ASKED : (Number(v) as SignRating);
      }
      this.#replace(ratings);
      this.#sync();
    }
  }

  /** Form value (`<name>.<signId>` = rating) and validity, kept in step with what is on screen. */
  #sync() {
    const plan = this.#plan;
    const data = new FormData();
    const prefix = this.name ? `${this.name}.` : '';
    for (const [signId, rating] of Object.entries(this._ratings)) data.append(`${prefix}${signId}`, String(rating));
    this.#internals.setFormValue(data);
    const anchor = this.required ? plan?.signs.find((s) => this._ratings[s.id] === undefined) : undefined;
    if (!anchor) return this.#internals.setValidity({});
    const input = this.renderRoot?.querySelector<HTMLInputElement>(`input[name="r-${anchor.id}"]`);
    this.#internals.setValidity({ valueMissing: true }, MESSAGES.rateEachSign, input ?? undefined);
  }

  /**
   * Replaces the ratings from outside a click. A sign whose rating changed re-renders anyway; the rest only need to
   * when a click has moved a radio since the last render (an update was already pending), so `live()` puts it back.
   */
  #replace(ratings: SignRatings) {
    if (this.isUpdatePending) this.#epoch++;
    this._ratings = ratings;
  }

  #showUserInvalid() {
    this._showErrors = true;
    this.#internals.states.add('user-invalid');
  }

  // ————— lifecycle and loading —————

  override disconnectedCallback(): void {
    super.disconnectedCallback();
  }

  /**
   * The person, client or actor changed (or the element left the page). A check in progress is kept as the previous
   * person's draft, under the actor who typed it and through their own client (which refuses once signed out), so a
   * new sign-in never inherits it; then nothing of theirs stays on screen.
   */
  #scopeChanged(next: Scope | undefined, previous: Scope | undefined): (() => void) | void {
    if (previous) void this.#flushDraft(previous);
    this.#draftTimer.cancel();
    this._loadedPlan = undefined;
    this._loadedChecks = [];
    this._unreadable = 0;
    this.#loads.reset(!!next?.serviceUserId);
    this.#leaving.set(false);
    this.#clearForm();
    this._status = '';
    this._problem = '';
    this._result = undefined;
    this._alertNote = '';
    this._pendingAlerts = [];
    this._sentAlerts = new Set();
    this._alerts = undefined;
    this._acknowledged = [];
    this._ackText = {};
    this._ackError = undefined;
    this._planDraft = undefined;
    this._planErrors = [];
    this.#sync();
    if (next && this.view === 'alerts') void this.#loads.track(this.#loadAlerts());
    if (!next?.serviceUserId) return;
    const unsubscribe = next.client.subscribe({ serviceUserId: next.serviceUserId }, (change) => {
      if (change.type === 'warningSignPlan' || change.type === 'signCheck') void this.#loads.track(this.#load());
    });
    void this.#loads.track(this.#load().then(() => this.#restoreDraft()));
    return unsubscribe;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('plan') || changed.has('required') || changed.has('name')) this.#sync();
  }

  protected override firstUpdated(): void {
    this.#sync();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A new person, client or actor loads the alerts through #scopeChanged; here only a change of view.
    if (this.view === 'alerts' && changed.has('view') && changed.get('view') !== undefined) void this.#loads.track(this.#loadAlerts());
  }

  async #load() {
    const scope = this.#scope.current;
    if (!scope?.serviceUserId) return;
    try {
      let unreadable = 0;
      const onUnreadable = (u: readonly unknown[]) => (unreadable += u.length);
      const loaded = await this.#scope.load(scope, async ({ client: c, serviceUserId, signal }) => {
        const plan = await c.warningSignPlans.current(serviceUserId, { signal, onUnreadable });
        if (!this.#scope.isCurrent(scope)) return undefined;
        // The person's checks on every plan: a sign's run of checks goes on when its plan is replaced.
        return { plan, checks: plan ? await c.signChecks.forPerson(serviceUserId, { signal, onUnreadable }) : [] };
      });
      if (!loaded?.value) return; // for a person or actor this element no longer shows: dropped
      this._unreadable = unreadable;
      this._loadedChecks = loaded.value.checks;
      this._loadedPlan = loaded.value.plan;
      this.#loads.settle(!loaded.value.plan);
      this.#sync();
      await this.#loadOutbox(scope);
    } catch {
      if (this.#scope.isCurrent(scope)) this.#loads.fail();
    }
  }

  /** Resolves when the plan is loaded and drawn (tests and hosts that wait for it). */
  whenLoaded(): Promise<void> {
    return this.#loads.whenLoaded();
  }

  async #restoreDraft() {
    const scope = this.#scope.current;
    if (!scope?.serviceUserId || !this.#canCheck) return;
    try {
      const loaded = await this.#scope.load(scope, ({ client, serviceUserId }) =>
        client.drafts.load<{ ratings: SignRatings; details: CheckDetails; pendingId: string; planId: string }>(draftKeyOf(serviceUserId)));
      const d = loaded?.value;
      const plan = this._loadedPlan;
      if (!d?.value || !plan || d.value.planId !== plan.id) return;
      const known = new Set(plan.signs.map((s) => s.id));
      this.#replace(Object.fromEntries(Object.entries(d.value.ratings ?? {}).filter(([k]) => known.has(k))));
      this._details = { ...BLANK_DETAILS, ...d.value.details };
      this.#pendingId = d.value.pendingId || newId();
      this._status = `Check in progress restored, from ${formatNhsDate(d.savedAt)} at ${londonTime(Date.parse(d.savedAt))}`;
      this.#sync();
    } catch {
      // Nothing to restore.
    }
  }

  #scheduleDraft() {
    this.#draftTimer.schedule(() => void this.#flushDraft());
  }

  /** Keeps the check in progress as the draft of the scope's actor and person (by default, the ones shown now). */
  async #flushDraft(scope: Scope | undefined = this.#scope.current) {
    this.#draftTimer.cancel();
    const c = scope?.client;
    const plan = this._loadedPlan;
    if (!c || !plan || !this.#touched || plan.serviceUserId !== scope.serviceUserId) return;
    try {
      await c.drafts.save(draftKeyOf(scope.serviceUserId), { ratings: this._ratings, details: this._details, pendingId: this.#pendingId, planId: plan.id });
    } catch {
      // Still on screen; the next change tries again.
    }
  }

  // ————— editing —————

  #rate(sign: WarningSign, rating: SignRating) {
    this._ratings = { ...this._ratings, [sign.id]: rating };
    this.#changed();
  }

  #noneNoticed() {
    const plan = this.#plan;
    if (!plan) return;
    this.#replace(Object.fromEntries(plan.signs.map((s) => [s.id, 0 as SignRating])));
    this._status = `All ${plan.signs.length} signs set to 0, not noticed`;
    this.#changed();
  }

  #changed() {
    this.#touched = true;
    this._result = undefined;
    this.#sync();
    if (this._showErrors && this.checkValidity()) {
      this._showErrors = false;
      this.#internals.states.delete('user-invalid');
    }
    this.dispatchEvent(new Event('change', { bubbles: true }));
    this.#scheduleDraft();
  }

  #setDetail<K extends keyof CheckDetails>(key: K, value: CheckDetails[K]) {
    this._details = { ...this._details, [key]: value };
    this.#touched = true;
    this.#scheduleDraft();
  }

  #setFunctioning(area: FunctioningArea, part: { level?: FunctioningLevel; note?: string }) {
    const current = this._details.functioning[area] ?? {};
    this.#setDetail('functioning', { ...this._details.functioning, [area]: { ...current, ...part } });
  }

  #input(plan: WarningSignPlan): SignCheckInput & { id: string } {
    const functioning = Object.fromEntries(
      Object.entries(this._details.functioning).flatMap(([area, f]) => (f?.level ? [[area, { level: f.level, ...(f.note?.trim() && { note: f.note }) }]] : [])),
    );
    return {
      id: this.#pendingId,
      planId: plan.id,
      at: toLondonIso(Math.floor(this.clock.now().getTime() / 1000) * 1000),
      ratings: this._ratings,
      functioning,
      observations: this._details.observations,
      personsView: this._details.personsView,
      markedWell: this._details.markedWell,
    };
  }

  async #save(e: Event) {
    e.preventDefault();
    const plan = this.#plan;
    if (!plan || this._saving) return;
    const unrated = plan.signs.filter((s) => this._ratings[s.id] === undefined);
    if (unrated.length) {
      this.#showUserInvalid();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    const input = this.#input(plan);
    const scope = this.#scope.current;
    const c = scope?.client;
    if (c && plan.serviceUserId !== scope.serviceUserId) return; // never: the plan on screen is always the named person's
    if (c && !(await this.#refuseUnknownPerson(scope))) return;
    if (!c) {
      const detail: CheckSaveDetail = { check: input };
      if (this.dispatchEvent(new CustomEvent('str-check-save', { detail, bubbles: true, composed: true, cancelable: true }))) {
        this.#afterSave(plan, { ...input, ...this.#asCheck(plan, input) });
      }
      return;
    }
    this._saving = true;
    this._problem = '';
    this._status = 'Saving…';
    try {
      const saved = await c.signChecks.create(input);
      this.#leaving.set(false);
      await c.drafts.discard(draftKeyOf(plan.serviceUserId)).catch(() => undefined);
      if (!this.#scope.isCurrent(scope)) return; // the element shows someone else now: leave their screen alone
      await this.#load();
      const result = this.#afterSave(plan, saved);
      const detail: CheckSavedDetail = { id: saved.id, version: saved.version, serviceUserId: saved.serviceUserId, ruleFired: result.fires };
      this.dispatchEvent(new CustomEvent('str-check-saved', { detail, bubbles: true, composed: true }));
    } catch (err) {
      if (!this.#scope.isCurrent(scope)) return;
      this._status = '';
      if (isDeviceFull(err)) this.#leaving.set(true);
      this._problem = whyNotSaved(err, { what: 'the check', kept: 'Everything you entered is still here' });
      void this.#flushDraft();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.problem')?.focus();
    } finally {
      this._saving = false;
    }
  }

  /** A controlled-mode check as the rule sees it (the host stores the real one). */
  #asCheck(plan: WarningSignPlan, input: SignCheckInput & { id: string }): SignCheck {
    const at = input.at ?? new Date().toISOString();
    return {
      id: input.id, version: 'pending', schemaVersion: 1, createdAt: at, createdBy: 'host', updatedAt: at, updatedBy: 'host',
      serviceUserId: plan.serviceUserId, planId: plan.id, planVersion: plan.version, at, workerId: 'host', ratings: input.ratings,
      functioning: (input.functioning ?? {}) as SignCheck['functioning'], observations: input.observations ?? '', personsView: input.personsView ?? '', markedWell: !!input.markedWell,
    };
  }

  /** An empty check form with a fresh id: after a save, and when the element moves to another person or actor. */
  #clearForm() {
    this.#replace({});
    this._details = BLANK_DETAILS;
    this.#touched = false;
    this.#pendingId = newId();
    this._showErrors = false;
    this.#internals.states.delete('user-invalid');
  }

  #afterSave(plan: WarningSignPlan, check: SignCheck): RuleResult {
    const result = evaluateRule(plan, check, this.#checks);
    this._result = { check, result };
    this.#clearForm();
    this.#sync();
    this._status = result.fires ? 'Check saved. It meets the alert rule.' : 'Check saved. It does not meet the alert rule.';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=result] h3')?.focus());
    return result;
  }

  async #raiseAlert() {
    const r = this._result;
    if (!r) return;
    // Refused here, in words, before it is kept to send: the SDK would refuse it on every retry.
    if (this._alertNote.length > ALERT_NOTE_MAX) {
      this._alertNoteError = `Enter ${ALERT_NOTE_MAX.toLocaleString('en-GB')} characters or fewer in the note (it has ${this._alertNote.length.toLocaleString('en-GB')})`;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#alert-note')?.focus();
      return;
    }
    this._alertNoteError = '';
    // The reasons, and why the rise rule could not compare when it could not: the co-ordinator reads both.
    const reason = [...r.result.reasons.map((x) => x.text), ...(r.result.note ? [r.result.note] : [])].join('\n');
    const alert = { id: r.alertId ?? newId(), checkId: r.check.id, reason, note: this._alertNote };
    this._result = { ...r, alertId: alert.id };
    const c = this.#client;
    if (!c) {
      const detail: AlertRaiseDetail = { alert };
      if (this.dispatchEvent(new CustomEvent('str-alert-raise', { detail, bubbles: true, composed: true, cancelable: true }))) {
        this._sentAlerts = new Set([...this._sentAlerts, alert.id]);
        this._status = 'Alert sent to the care co-ordinator';
        void focusIfLost(this, 'p.status');
      }
      return;
    }
    // Kept on the device first: whatever happens to the send, the alert is not lost and is shown until it is stored.
    const pending: PendingAlert = { alert, serviceUserId: r.check.serviceUserId, savedAt: new Date(this.clock.now()).toISOString() };
    await c.drafts.save(this.#outboxKey(pending.serviceUserId, alert.id), pending).catch(() => undefined);
    this._pendingAlerts = [...this._pendingAlerts.filter((p) => p.alert.id !== alert.id), pending];
    await this.#send(pending);
  }

  #outboxKey(serviceUserId: string, alertId: string) {
    return `${OUTBOX}${serviceUserId}:${alertId}`;
  }

  /** Sends a confirmed alert. The same id every time, so a retry after a lost reply never sends it twice. */
  async #send(p: PendingAlert) {
    const c = this.#client;
    if (!c || this._saving) return;
    this._saving = true;
    this._status = 'Sending the alert…';
    try {
      const { reason: _shown, ...input } = p.alert; // the client works the reason out from the rule itself
      const saved = await c.alerts.create(input);
      await c.drafts.discard(this.#outboxKey(p.serviceUserId, p.alert.id)).catch(() => undefined);
      this._pendingAlerts = this._pendingAlerts.filter((x) => x.alert.id !== p.alert.id);
      this._sentAlerts = new Set([...this._sentAlerts, saved.id]);
      if (!saved.owner) this._unownedAlerts = new Set([...this._unownedAlerts, saved.id]);
      const detail: AlertRaisedDetail = { id: saved.id, version: saved.version, serviceUserId: saved.serviceUserId, checkId: saved.checkId };
      this.dispatchEvent(new CustomEvent('str-alert-raised', { detail, bubbles: true, composed: true }));
      this._status = saved.owner ? 'Alert sent to the care co-ordinator' : 'Alert recorded, but nobody will receive it';
      // "Send an alert" is replaced by the result, which drops its focus: the worker lands on the news instead.
      void focusIfLost(this, 'p.status');
    } catch {
      this._status = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.outbox')?.focus();
    } finally {
      this._saving = false;
    }
  }

  /** Alerts confirmed on this device that the store does not have yet (a failed send, then a reload). */
  async #loadOutbox(scope: Scope) {
    try {
      const loaded = await this.#scope.load(scope, async ({ client: c, serviceUserId }) => {
        const prefix = `${OUTBOX}${serviceUserId}:`;
        const drafts = (await c.drafts.list()).filter((d) => d.key.startsWith(prefix));
        const pending: PendingAlert[] = [];
        for (const d of drafts) {
          const p = d.value as PendingAlert;
          const stored = await c.alerts.get(p.alert.id).catch(() => undefined);
          if (stored) await c.drafts.discard(d.key).catch(() => undefined); // it did arrive; the reply was lost
          else pending.push(p);
        }
        return pending;
      });
      if (loaded) this._pendingAlerts = loaded.value;
    } catch {
      // The drafts could not be read; nothing to show.
    }
  }

  async #loadAlerts() {
    const current = this.#scope.current;
    if (!current) return;
    try {
      const loaded = await this.#scope.load(current, async ({ client: c, serviceUserId, signal }) => {
        const scope = serviceUserId ? { serviceUserId } : {};
        const page = await c.alerts.list({ status: 'open', limit: 10_000, signal, ...scope });
        const weekAgo = this.clock.now().getTime() - 7 * 86_400_000;
        const done = (await c.alerts.list({ status: 'acknowledged', limit: 10_000, signal, ...scope })).items.filter((a) => a.acknowledged && Date.parse(a.acknowledged.at) >= weekAgo);
        const names = this._names.size ? this._names : new Map((await c.workers.list({ limit: 10_000, signal }).catch(() => ({ items: [] }))).items.map((w) => [w.actorId ?? w.id, w.name]));
        const people = new Map<string, { person: string; contacts: readonly CrisisContact[] }>();
        for (const a of [...page.items, ...done]) {
          if (people.has(a.serviceUserId)) continue;
          const [person, plan] = await Promise.all([c.serviceUsers.get(a.serviceUserId).catch(() => undefined), c.warningSignPlans.current(a.serviceUserId).catch(() => undefined)]);
          people.set(a.serviceUserId, { person: person?.displayName ?? 'A person not on this caseload', contacts: plan?.contacts ?? [] });
        }
        return { page, done, names, people };
      });
      if (!loaded) return; // for a person or actor this element no longer shows: dropped
      const { page, done, names, people } = loaded.value;
      this._names = names;
      // Oldest first: the one waiting longest is the one to act on.
      this._alerts = [...page.items].reverse().map((alert) => ({ alert, ...people.get(alert.serviceUserId)! }));
      this._acknowledged = done.map((alert) => ({ alert, ...people.get(alert.serviceUserId)! }));
    } catch {
      this._problem = 'The alerts could not be loaded. Try again, or ask the team.';
    }
  }

  async #acknowledge(row: AlertRow) {
    const c = this.#client;
    const action = (this._ackText[row.alert.id] ?? '').trim() ? this._ackText[row.alert.id]! : '';
    if (!action) {
      this._ackError = { id: row.alert.id, message: 'Enter what was done' };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#ack-${row.alert.id}`)?.focus();
      return;
    }
    this._ackError = undefined;
    if (!c) {
      const detail: AlertAcknowledgeDetail = { alertId: row.alert.id, expectedVersion: row.alert.version, serviceUserId: row.alert.serviceUserId, action };
      if (this.dispatchEvent(new CustomEvent('str-alert-acknowledge', { detail, bubbles: true, composed: true, cancelable: true }))) {
        this._ackText = { ...this._ackText, [row.alert.id]: '' };
        this._status = `Acknowledgement sent for ${row.person}`;
      }
      return;
    }
    this._saving = true;
    try {
      const saved = await c.alerts.acknowledge(row.alert.id, action, row.alert.version);
      this.#leaving.set(false);
      const detail: AlertAcknowledgedDetail = { id: saved.id, version: saved.version, serviceUserId: saved.serviceUserId };
      this.dispatchEvent(new CustomEvent('str-alert-acknowledged', { detail, bubbles: true, composed: true }));
      this._status = `Alert for ${row.person} acknowledged`;
      await this.#loadAlerts();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#alerts-heading')?.focus();
    } catch (err) {
      if (isDeviceFull(err)) this.#leaving.set(true);
      this._ackError = {
        id: row.alert.id,
        message: whyNotSaved(err, {
          what: 'the acknowledgement', kept: 'What you typed is still here', conflict: 'Someone else acknowledged or changed this alert; the list now shows what is stored',
        }),
      };
      await this.#loadAlerts();
    } finally {
      this._saving = false;
    }
  }

  /** False, with the refusal on screen and nothing typed cleared, when the store has no such person (issue 15). */
  async #refuseUnknownPerson(scope: Scope | undefined): Promise<boolean> {
    if (await this.#scope.mayWriteFor(scope)) return true;
    if (!this.#scope.isCurrent(scope)) return false;
    this._problem = NOT_SAVED_UNKNOWN_PERSON;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.problem')?.focus();
    return false;
  }

  // ————— rendering —————

  override render() {
    const plan = this.#plan;
    const problem = this._problem ? html`<div class="problem" role="alert" tabindex="-1"><p>${this._problem}</p></div>` : nothing;
    const status = html`<p class="status" role="status" aria-live="polite" tabindex="-1">${this._status}</p>`;
    if (this.#client && this.#loads.status === 'error' && !plan) {
      return html`<div class="problem" role="alert"><p>The warning-sign plan could not be loaded.</p><button type="button" class="secondary" @click=${() => void this.#load()}>Try again</button></div>`;
    }
    // Controlled mode names its person through the plan it is given; connected mode only through service-user-id.
    const person = this.serviceUserId || (!this.#client && this.plan?.serviceUserId);
    if (this.view === 'alerts') return html`${problem}${person ? this.#renderViews() : nothing}${status}${this.#renderAlerts()}`;
    if (!person) return noPersonNotice('no warning signs can be shown or checked here');
    if (this.#client && this.#loads.status === 'loading') return html`<p class="status" role="status">Loading the warning signs…</p>`;
    const unknown = this.#client && this.#scope.person === 'unknown' ? unknownPersonNotice('no warning signs can be recorded for them') : nothing;
    const unreadable = this.#client ? unreadableNotice(this._unreadable) : nothing;
    if (this._planDraft) return html`${problem}${unknown}${status}${this.#renderPlanEditor()}`;
    if (unknown !== nothing && !plan) return html`${unknown}${status}<p>There is no warning-sign plan for this person.</p>`;
    if (!plan) {
      return html`${unreadable}${status}<p>There is no warning-sign plan for this person yet. The care co-ordinator agrees one with them.</p>
        ${this.#canEditPlan ? html`<button type="button" class="primary" id="plan-start" @click=${() => this.#editPlan(undefined)}>Start a warning-sign plan</button>` : nothing}`;
    }
    return html`${problem}${unknown}${unreadable}${this.#renderOutbox(plan)}${this.#renderViews()}
      ${status}
      ${this.view === 'trend'
        ? this.#renderTrend(plan)
        : this.view === 'plan'
          ? html`<section part="plan" aria-labelledby="plan-heading">${renderPlan(plan, this.#checks)}
              ${this.#canEditPlan ? html`<button type="button" class="primary" id="plan-edit" @click=${() => this.#editPlan(plan)}>Edit the plan</button>` : html`<p class="hint">To suggest a change, talk to the care co-ordinator or add a progress note to the care plan.</p>`}</section>`
          : html`${this.#renderResult(plan)}${this.#canCheck ? this.#renderCheck(plan) : this.#renderSigns(plan)}`}`;
  }

  #renderViews() {
    // A role that may not record a check reads the signs under this button: it is not offered "Check the signs".
    const views = [['check', this.#canCheck ? 'Check the signs' : 'The signs'], ['trend', 'Trend'], ['plan', 'The plan'], ['alerts', 'Alerts']] as const;
    return html`<div class="views" role="group" aria-label="Show">
      ${views.map(([v, label]) => html`<button type="button" class="toggle" aria-pressed=${this.view === v ? 'true' : 'false'} @click=${() => this.#show(v)}>${label}</button>`)}
    </div>`;
  }

  /** The Alerts view is drawn anew, so the pressed button is too: focus follows it rather than dropping to the page. */
  #show(view: StrRelapseSigns['view']) {
    this.view = view;
    void focusIfLost(this, 'button.toggle[aria-pressed=true]');
  }

  get #canEditPlan() {
    const c = this.#client;
    return !this.readonly && (!c || c.can('warning-sign-plan.edit'));
  }

  #editPlan(plan: WarningSignPlan | undefined) {
    this._planDraft = draftOf(plan);
    this._planErrors = [];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#pe-heading ~ fieldset textarea, #pe-add-sign')?.focus());
  }

  #renderPlanEditor() {
    const draft = this._planDraft!;
    return renderEditor({
      draft,
      checks: checksInOrder(this.#plan!, this.#checks),
      errors: this._planErrors,
      saving: this._saving,
      set: (next, focusOn) => {
        this._planDraft = next;
        if (focusOn) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(focusOn)?.focus());
      },
      save: (e) => void this.#savePlan(e),
      cancel: () => {
        this._planDraft = undefined;
        this._planErrors = [];
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#plan-edit, #plan-start')?.focus());
      },
    });
  }

  /** Which editor field an SDK issue path belongs to (`signs.2.text` → that sign's text box). */
  #planField(path: string, draft: PlanDraft): string {
    const [head, index, leaf] = path.split('.');
    if (head === 'signs') return draft.signs[Number(index)] ? `sign-${draft.signs[Number(index)]!.id}-${leaf === 'response' ? 'response' : 'text'}` : 'add-sign';
    if (head === 'contacts') return `contact-${index}-${leaf === 'how' ? 'how' : 'who'}`;
    if (head === 'rule') return `rule-${index}`;
    if (head === 'agreedOn') return 'agreed-on';
    if (head === 'reviewOn') return 'review-on';
    return 'add-sign';
  }

  async #savePlan(e: Event) {
    e.preventDefault();
    const draft = this._planDraft;
    const c = this.#client;
    if (!draft || this._saving) return;
    const changes = changesOf(draft, this.#plan ? checksInOrder(this.#plan, this.#checks) : []);
    const plan = this.#plan;
    const issues = inputIssues('warningSignPlanUpdate', changes);
    if (!draft.signs.length) issues.push({ path: 'signs', code: 'required', message: 'Add at least one sign' });
    if (issues.length) {
      const seen = new Set<string>();
      this._planErrors = issues.map((i) => ({ field: this.#planField(i.path, draft), message: i.message })).filter((x) => !seen.has(x.field) && !!seen.add(x.field));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    if (!c) return this.#askToSavePlan(plan, changes);
    if (!(await this.#refuseUnknownPerson(this.#scope.current))) return;
    this._saving = true;
    try {
      if (plan) await c.warningSignPlans.update(plan.id, changes, plan.version);
      else {
        const { agreedBaseline, ...rest } = changes;
        await c.warningSignPlans.create({ serviceUserId: this.serviceUserId, signs: draft.signs, ...rest, ...(agreedBaseline && { agreedBaseline }) } as never);
      }
      this.#leaving.set(false);
      this._planDraft = undefined;
      this._planErrors = [];
      this.view = 'plan';
      await this.#load();
      this._status = 'Warning-sign plan saved';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#plan-heading')?.focus();
    } catch (err) {
      if (isDeviceFull(err)) this.#leaving.set(true);
      this._problem = whyNotSaved(err, {
        what: 'the plan', kept: 'Your changes are still here',
        conflict: 'Not saved: someone else changed the plan meanwhile. Your changes are still here; the plan has been reloaded: check it, then save again.',
      });
      await this.#load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.problem')?.focus();
    } finally {
      this._saving = false;
    }
  }

  /** Controlled mode: the host saves the plan. Not cancelled, the plan view comes back; cancelled, the editor stays as typed. */
  async #askToSavePlan(plan: WarningSignPlan | undefined, changes: WarningSignPlanUpdate) {
    const serviceUserId = plan?.serviceUserId ?? this.serviceUserId;
    const detail: SignPlanSaveDetail = plan ? { planId: plan.id, expectedVersion: plan.version, serviceUserId, changes } : { serviceUserId, changes };
    if (!this.dispatchEvent(new CustomEvent('str-sign-plan-save', { detail, bubbles: true, composed: true, cancelable: true }))) return;
    this._planDraft = undefined;
    this._planErrors = [];
    this.view = 'plan';
    this._status = 'Warning-sign plan sent to the record system';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#plan-heading, #plan-start')?.focus();
  }

  #renderOutbox(plan: WarningSignPlan) {
    if (!this._pendingAlerts.length) return nothing;
    return html`<section class="outbox problem" role="alert" tabindex="-1" aria-labelledby="outbox-heading">
      <h3 id="outbox-heading">${this._pendingAlerts.length === 1 ? 'An alert has not been sent yet' : `${this._pendingAlerts.length} alerts have not been sent yet`}</h3>
      ${this._pendingAlerts.map((p) => html`<div class="pending">
        <p class="sign-text">${p.alert.reason}</p>
        <p class="hint">Confirmed ${formatNhsDate(p.savedAt)} at ${londonTime(Date.parse(p.savedAt))}. It is kept on this device and stays here until it is sent.</p>
        <button type="button" class="primary" ?disabled=${this._saving} @click=${() => void this.#send(p)}>Try sending the alert again</button>
      </div>`)}
      ${plan.contacts.length ? html`<p>If it will not send, contact them directly:</p><ul>${plan.contacts.map((x) => html`<li><span class="sign-text" dir="auto">${x.who}</span>: <span class="response" dir="auto">${x.how}</span></li>`)}</ul>` : nothing}
    </section>`;
  }

  /** Controlled mode: the alerts given, as the alerts view shows them (oldest open first; acknowledged this week). */
  #givenAlerts(): { open: AlertRow[]; done: AlertRow[] } {
    const weekAgo = this.clock.now().getTime() - 7 * 86_400_000;
    const row = (alert: Alert): AlertRow => ({
      alert, person: this.people[alert.serviceUserId] ?? 'A person (name not given)', contacts: this.plan?.serviceUserId === alert.serviceUserId ? this.plan.contacts : [],
    });
    const open = this.alerts.filter((a) => a.status === 'open').sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt)).map(row);
    const done = this.alerts.filter((a) => a.status === 'acknowledged' && a.acknowledged && Date.parse(a.acknowledged.at) >= weekAgo).map(row);
    return { open, done };
  }

  #renderAlerts() {
    const given = this.#client ? undefined : this.#givenAlerts();
    const rows = given ? given.open : this._alerts;
    const acknowledged = given ? given.done : this._acknowledged;
    const canAck = !this.readonly && (!this.#client || this.#client.can('alert.acknowledge'));
    const now = this.clock.now().getTime();
    return html`<section part="alerts" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading" tabindex="-1">Open alerts</h2>
      ${!rows ? html`<p class="status" role="status">Loading the alerts…</p>` : rows.length === 0 ? html`<p>No open alerts.</p>` : nothing}
      <ul class="alert-list">${(rows ?? []).map((row) => {
        const a = row.alert;
        const hours = (now - Date.parse(a.raisedAt)) / 3_600_000;
        const overdue = hours > this.alertOverdueHours;
        const err = this._ackError?.id === a.id ? this._ackError.message : undefined;
        return html`<li class="alert ${overdue ? 'overdue' : ''}">
          <h3>${row.person}</h3>
          ${overdue ? html`<p class="flag"><strong>Overdue:</strong> open for ${Math.floor(hours)} hours, more than ${this.alertOverdueHours}.</p>` : nothing}
          <p class="hint">Raised <time datetime=${a.raisedAt}>${formatNhsDate(a.raisedAt)} at ${londonTime(Date.parse(a.raisedAt))}</time> by ${this._names.get(a.raisedBy) ?? a.raisedBy}</p>
          <p class="sign-text">${a.reason}</p>
          ${a.note ? html`<p>Note: <span class="sign-text" dir="auto">${a.note}</span></p>` : nothing}
          ${overdue && row.contacts.length ? html`<p>Crisis contacts:</p><ul>${row.contacts.map((x) => html`<li><span class="sign-text" dir="auto">${x.who}</span>: <span class="response" dir="auto">${x.how}</span></li>`)}</ul>` : nothing}
          ${canAck
            ? html`<div class="field-group ${err ? 'invalid' : ''}">
                <label class="field" for="ack-${a.id}">What was done</label>
                ${err ? html`<span class="error-message" id="ack-${a.id}-error"><span class="visually-hidden">Error:</span> ${err}</span>` : nothing}
                <textarea id="ack-${a.id}" rows="2" aria-invalid=${err ? 'true' : 'false'} aria-describedby=${err ? `ack-${a.id}-error` : nothing}
                  .value=${live(this._ackText[a.id] ?? '')} @input=${(e: Event) => (this._ackText = { ...this._ackText, [a.id]: (e.target as HTMLTextAreaElement).value })}></textarea>
              </div>
              <button type="button" class="primary" ?disabled=${this._saving} @click=${() => void this.#acknowledge(row)}>Acknowledge<span class="visually-hidden"> the alert for ${row.person}</span></button>`
            : nothing}
        </li>`;
      })}</ul>
      ${acknowledged.length
        ? html`<h2>Acknowledged in the last 7 days</h2>
          <ul class="alert-list">${acknowledged.map(({ alert: a, person }) => html`<li class="alert done">
            <h3>${person}</h3>
            <p class="sign-text">${a.reason}</p>
            <p>Acknowledged <time datetime=${a.acknowledged!.at}>${formatNhsDate(a.acknowledged!.at)} at ${londonTime(Date.parse(a.acknowledged!.at))}</time> by ${this._names.get(a.acknowledged!.by) ?? a.acknowledged!.by}: <span class="response" dir="auto">${a.acknowledged!.action}</span></p>
          </li>`)}</ul>`
        : nothing}
    </section>`;
  }

  #renderSigns(plan: WarningSignPlan) {
    return html`<section part="check" aria-labelledby="signs-heading"><h2 id="signs-heading">Early warning signs</h2>
      ${SIGN_STAGES.map((st) => {
        const signs = plan.signs.filter((s) => s.stage === st.code);
        return signs.length ? html`<h3>${st.label}</h3><ul class="sign-list">${signs.map((s) => html`<li><span class="sign-text" dir="auto">${s.text}</span><span class="hint">Agreed response: <span class="response" dir="auto">${s.response}</span></span></li>`)}</ul>` : nothing;
      })}</section>`;
  }

  #renderCheck(plan: WarningSignPlan) {
    const disabled = this.#isDisabled || this._saving;
    const unrated = this._showErrors ? plan.signs.filter((s) => this._ratings[s.id] === undefined) : [];
    const rated = plan.signs.length - plan.signs.filter((s) => this._ratings[s.id] === undefined).length;
    return html`<form part="check" novalidate @submit=${(e: Event) => void this.#save(e)} aria-labelledby="check-heading">
      <h2 id="check-heading">Check the early warning signs</h2>
      <p class="hint">Agreed with the person${plan.agreedOn ? ` on ${formatNhsDate(plan.agreedOn)}` : ''}. Rate each sign for the last week: 0 not noticed, 1 a little, 2 quite a lot, 3 a lot, or “Not asked”. ${rated} of ${plan.signs.length} rated.</p>
      ${unrated.length
        ? html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-title">
            <h3 id="error-title">There is a problem</h3>
            <ul>${unrated.slice(0, 10).map((s) => html`<li><a href="#s-${s.id}" @click=${(e: Event) => { e.preventDefault(); this.renderRoot.querySelector<HTMLInputElement>(`input[name="r-${s.id}"]`)?.focus(); }}>${MESSAGES.rateSign(s.text)}</a></li>`)}
              ${unrated.length > 10 ? html`<li>and ${unrated.length - 10} more signs</li>` : nothing}</ul>
          </div>`
        : nothing}
      <fieldset class="all" ?disabled=${disabled}>
        <legend class="visually-hidden">Ratings</legend>
        <button type="button" class="secondary" @click=${() => this.#noneNoticed()}>None noticed: set every sign to 0</button>
        ${SIGN_STAGES.map((st) => {
          const signs = this.#byStage(plan)[st.code];
          return signs.length
            ? html`<fieldset part="stage" class="stage"><legend><h3>${st.label}</h3></legend>
                ${this.#chunks(plan)[st.code].map((chunk) => this.#renderChunk(chunk))}
              </fieldset>`
            : nothing;
        })}
        ${guard([this._details.functioning, this.#epoch], () => this.#renderFunctioning())}
        <div class="field-group">
          <label class="field" for="observations">Mental-state observations</label>
          <span class="hint" id="observations-hint">What you saw and heard, in plain words</span>
          <textarea id="observations" rows="3" aria-describedby="observations-hint" .value=${live(this._details.observations)} @input=${(e: Event) => this.#setDetail('observations', (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <div class="field-group">
          <label class="field" for="persons-view">The person’s own view, in their words</label>
          <textarea id="persons-view" rows="3" .value=${live(this._details.personsView)} @input=${(e: Event) => this.#setDetail('personsView', (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <label class="choice"><input type="checkbox" .checked=${live(this._details.markedWell)} @change=${(e: Event) => this.#setDetail('markedWell', (e.target as HTMLInputElement).checked)} />The person is well today (the co-ordinator may use this check for the agreed baseline)</label>
        <div class="actions"><button type="submit" class="primary" ?disabled=${disabled}>Save check</button></div>
      </fieldset>
    </form>`;
  }

  #stages?: { plan: WarningSignPlan; groups: Record<WarningSign['stage'], WarningSign[]>; chunks: Record<WarningSign['stage'], WarningSign[][]> };
  #byStage(plan: WarningSignPlan): Record<WarningSign['stage'], WarningSign[]> {
    return this.#grouped(plan).groups;
  }
  /** Each stage's signs in runs of 25, so one rating changed re-renders one run, not every sign (a plan may hold 300). */
  #chunks(plan: WarningSignPlan): Record<WarningSign['stage'], WarningSign[][]> {
    return this.#grouped(plan).chunks;
  }
  #grouped(plan: WarningSignPlan) {
    if (this.#stages?.plan !== plan) {
      const groups: Record<WarningSign['stage'], WarningSign[]> = { early: [], middle: [], late: [] };
      for (const s of plan.signs) groups[s.stage].push(s);
      const runs = (xs: WarningSign[]) => Array.from({ length: Math.ceil(xs.length / 25) }, (_, i) => xs.slice(i * 25, i * 25 + 25));
      this.#stages = { plan, groups, chunks: { early: runs(groups.early), middle: runs(groups.middle), late: runs(groups.late) } };
    }
    return this.#stages;
  }

  #renderChunk(chunk: readonly WarningSign[]) {
    // What the run shows: each sign's rating, and whether its error is showing.
    let shown = '';
    for (const s of chunk) shown += `${this._ratings[s.id] ?? '-'}${this._showErrors && this._ratings[s.id] === undefined ? '!' : ''},`;
    return guard([chunk, shown, this.#epoch], () => repeat(chunk, (s) => s.id, (s) => this.#renderSign(s)));
  }

  #renderSign(s: WarningSign) {
    const value = this._ratings[s.id];
    const invalid = this._showErrors && value === undefined;
    const options: { value: SignRating; label: string }[] = [...RATINGS.map((r) => ({ value: r.code as SignRating, label: `${r.code} ${r.label}` })), { value: NOT_ASKED, label: 'Not asked' }];
    return html`<fieldset part="sign" class="sign ${invalid ? 'invalid' : ''}" id="s-${s.id}" aria-describedby=${invalid ? `s-${s.id}-error` : nothing}>
      <legend class="sign-text" dir="auto">${s.text}</legend>
      ${invalid ? html`<span class="error-message" id="s-${s.id}-error"><span class="visually-hidden">Error:</span> ${MESSAGES.rateSign(s.text)}</span>` : nothing}
      <div class="ratings">
        ${options.map((o) => html`<label class="choice rating"><input type="radio" name="r-${s.id}" .value=${String(o.value)} .checked=${live(value === o.value)} @change=${() => this.#rate(s, o.value)} />${o.label}</label>`)}
      </div>
    </fieldset>`;
  }

  #renderFunctioning() {
    return html`<fieldset class="functioning"><legend><h3>Day-to-day functioning</h3></legend>
      ${FUNCTIONING_AREAS.map((a) => {
        const f = this._details.functioning[a.code];
        return html`<fieldset class="sign"><legend>${a.label}</legend>
          <div class="ratings">${FUNCTIONING_LEVELS.map((l) => html`<label class="choice rating"><input type="radio" name="f-${a.code}" .checked=${live(f?.level === l.code)} @change=${() => this.#setFunctioning(a.code, { level: l.code })} />${l.label}</label>`)}</div>
          <label class="field small" for="f-${a.code}-note">Note on ${a.label.toLowerCase()} (optional)</label>
          <input class="text" type="text" id="f-${a.code}-note" autocomplete="off" .value=${live(f?.note ?? '')} @input=${(e: Event) => this.#setFunctioning(a.code, { note: (e.target as HTMLInputElement).value })} />
        </fieldset>`;
      })}
    </fieldset>`;
  }

  #renderResult(plan: WarningSignPlan) {
    const r = this._result;
    if (!r) return nothing;
    const { result } = r;
    const responses = responsesFor(plan, result);
    return html`<section part="result" class="result ${result.fires ? 'fires' : ''}" aria-labelledby="result-heading">
      <h3 id="result-heading" tabindex="-1">${result.fires ? 'This check meets the alert rule' : 'Check saved: the alert rule is not met'}</h3>
      <p>Total ${result.total}${result.baseline.source !== 'none' ? `; baseline ${result.baseline.value}` : ''}.${result.note ? ` ${result.note}.` : ''}</p>
      ${result.fires
        ? html`<h4>Why</h4><ul>${result.reasons.map((x) => html`<li>${x.text}</li>`)}</ul>
          ${responses.length ? html`<h4>What was agreed</h4><ul>${responses.map((x) => html`<li><span class="sign-text" dir="auto">${x.sign}</span>: <span class="response" dir="auto">${x.response}</span></li>`)}</ul>` : nothing}
          ${plan.contacts.length ? html`<h4>Who to contact</h4><ul>${plan.contacts.map((x) => html`<li><span class="sign-text" dir="auto">${x.who}</span>: <span class="response" dir="auto">${x.how}</span></li>`)}</ul>` : nothing}
          ${this.#client?.can('alert.raise') !== false && !this.readonly
            ? html`<div class="field-group ${this._alertNoteError ? 'invalid' : ''}"><label class="field" for="alert-note">Note for the care co-ordinator (optional)</label>
                <span class="hint" id="alert-note-hint">Up to ${ALERT_NOTE_MAX.toLocaleString('en-GB')} characters</span>
                ${this._alertNoteError ? html`<span class="error-message" id="alert-note-error" role="alert"><span class="visually-hidden">Error:</span> ${this._alertNoteError}</span>` : nothing}
                <textarea id="alert-note" rows="2" aria-invalid=${this._alertNoteError ? 'true' : 'false'} aria-describedby=${this._alertNoteError ? 'alert-note-hint alert-note-error' : 'alert-note-hint'}
                  .value=${live(this._alertNote)} @input=${(e: Event) => {
                    this._alertNote = (e.target as HTMLTextAreaElement).value;
                    this._alertNoteError = '';
                  }}></textarea></div>
                ${r.alertId && this._unownedAlerts.has(r.alertId)
                  ? html`<div class="problem" role="alert" part="unowned">
                      <h4>Nobody will receive this alert</h4>
                      <p>The alert is recorded, but this person has no care co-ordinator, care team or team lead set, so no one is told. Contact someone now.</p>
                      ${plan.contacts.length ? html`<p>Crisis contacts:</p><ul>${plan.contacts.map((x) => html`<li><span class="sign-text" dir="auto">${x.who}</span>: <span class="response" dir="auto">${x.how}</span></li>`)}</ul>` : html`<p>No crisis contacts are recorded on the plan: ask your team lead or the duty worker.</p>`}
                    </div>`
                  : r.alertId && this._sentAlerts.has(r.alertId)
                  ? html`<p><strong>Alert sent to the care co-ordinator.</strong></p>`
                  : html`<button type="button" class="primary" ?disabled=${this._saving || this._pendingAlerts.some((p) => p.alert.id === r.alertId)} @click=${() => void this.#raiseAlert()}>Send an alert to the care co-ordinator</button>`}`
            : nothing}`
        : nothing}
    </section>`;
  }

  #renderTrend(plan: WarningSignPlan) {
    const checks = checksInOrder(plan, this.#checks);
    const baseline = baselineOf(plan, checks);
    const totals = checks.map((c) => ({ c, total: checkTotal(plan, c), fires: evaluateRule(plan, c, this.#checks).fires }));
    const recent = checks.slice(-5);
    return html`<section part="trend" aria-labelledby="trend-heading">
      <h2 id="trend-heading">Trend</h2>
      <p>${baseline.source === 'agreed' ? `Agreed baseline: ${baseline.value}.` : baseline.source === 'first-checks' ? `Baseline: ${baseline.value} (the median of the first three checks after the plan was agreed).` : `${baseline.why}.`}
        ${checks.length} ${checks.length === 1 ? 'check' : 'checks'}.</p>
      ${totals.length ? this.#chart(totals, baseline.source === 'none' ? undefined : baseline.value, plan.signs.length * 3) : html`<p>No checks yet.</p>`}
      ${totals.length
        ? html`<table class="trend-table">
            <caption>Total score at each check</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Total</th><th scope="col">Against the baseline</th><th scope="col">Alert rule</th></tr></thead>
            <tbody>${totals.map(({ c, total, fires }) => html`<tr><th scope="row"><time datetime=${c.at}>${formatNhsDate(c.at)}</time></th><td>${total}</td>
              <td>${baseline.source === 'none' ? '—' : total - baseline.value > 0 ? `${total - baseline.value} above` : total - baseline.value < 0 ? `${baseline.value - total} below` : 'the same'}</td><td>${fires ? 'Met' : 'Not met'}</td></tr>`)}</tbody>
          </table>`
        : nothing}
      ${recent.length
        ? html`<table class="trend-table">
            <caption>Each sign at the last ${recent.length} ${recent.length === 1 ? 'check' : 'checks'}</caption>
            <thead><tr><th scope="col">Sign</th>${recent.map((c) => html`<th scope="col"><time datetime=${c.at}>${formatNhsDate(c.at)}</time></th>`)}</tr></thead>
            <tbody>${plan.signs.map((s) => html`<tr><th scope="row" class="sign-text" dir="auto">${s.text}</th>${recent.map((c) => {
              const r = c.ratings[s.id];
              return html`<td>${typeof r === 'number' ? `${r} ${ratingLabel(r)}` : ratingLabel(r)}</td>`;
            })}</tr>`)}</tbody>
          </table>`
        : nothing}
    </section>`;
  }

  /** Totals over time against the baseline. The tables below carry the same figures for assistive technology. */
  #chart(points: readonly { c: SignCheck; total: number; fires: boolean }[], baseline: number | undefined, max: number) {
    const W = 600, H = 200, pad = 24;
    const top = Math.max(3, ...points.map((p) => p.total), baseline ?? 0);
    const yMax = Math.min(max || top, Math.ceil(top * 1.2));
    const x = (i: number) => pad + (points.length === 1 ? (W - 2 * pad) / 2 : (i * (W - 2 * pad)) / (points.length - 1));
    const y = (v: number) => H - pad - (v / yMax) * (H - 2 * pad);
    const first = points[0]!, last = points[points.length - 1]!;
    const label = `Total score from ${formatNhsDate(first.c.at)} (${first.total}) to ${formatNhsDate(last.c.at)} (${last.total})${baseline !== undefined ? `, against a baseline of ${baseline}` : ''}. The table below gives every check.`;
    return html`<figure class="chart">
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${label} preserveAspectRatio="none">
        ${svg`<line class="axis" x1=${pad} y1=${H - pad} x2=${W - pad} y2=${H - pad}></line>`}
        ${baseline !== undefined ? svg`<line class="baseline" x1=${pad} y1=${y(baseline)} x2=${W - pad} y2=${y(baseline)}></line>` : nothing}
        ${svg`<polyline class="line" points=${points.map((p, i) => `${x(i)},${y(p.total)}`).join(' ')}></polyline>`}
        ${points.map((p, i) => (p.fires ? svg`<rect class="fired" x=${x(i) - 4} y=${y(p.total) - 4} width="8" height="8"></rect>` : svg`<circle class="point" cx=${x(i)} cy=${y(p.total)} r="3"></circle>`))}
      </svg>
      <figcaption class="hint">Line: total score at each check. ${baseline !== undefined ? 'Dashed line: the baseline. ' : ''}Squares: checks that met the alert rule.</figcaption>
    </figure>`;
  }
}
