import {
  NOT_ASKED, evaluateRule, systemClock, toLondonIso,
  type Clock, type FunctioningArea, type FunctioningLevel, type RuleResult, type SignCheck, type SignCheckInput, type SignRating, type WarningSign, type WarningSignPlan,
} from '@strkit/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PersonElement } from '../internal/connected.js';
import type { Scope } from '../internal/person-scope.js';
import { DraftTimer } from '../internal/draft-timer.js';
import { LeaveGuard } from '../internal/leave-guard.js';
import { isDeviceFull, whyNotSaved } from '../internal/error-words.js';
import { notifyRecord, requestIntent } from '../internal/events.js';
import { unreadableNotice } from '../internal/unreadable-notice.js';
import { controls } from '../internal/controls.styles.js';
import { focus } from '../internal/focus.styles.js';
import { tokens } from '../internal/tokens.styles.js';
import type { CheckSaveDetail, CheckSavedDetail } from './relapse-signs.events.js';
import { LocaleController } from '../l10n/controller.js';
import { RULE_MESSAGES } from '../l10n/rules.messages.js';
import { BLANK_DETAILS, layoutOf, renderCheckForm, renderSigns, type CheckDetails, type CheckFormView, type SignRatings } from './check-form.render.js';
import { CheckResult } from './check-result.controller.js';
import { RelapseRecords, renderGate, type Said } from './relapse-records.js';
import { RELAPSE_CHECK_WORDS } from './relapse-check.messages.js';
import { styles } from './relapse-signs.styles.js';

export type { CheckDetails, SignRatings } from './check-form.render.js';

const newId = () => crypto.randomUUID();
const draftKeyOf = (serviceUserId: string) => `relapse-signs:check:${serviceUserId}`;
type CheckDraft = { ratings: SignRatings; details: CheckDetails; pendingId: string; planId: string };

/**
 * @tagname str-relapse-check
 * @summary A rated check of the person's own early warning signs (relapse signature: early, middle and late), against
 * their own baseline: the form control of the relapse elements.
 *
 * It owns its `value` (a rating per sign) like a native input, joins a host `<form>` through `ElementInternals`
 * (value, validity, reset, disabled fieldset) and fires `change`. Connected (default): finds a client through
 * `<str-provider>` or `.client`, loads the person's plan and checks, saves the check, keeps a draft on the device, and
 * when a saved check meets the plan's alert rule shows the reason and the agreed responses and offers to alert the care
 * co-ordinator. Controlled (no client): shows `.plan` and `.checks`, never changes them, and fires one cancelable
 * intent for each action (save the check, send an alert). A role that may not record a check reads the signs.
 *
 * @fires change - The worker changed a rating (as native inputs do).
 * @fires str-check-save - Controlled mode: the worker asked to save the check. Cancelable. Detail: CheckSaveDetail.
 * @fires str-check-saved - Connected mode: the check was stored. Detail: CheckSavedDetail (a RecordNotice and whether the rule fired).
 * @fires str-alert-raise - Controlled mode: the worker asked to alert the care co-ordinator. Cancelable. Detail: AlertRaiseDetail.
 * @fires str-alert-raised - Connected mode: the alert was stored. Detail: AlertRaisedDetail (a RecordNotice and the check id).
 * @csspart check - The check form.
 * @csspart stage - One stage's group of signs.
 * @csspart sign - One sign's rating group.
 * @csspart result - What the saved check means: the rule's reasons and the agreed responses.
 * @cssprop --str-relapse-signs-gap - Space between signs (default 16px).
 * @cssstate user-invalid - Shown errors: a rating is missing after the worker interacted or tried to submit.
 */
export class StrRelapseCheck extends PersonElement {
  static override styles = [tokens, focus, controls, styles];
  static formAssociated = true;
  /** Controlled mode: the plan and its checks. Never changed by the element. */
  @property({ attribute: false }) plan?: WarningSignPlan;
  /** Controlled mode: the person's checks (every plan's). */
  @property({ attribute: false }) checks: readonly SignCheck[] = [];
  /** Form name: the ratings are submitted as `<name>.<signId>`. */
  @property({ reflect: true }) name = '';
  /** Every sign must be rated (or marked "not asked") for the form to submit. */
  @property({ type: Boolean, reflect: true }) required = false;
  /** The element's own disabled state (a disabled `<fieldset>` around it also disables it). */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Shows the signs without a check form; also what a viewer gets. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** The clock "now" is judged by (tests and demos pass a fixed one). */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** The ratings as they are now: a fresh object per replacement (never one a caller holds); a click sets its sign in place. */
  @state() private _ratings: Record<string, SignRating> = {};
  /** What `value` last handed out: a copy, so a click never changes an object a caller or a draft holds. */
  #snapshot?: SignRatings;
  @state() private _details: CheckDetails = BLANK_DETAILS;
  @state() private _showErrors = false;
  @state() protected _status: Said = '';
  @state() protected _problem: Said = '';
  @state() private _saving = false;
  @state() private _inheritedDisabled = false;

  #internals: ElementInternals;
  protected static readonly words = RELAPSE_CHECK_WORDS; // its catalogues; <str-relapse-signs> adds the others'
  /** Every word shown, in the locale of the nearest <str-provider> or the page (docs/i18n/README.md). */
  protected readonly l = new LocaleController(this, (this.constructor as typeof StrRelapseCheck).words);
  /** The rule's reasons and notes, from the SDK's codes (l10n/rules.ts). */
  protected readonly ruleWords = new LocaleController(this, RULE_MESSAGES);
  /** The locale the validity message was last set in. */
  #validLang = '';
  #pendingId: string = newId();
  /** The person's plan and checks, loaded or given. */
  protected readonly records = new RelapseRecords(this, {
    client: () => this.currentClient,
    changed: (next, previous) => this.scopeChanged(next, previous),
    loaded: async (scope) => {
      this.#sync();
      await this.result.loadOutbox(scope);
    },
    restored: () => this.#restoreDraft(),
  });
  /** The browser asks before leaving while a check or plan could not be stored for lack of space. */
  protected readonly leaving = new LeaveGuard(this);
  /** The 400 ms pause before what is typed is kept as a draft (internal/draft-timer.ts). */
  #draftTimer = new DraftTimer(this);
  /** What the last saved check means, and the alert it may send. */
  protected readonly result = new CheckResult(this, {
    client: () => this.currentClient,
    scope: this.records.scope,
    clock: () => this.clock,
    l: this.l,
    rules: this.ruleWords,
    mayRaise: () => this.currentClient?.can('alert.raise') !== false && !this.readonly,
    say: (s) => (this._status = s),
  });
  #touched = false;
  /** Bumped to re-render every sign (see #replace). */
  #epoch = 0;
  /** The form value as submitted, kept entry by entry as a rating is clicked (rebuilt only by #sync). */
  #data = new FormData();
  /** How many of the plan's signs have no rating, and the first of them (where validity points). */
  #unrated = 0;
  #firstUnrated = 0;
  /** Per run of signs (check-form.render.ts): bumped when one of its signs is rated, so only that run is re-checked. */
  #ticks: number[] = [];
  /** The form's view of this element: one object, so templates kept by `guard` keep calling the element. */
  readonly #view: CheckFormView;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.addEventListener('invalid', () => this.#showUserInvalid());
    this.#view = this.#formView();
  }

  protected get canCheck(): boolean {
    const c = this.currentClient;
    return !this.readonly && (!c || c.can('sign-check.record'));
  }

  // ————— the form-control surface (as a native input has it) —————

  /** The ratings: sign id → 0–3 or "not-asked". Replace it, never mutate it. */
  get value(): SignRatings {
    return (this.#snapshot ??= { ...this._ratings });
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
    if (!(state instanceof FormData)) return;
    const prefix = `${this.name}.`;
    const ratings: Record<string, SignRating> = {};
    for (const [k, v] of state.entries()) {
      if (!k.startsWith(prefix) || typeof v !== 'string') continue;
      ratings[k.slice(prefix.length)] = v === NOT_ASKED ? NOT_ASKED : (Number(v) as SignRating);
    }
    this.#replace(ratings);
    this.#sync();
  }

  /**
   * Form value (`<name>.<signId>` = rating) and validity worked out afresh: for a new plan, name or required, and when
   * the ratings are replaced at once. A single rating clicked updates them in step instead (#rateSync).
   */
  #sync() {
    const plan = this.records.plan;
    this.#data = new FormData();
    for (const [signId, rating] of Object.entries(this._ratings)) this.#data.append(this.#key(signId), String(rating));
    this.#internals.setFormValue(this.#data);
    this.#unrated = plan ? plan.signs.filter((s) => this._ratings[s.id] === undefined).length : 0;
    this.#firstUnrated = 0;
    this.#validate(true);
  }

  #key(signId: string): string {
    return this.name ? `${this.name}.${signId}` : signId;
  }

  /** One sign rated by a click: its form entry, the count of unrated signs, and validity only if its anchor moved. */
  #rateSync(signId: string, was: SignRating | undefined, rating: SignRating) {
    this.#data.set(this.#key(signId), String(rating));
    this.#internals.setFormValue(this.#data);
    const plan = this.records.plan;
    const where = plan && layoutOf(plan).where.get(signId);
    if (!where) return;
    this.#ticks[where.run] = (this.#ticks[where.run] ?? 0) + 1;
    if (was === undefined) this.#unrated--;
    this.#validate(false);
  }

  /** Valid unless required with a sign unrated; the message points at the first unrated sign's first radio. */
  #validate(force: boolean) {
    const signs = this.records.plan?.signs ?? [];
    if (!this.required || this.#unrated === 0) return this.#internals.setValidity({});
    // Ratings only ever fill in between full syncs, so the first unrated sign only moves forward: amortised O(1).
    let i = this.#firstUnrated;
    while (i < signs.length && this._ratings[signs[i]!.id] !== undefined) i++;
    if (i === this.#firstUnrated && !force) return; // the same anchor: validity is as it was
    this.#firstUnrated = i;
    const anchor = signs[i];
    if (!anchor) return this.#internals.setValidity({});
    const input = (this.renderRoot as ShadowRoot | undefined)?.getElementById?.(`s-${anchor.id}`)?.querySelector('input');
    this.#validLang = this.l.lang;
    this.#internals.setValidity({ valueMissing: true }, this.l.t('rate-each-sign'), input ?? undefined);
  }

  /**
   * Replaces the ratings from outside a click: every sign is drawn again, so `live()` also puts back any radio a
   * click moved since the last render.
   */
  #replace(ratings: Record<string, SignRating>) {
    this.#epoch++;
    this.#snapshot = undefined;
    this._ratings = ratings;
  }

  #showUserInvalid() {
    this._showErrors = true;
    this.#internals.states.add('user-invalid');
  }

  // ————— scope, loading and drafts —————

  /**
   * The person, client or actor changed (or the element left the page). A check in progress is kept as the previous
   * person's draft, under the actor who typed it and through their own client (which refuses once signed out), so a
   * new sign-in never inherits it; then nothing of theirs stays on screen.
   */
  protected scopeChanged(_next: Scope | undefined, previous: Scope | undefined): (() => void) | void {
    if (previous) void this.#flushDraft(previous);
    this.#draftTimer.cancel();
    this.leaving.set(false);
    this.#clearForm();
    this._status = '';
    this._problem = '';
    this.result.clear();
    this.#sync();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('plan') || changed.has('required') || changed.has('name')) this.#sync();
    else if (this.#validLang && this.#validLang !== this.l.lang) this.#validate(true); // the message in the new language
  }

  protected override firstUpdated(): void {
    this.#sync();
  }

  /** Resolves when the plan is loaded and drawn (tests and hosts that wait for it). */
  whenLoaded(): Promise<void> {
    return this.records.loads.whenLoaded();
  }

  async #restoreDraft() {
    const scope = this.records.scope.current;
    if (!scope?.serviceUserId || !this.canCheck) return;
    try {
      const loaded = await this.records.scope.load(scope, ({ client, serviceUserId }) => client.drafts.load<CheckDraft>(draftKeyOf(serviceUserId)));
      const d = loaded?.value;
      const plan = this.records.plan;
      if (!d?.value || !plan || d.value.planId !== plan.id) return;
      const known = new Set(plan.signs.map((s) => s.id));
      this.#replace(Object.fromEntries(Object.entries(d.value.ratings ?? {}).filter(([k]) => known.has(k))));
      this._details = { ...BLANK_DETAILS, ...d.value.details };
      this.#pendingId = d.value.pendingId || newId();
      this._status = () => this.l.t('restored', { date: this.l.date(d.savedAt), time: this.l.time(Date.parse(d.savedAt)) });
      this.#sync();
    } catch {
      // Nothing to restore.
    }
  }

  /** Keeps the check in progress as the draft of the scope's actor and person (by default, the ones shown now). */
  async #flushDraft(scope: Scope | undefined = this.records.scope.current) {
    this.#draftTimer.cancel();
    const c = scope?.client;
    const plan = this.records.plan;
    if (!c || !plan || !this.#touched || plan.serviceUserId !== scope.serviceUserId) return;
    const draft: CheckDraft = { ratings: this.value, details: this._details, pendingId: this.#pendingId, planId: plan.id };
    await c.drafts.save(draftKeyOf(scope.serviceUserId), draft).catch(() => undefined); // still on screen; the next change tries again
  }

  // ————— editing —————

  #formView(): CheckFormView {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the view reads the element's state when it is drawn
    const el = this;
    return {
      get ratings() { return el._ratings; },
      get details() { return el._details; },
      get showErrors() { return el._showErrors; },
      get epoch() { return el.#epoch; },
      get rated() { return (el.records.plan?.signs.length ?? 0) - el.#unrated; },
      tick: (run) => this.#ticks[run] ?? 0,
      get disabled() { return el.disabled || el._inheritedDisabled || el._saving; },
      get root() { return el.renderRoot; },
      l: this.l,
      rate: (sign, rating) => this.#rate(sign, rating),
      noneNoticed: () => this.#noneNoticed(),
      setDetail: (key, value) => this.#setDetail(key, value),
      setFunctioning: (area, part) => this.#setFunctioning(area, part),
      save: (e) => void this.#save(e),
    };
  }

  #rate(sign: WarningSign, rating: SignRating) {
    const was = this._ratings[sign.id];
    // In place, not a copy of every rating per click (issue 18: work in proportion to the click, ADR 0022).
    this._ratings[sign.id] = rating;
    this.#snapshot = undefined;
    this.requestUpdate();
    this.#rateSync(sign.id, was, rating);
    this.#changed(false);
  }

  #noneNoticed() {
    const plan = this.records.plan;
    if (!plan) return;
    this.#replace(Object.fromEntries(plan.signs.map((s) => [s.id, 0 as SignRating])));
    this._status = () => this.l.t('all-set-zero', { count: plan.signs.length });
    this.#changed();
  }

  /** After the ratings changed; `full` when they were replaced at once (one click keeps the form value in step itself). */
  #changed(full = true) {
    this.#touched = true;
    this.result.hide();
    if (full) this.#sync();
    if (this._showErrors && this.checkValidity()) {
      this._showErrors = false;
      this.#internals.states.delete('user-invalid');
    }
    this.dispatchEvent(new Event('change', { bubbles: true }));
    this.#draftTimer.schedule(() => void this.#flushDraft());
  }

  #setDetail<K extends keyof CheckDetails>(key: K, value: CheckDetails[K]) {
    this._details = { ...this._details, [key]: value };
    this.#touched = true;
    this.#draftTimer.schedule(() => void this.#flushDraft());
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
      ratings: this.value,
      functioning,
      observations: this._details.observations,
      personsView: this._details.personsView,
      markedWell: this._details.markedWell,
    };
  }

  async #focus(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #save(e: Event) {
    e.preventDefault();
    const plan = this.records.plan;
    if (!plan || this._saving) return;
    if (plan.signs.some((s) => this._ratings[s.id] === undefined)) {
      this.#showUserInvalid();
      return this.#focus('.error-summary');
    }
    const input = this.#input(plan);
    const scope = this.records.scope.current;
    const c = scope?.client;
    if (!c) {
      const detail: CheckSaveDetail = { check: input };
      if (requestIntent(this, 'str-check-save', detail)) this.#afterSave(plan, { ...input, ...this.#asCheck(plan, input) });
      return;
    }
    if (plan.serviceUserId !== scope.serviceUserId) return; // never: the plan on screen is always the named person's
    if (!(await this.mayWrite(scope))) return;
    this._saving = true;
    this._problem = '';
    this._status = () => this.l.t('saving');
    try {
      const saved = await c.signChecks.create(input);
      this.leaving.set(false);
      await c.drafts.discard(draftKeyOf(plan.serviceUserId)).catch(() => undefined);
      if (!this.records.scope.isCurrent(scope)) return; // the element shows someone else now: leave their screen alone
      await this.records.load();
      const result = this.#afterSave(plan, saved);
      const detail: CheckSavedDetail = { type: 'signCheck', id: saved.id, version: saved.version, serviceUserId: saved.serviceUserId, ruleFired: result.fires };
      notifyRecord(this, 'str-check-saved', detail);
    } catch (err) {
      if (!this.records.scope.isCurrent(scope)) return;
      this._status = '';
      if (isDeviceFull(err)) this.leaving.set(true);
      this._problem = whyNotSaved(err, { what: 'the check', kept: 'Everything you entered is still here' });
      void this.#flushDraft();
      await this.#focus('.problem');
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
    const result = evaluateRule(plan, check, this.records.checks);
    this.result.show(check, result);
    this.#clearForm();
    this.#sync();
    this._status = () => this.l.t(result.fires ? 'saved-fires' : 'saved-not');
    return result;
  }

  /** False, with the refusal on screen and nothing typed cleared, when the store has no such person (issue 15). */
  protected async mayWrite(scope: Scope | undefined = this.records.scope.current): Promise<boolean> {
    if (await this.records.scope.mayWriteFor(scope)) return true;
    if (!this.records.scope.isCurrent(scope)) return false;
    this._problem = () => this.l.t('not-saved-unknown');
    await this.#focus('.problem');
    return false;
  }

  // ————— rendering —————

  protected get problemNotice(): TemplateResult | typeof nothing {
    const p = this._problem;
    return p ? html`<div class="problem" role="alert" tabindex="-1"><p>${typeof p === 'function' ? p() : p}</p></div>` : nothing;
  }

  protected get statusRegion(): TemplateResult {
    const s = this._status;
    return html`<p class="status" role="status" aria-live="polite" tabindex="-1">${typeof s === 'function' ? s() : s}</p>`;
  }

  /** What stands before the plan: failed, no person, loading; undefined when there is a plan (or none) to show. */
  protected renderGate(): TemplateResult | undefined {
    return renderGate(this.records, 'no-person.check', this.l);
  }

  protected get unknownNotice(): TemplateResult | typeof nothing {
    // As internal/person-scope.ts's unknownPersonNotice says it, in a whole sentence of the catalogue.
    return this.currentClient && this.records.scope.person === 'unknown' ? html`<div class="problem no-person" role="alert"><p>${this.l.t('unknown-person.check')}</p></div>` : nothing;
  }

  protected get unreadable(): TemplateResult | typeof nothing {
    return this.currentClient ? unreadableNotice(this.records.unreadable, this.l.unreadable()) : nothing;
  }

  /** The check (or, for a role that may not record one, the signs), with what the last saved check means. */
  protected renderCheck(plan: WarningSignPlan): TemplateResult {
    return html`${this.result.render(plan)}${this.canCheck ? renderCheckForm(this.#view, plan) : renderSigns(this.l, plan)}`;
  }

  override render() {
    const gate = this.renderGate();
    if (gate) return gate;
    const plan = this.records.plan;
    const unknown = this.unknownNotice;
    if (unknown !== nothing && !plan) return html`<div lang=${this.l.lang}>${unknown}${this.statusRegion}<p>${this.l.t('no-plan')}</p></div>`;
    if (!plan) return html`<div lang=${this.l.lang}>${this.unreadable}${this.statusRegion}<p>${this.l.t('no-plan-yet')}</p></div>`;
    return html`<div lang=${this.l.lang}>${this.problemNotice}${unknown}${this.unreadable}${this.result.renderOutbox(plan)}${this.statusRegion}${this.renderCheck(plan)}</div>`;
  }
}
