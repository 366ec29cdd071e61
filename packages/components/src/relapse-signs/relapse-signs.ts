import type { Alert, WarningSignPlan } from '@strkit/sdk';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Scope } from '../internal/person-scope.js';
import { focusIfLost } from '../internal/focus-after.js';
import { AlertInbox } from './alert-inbox.controller.js';
import { PlanEdit } from './plan-edit.controller.js';
import { StrRelapseCheck } from './relapse-check.js';
import { renderTrend, trendStyles } from './relapse-trend.render.js';
import { RELAPSE_SIGNS_WORDS, type RelapseSignsWords } from './relapse-signs.messages.js';

export type { CheckDetails, SignRatings } from './check-form.render.js';

/**
 * @tagname str-relapse-signs
 * @summary The person's own early warning signs in one element: the check, the trend, the plan and the open alerts,
 * one view at a time. The thin composition of `<str-relapse-check>`, `<str-relapse-trend>`, `<str-relapse-plan>` and
 * `<str-alert-inbox>` (docs/adr/0011-relapse-elements.md): the check element with a view switch, drawing the other
 * three from the same controllers and render modules they use.
 *
 * The check is a form control: it owns its `value` (a rating per sign) like a native input, joins a host `<form>`
 * through `ElementInternals` and fires `change`. Connected (default): finds a client through `<str-provider>` or
 * `.client`. Controlled (no client): shows `.plan`, `.checks` and `.alerts`, never changes them, and fires one
 * cancelable intent for every action (save the check, send an alert, save the plan, acknowledge an alert).
 *
 * @fires change - The worker changed a rating (as native inputs do).
 * @fires str-check-save - Controlled mode: the worker asked to save the check. Cancelable. Detail: CheckSaveDetail.
 * @fires str-check-saved - Connected mode: the check was stored. Detail: CheckSavedDetail (a RecordNotice and whether the rule fired).
 * @fires str-alert-raise - Controlled mode: the worker asked to alert the care co-ordinator. Cancelable. Detail: AlertRaiseDetail.
 * @fires str-alert-raised - Connected mode: the alert was stored. Detail: AlertRaisedDetail (a RecordNotice and the check id).
 * @fires str-alert-acknowledged - Connected mode: a co-ordinator acknowledged an alert. Detail: AlertAcknowledgedDetail.
 * @fires str-alert-acknowledge - Controlled mode: a co-ordinator acknowledged an alert with what was done. Cancelable. Detail: AlertAcknowledgeDetail.
 * @fires str-sign-plan-save - Controlled mode: the co-ordinator saved the warning-sign plan. Cancelable (the editor stays as typed). Detail: SignPlanSaveDetail.
 * @fires str-sign-plan-saved - Connected mode: the plan was stored. Detail: SignPlanSavedDetail (a RecordNotice).
 * @csspart check - The check form.
 * @csspart stage - One stage's group of signs.
 * @csspart sign - One sign's rating group.
 * @csspart result - What the saved check means: the rule's reasons and the agreed responses.
 * @csspart trend - The trend view.
 * @csspart plan - The plan view.
 * @csspart alerts - The open alerts (`view="alerts"`).
 * @cssprop --str-relapse-signs-gap - Space between signs (default 16px).
 * @cssprop --str-relapse-signs-line-colour - The chart's line (default the NHS link colour).
 * @cssstate user-invalid - Shown errors: a rating is missing after the worker interacted or tried to submit.
 */
export class StrRelapseSigns extends StrRelapseCheck {
  static override styles = [...StrRelapseCheck.styles, trendStyles];
  /** One controller for the check's words and the trend's, plan's, inbox's and view switch's (relapse-check.ts). */
  protected static override readonly words = RELAPSE_SIGNS_WORDS;
  declare protected readonly l: RelapseSignsWords;

  /** Controlled mode: the alerts to show in the alerts view (open ones, and those acknowledged in the last 7 days). */
  @property({ attribute: false }) alerts: readonly Alert[] = [];
  /** Controlled mode: the people's names by STR Kit id, for the alerts view. */
  @property({ attribute: false }) people: Readonly<Record<string, string>> = {};
  /**
   * `check` (rate the signs), `trend` (totals over time against the baseline, and each sign's recent ratings), `plan`
   * (the warning-sign plan; co-ordinators and team leads edit it) or
   * `alerts` (open alerts, for the care co-ordinator to acknowledge; every person's when no `service-user-id` is set).
   */
  @property({ reflect: true }) view: 'check' | 'trend' | 'plan' | 'alerts' = 'check';
  /** An open alert older than this many hours is shown as overdue, with the person's crisis contacts. */
  @property({ type: Number, attribute: 'alert-overdue-hours' }) alertOverdueHours = 24;

  #inbox = new AlertInbox(this, {
    client: () => this.currentClient,
    scope: this.records.scope,
    loads: this.records.loads,
    leaving: this.leaving,
    clock: () => this.clock,
    l: this.l,
    given: () => ({ alerts: this.alerts, people: this.people, ...(this.plan && { contacts: { serviceUserId: this.plan.serviceUserId, contacts: this.plan.contacts } }) }),
    readonly: () => this.readonly,
    overdueHours: () => this.alertOverdueHours,
    say: (s) => (this._status = s),
    problem: (p) => (this._problem = p),
  });

  #planEdit = new PlanEdit(this, {
    client: () => this.currentClient,
    records: this.records,
    leaving: this.leaving,
    l: this.l,
    readonly: () => this.readonly,
    mayWrite: () => this.mayWrite(),
    say: (s) => (this._status = s),
    problem: (p) => (this._problem = p),
    saved: () => (this.view = 'plan'),
  });

  protected override scopeChanged(next: Scope | undefined, previous: Scope | undefined): (() => void) | void {
    super.scopeChanged(next, previous);
    this.#inbox?.clear();
    this.#planEdit?.clear();
    if (next && this.view === 'alerts') void this.records.loads.track(this.#inbox.load());
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A new person, client or actor loads the alerts through scopeChanged; here only a change of view.
    if (this.view === 'alerts' && changed.has('view') && changed.get('view') !== undefined) void this.records.loads.track(this.#inbox.load());
  }

  #renderViews() {
    // A role that may not record a check reads the signs under this button: it is not offered "Check the signs".
    const l = this.l;
    const views = [['check', l.t(this.canCheck ? 'view.check' : 'view.signs')], ['trend', l.t('view.trend')], ['plan', l.t('view.plan')], ['alerts', l.t('view.alerts')]] as const;
    return html`<div class="views" role="group" aria-label=${l.t('views-label')}>
      ${views.map(([v, label]) => html`<button type="button" class="toggle" aria-pressed=${this.view === v ? 'true' : 'false'} @click=${() => this.#show(v)}>${label}</button>`)}
    </div>`;
  }

  /** The Alerts view is drawn anew, so the pressed button is too: focus follows it rather than dropping to the page. */
  #show(view: StrRelapseSigns['view']) {
    this.view = view;
    void focusIfLost(this, 'button.toggle[aria-pressed=true]');
  }

  #renderView(plan: WarningSignPlan) {
    if (this.view === 'trend') return renderTrend({ l: this.l, rules: this.ruleWords }, plan, this.records.checks);
    if (this.view === 'plan') return this.#planEdit.renderView(plan);
    return this.renderCheck(plan);
  }

  override render() {
    const problem = this.problemNotice;
    const status = this.statusRegion;
    const gate = this.renderGate();
    // A failed load is said in every view; no person or still loading, only where a plan is needed.
    if (gate && this.records.connected && this.records.loads.status === 'error' && !this.records.plan) return gate;
    const lang = this.l.lang;
    if (this.view === 'alerts') return html`<div lang=${lang}>${problem}${this.records.person ? this.#renderViews() : nothing}${status}${this.#inbox.render()}</div>`;
    if (gate) return gate;
    const plan = this.records.plan;
    const unknown = this.unknownNotice;
    if (this.#planEdit.editing) return html`<div lang=${lang}>${problem}${unknown}${status}${this.#planEdit.renderEditor()}</div>`;
    if (unknown !== nothing && !plan) return html`<div lang=${lang}>${unknown}${status}<p>${this.l.t('no-plan')}</p></div>`;
    if (!plan) return html`<div lang=${lang}>${this.unreadable}${status}${this.#planEdit.renderNone()}</div>`;
    return html`<div lang=${lang}>${problem}${unknown}${this.unreadable}${this.result.renderOutbox(plan)}${this.#renderViews()}
      ${status}
      ${this.#renderView(plan)}</div>`;
  }
}
