import type { SignCheck, WarningSignPlan } from '@strkit/sdk';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { PersonElement } from '../internal/connected.js';
import { focus } from '../internal/focus.styles.js';
import { tokens } from '../internal/tokens.styles.js';
import { unreadableNotice } from '../internal/unreadable-notice.js';
import { LocaleController } from '../l10n/controller.js';
import { RULE_MESSAGES } from '../l10n/rules.messages.js';
import { RelapseRecords, renderGate } from './relapse-records.js';
import { RELAPSE_TREND_WORDS } from './relapse-trend.messages.js';
import { styles } from './relapse-signs.styles.js';
import { renderTrend, trendStyles } from './relapse-trend.render.js';

/**
 * @tagname str-relapse-trend
 * @summary The trend of a person's early warning signs: the total at each check against their agreed baseline (a chart
 * and the same figures in words), and each sign at the last five checks. Under 480 px wide the tables become labelled
 * lists, so nothing scrolls sideways and no word is broken.
 *
 * Connected (default): loads the person's plan and checks through `<str-provider>` or `.client`, and follows changes.
 * Controlled (no client): shows `.plan` and `.checks`. It only shows: it offers no action and fires no event.
 *
 * @csspart trend - The trend.
 * @cssprop --str-relapse-signs-line-colour - The chart's line (default the NHS link colour).
 */
export class StrRelapseTrend extends PersonElement {
  static override styles = [tokens, focus, styles, trendStyles];
  /** Controlled mode: the plan. Never changed by the element. */
  @property({ attribute: false }) plan?: WarningSignPlan;
  /** Controlled mode: the person's checks (every plan's). */
  @property({ attribute: false }) checks: readonly SignCheck[] = [];

  #records = new RelapseRecords(this, { client: () => this.currentClient });
  /** Every word shown, in the locale of the nearest <str-provider> or the page (docs/i18n/README.md). */
  #words = { l: new LocaleController(this, RELAPSE_TREND_WORDS), rules: new LocaleController(this, RULE_MESSAGES) };

  /** Resolves when the plan and checks are loaded and drawn. */
  whenLoaded(): Promise<void> {
    return this.#records.loads.whenLoaded();
  }

  override render() {
    const { l } = this.#words;
    const gate = renderGate(this.#records, 'no-person.trend', l);
    if (gate) return gate;
    const plan = this.#records.plan;
    const unreadable = this.#records.connected ? unreadableNotice(this.#records.unreadable, l.unreadable()) : '';
    if (!plan) return html`<div lang=${l.lang}>${unreadable}<p>${l.t('no-plan-trend')}</p></div>`;
    return html`<div lang=${l.lang}>${unreadable}${renderTrend(this.#words, plan, this.#records.checks)}</div>`;
  }
}
