import type { SignCheck, WarningSignPlan } from '@strkit/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PersonElement } from '../internal/connected.js';
import { controls } from '../internal/controls.styles.js';
import { focus } from '../internal/focus.styles.js';
import { LeaveGuard } from '../internal/leave-guard.js';
import { tokens } from '../internal/tokens.styles.js';
import { unreadableNotice } from '../internal/unreadable-notice.js';
import { LocaleController } from '../l10n/controller.js';
import { PlanEdit } from './plan-edit.controller.js';
import type { Said } from './relapse-records.js';
import { RELAPSE_PLAN_WORDS } from './relapse-plan.messages.js';
import { RelapseRecords, renderGate } from './relapse-records.js';
import { styles } from './relapse-signs.styles.js';

/**
 * @tagname str-relapse-plan
 * @summary A person's warning-sign plan (their relapse signature: each sign in their own words with the agreed
 * response, who to contact, when to alert the care co-ordinator, the agreed baseline), and its editor for those whose
 * role may edit it (care co-ordinators and team leads). Everyone else reads it.
 *
 * Connected (default): loads and saves through `<str-provider>` or `.client`. Controlled (no client): shows `.plan`,
 * never changes it, and Save fires one cancelable `str-sign-plan-save`; cancelled, the editor stays as typed.
 *
 * @fires str-sign-plan-save - Controlled mode: the co-ordinator saved the plan. Cancelable. Detail: SignPlanSaveDetail.
 * @fires str-sign-plan-saved - Connected mode: the plan was stored. Detail: SignPlanSavedDetail (a RecordNotice).
 * @csspart plan - The plan view.
 * @csspart plan-editor - The editing form.
 */
export class StrRelapsePlan extends PersonElement {
  static override styles = [tokens, focus, controls, styles];
  /** Controlled mode: the plan. Never changed by the element. */
  @property({ attribute: false }) plan?: WarningSignPlan;
  /** Controlled mode: the person's checks (for picking the agreed baseline). */
  @property({ attribute: false }) checks: readonly SignCheck[] = [];
  /** Shows the plan without editing. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private _status: Said = '';
  @state() private _problem = '';

  /** Every word shown, in the locale of the nearest <str-provider> or the page (docs/i18n/README.md). */
  #l = new LocaleController(this, RELAPSE_PLAN_WORDS);
  #records = new RelapseRecords(this, {
    client: () => this.currentClient,
    changed: () => {
      this._status = '';
      this._problem = '';
      this.#edit?.clear();
    },
  });
  /** The browser asks before leaving while the plan could not be stored for lack of space. */
  #leaving = new LeaveGuard(this);
  #edit = new PlanEdit(this, {
    client: () => this.currentClient,
    records: this.#records,
    leaving: this.#leaving,
    l: this.#l,
    readonly: () => this.readonly,
    mayWrite: () => this.#mayWrite(),
    say: (s) => (this._status = s),
    problem: (p) => (this._problem = p),
    saved: () => undefined,
  });

  /** Resolves when the plan is loaded and drawn. */
  whenLoaded(): Promise<void> {
    return this.#records.loads.whenLoaded();
  }

  /** False, with the refusal on screen and nothing typed cleared, when the store has no such person (issue 15). */
  async #mayWrite(): Promise<boolean> {
    const scope = this.#records.scope.current;
    if (await this.#records.scope.mayWriteFor(scope)) return true;
    if (this.#records.scope.isCurrent(scope)) this._problem = this.#l.t('not-saved-unknown');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.problem')?.focus();
    return false;
  }

  override render() {
    const l = this.#l;
    const gate = renderGate(this.#records, 'no-person.plan', l);
    if (gate) return gate;
    const plan = this.#records.plan;
    const problem = this._problem ? html`<div class="problem" role="alert" tabindex="-1"><p>${this._problem}</p></div>` : nothing;
    const said = this._status;
    const status = html`<p class="status" role="status" aria-live="polite" tabindex="-1">${typeof said === 'function' ? said() : said}</p>`;
    // As internal/person-scope.ts's unknownPersonNotice says it, in a whole sentence of the catalogue.
    const unknown = this.currentClient && this.#records.scope.person === 'unknown'
      ? html`<div class="problem no-person" role="alert"><p>${l.t('unknown-person.plan')}</p></div>`
      : nothing;
    const unreadable = this.currentClient ? unreadableNotice(this.#records.unreadable, l.unreadable()) : nothing;
    if (this.#edit.editing) return html`<div lang=${l.lang}>${problem}${unknown}${status}${this.#edit.renderEditor()}</div>`;
    if (unknown !== nothing && !plan) return html`<div lang=${l.lang}>${unknown}${status}<p>${l.t('no-plan')}</p></div>`;
    if (!plan) return html`<div lang=${l.lang}>${unreadable}${status}${this.#edit.renderNone()}</div>`;
    return html`<div lang=${l.lang}>${problem}${unknown}${unreadable}${status}${this.#edit.renderView(plan)}</div>`;
  }
}
