import type { SignCheck, WarningSignPlan } from '@strkit/sdk';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { PersonElement } from '../internal/connected.js';
import { focus } from '../internal/focus.styles.js';
import { tokens } from '../internal/tokens.styles.js';
import { unreadableNotice } from '../internal/unreadable-notice.js';
import { RelapseRecords, renderGate } from './relapse-records.js';
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

  /** Resolves when the plan and checks are loaded and drawn. */
  whenLoaded(): Promise<void> {
    return this.#records.loads.whenLoaded();
  }

  override render() {
    const gate = renderGate(this.#records, 'no trend can be shown here');
    if (gate) return gate;
    const plan = this.#records.plan;
    const unreadable = this.#records.connected ? unreadableNotice(this.#records.unreadable) : '';
    if (!plan) return html`${unreadable}<p>There is no warning-sign plan for this person yet, so there is no trend to show.</p>`;
    return html`${unreadable}${renderTrend(plan, this.#records.checks)}`;
  }
}
