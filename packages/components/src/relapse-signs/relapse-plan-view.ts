// The warning-sign plan, read-only: what everyone sees (issue 8). Apart from the editor (relapse-plan-editor.ts), which
// loads only when someone edits the plan (issue 19).
import { SIGN_STAGES, checksInOrder, type SignCheck, type WarningSignPlan } from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { RelapsePlanWords } from './relapse-plan.messages.js';

/** The plan, read-only: what everyone sees. */
export function renderPlan(l: RelapsePlanWords, plan: WarningSignPlan, checks: readonly SignCheck[]): TemplateResult {
  const b = plan.agreedBaseline;
  const r = plan.rule;
  const few = checksInOrder(plan, checks).length < 3;
  return html`<h2 id="plan-heading" tabindex="-1">${l.t('plan-heading')}</h2>
    <p>${plan.agreedOn ? l.t('plan-agreed-on', { date: l.date(plan.agreedOn) }) : l.t('plan-not-agreed')} ${plan.reviewOn ? l.t('review-by', { date: l.date(plan.reviewOn) }) : ''}</p>
    ${SIGN_STAGES.map((st) => {
      const signs = plan.signs.filter((s) => s.stage === st.code);
      return signs.length ? html`<h3>${l.t(`stage.${st.code}`)}</h3><ul class="sign-list">${signs.map((s) => html`<li><span class="sign-text" dir="auto">${s.text}</span><span class="hint">${l.t('agreed-response')} <span class="response" dir="auto">${s.response}</span></span></li>`)}</ul>` : nothing;
    })}
    <h3>${l.t('who-contact')}</h3>
    ${plan.contacts.length ? html`<ul>${plan.contacts.map((c) => html`<li><span class="sign-text" dir="auto">${c.who}</span>: <span class="response" dir="auto">${c.how}</span></li>`)}</ul>` : html`<p>${l.t('no-one-listed')}</p>`}
    <h3>${l.t('when-alert')}</h3>
    <ul>
      <li>${l.t('rule-late', { rating: r.lateSignAtLeast })}</li>
      <li>${l.t('rule-rise', { percent: r.risePercent, points: r.risePoints })}</li>
      <li>${l.t('rule-repeat', { rating: r.repeatRating, count: r.repeatChecks })}</li>
    </ul>
    <p>${b ? l.t('plan-baseline', { total: b.total, count: b.fromCheckIds.length }) : l.t(few ? 'plan-no-baseline-few' : 'plan-no-baseline')}</p>`;
}
