// The warning-sign plan, read-only: what everyone sees (issue 8). Apart from the editor (relapse-plan-editor.ts), which
// loads only when someone edits the plan (issue 19).
import { SIGN_STAGES, checksInOrder, formatNhsDate, type SignCheck, type WarningSignPlan } from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';

/** The plan, read-only: what everyone sees. */
export function renderPlan(plan: WarningSignPlan, checks: readonly SignCheck[]): TemplateResult {
  const b = plan.agreedBaseline;
  const r = plan.rule;
  return html`<h2 id="plan-heading" tabindex="-1">Warning-sign plan</h2>
    <p>${plan.agreedOn ? `Agreed with the person on ${formatNhsDate(plan.agreedOn)}.` : 'Not yet agreed with the person.'} ${plan.reviewOn ? `Review by ${formatNhsDate(plan.reviewOn)}.` : ''}</p>
    ${SIGN_STAGES.map((st) => {
      const signs = plan.signs.filter((s) => s.stage === st.code);
      return signs.length ? html`<h3>${st.label}</h3><ul class="sign-list">${signs.map((s) => html`<li><span class="sign-text" dir="auto">${s.text}</span><span class="hint">Agreed response: <span class="response" dir="auto">${s.response}</span></span></li>`)}</ul>` : nothing;
    })}
    <h3>Who to contact</h3>
    ${plan.contacts.length ? html`<ul>${plan.contacts.map((c) => html`<li><span class="sign-text" dir="auto">${c.who}</span>: <span class="response" dir="auto">${c.how}</span></li>`)}</ul>` : html`<p>No one listed yet.</p>`}
    <h3>When to alert the care co-ordinator</h3>
    <ul>
      <li>A late sign rated ${r.lateSignAtLeast} or more</li>
      <li>The total ${r.risePercent}% and ${r.risePoints} points or more above the baseline</li>
      <li>Any sign rated ${r.repeatRating} or more on ${r.repeatChecks} checks in a row</li>
    </ul>
    <p>${b ? `Agreed baseline: ${b.total}, from ${b.fromCheckIds.length} ${b.fromCheckIds.length === 1 ? 'check' : 'checks'} when the person was well.` : `No agreed baseline: the median of the first three checks after the plan was agreed is used${checksInOrder(plan, checks).length < 3 ? ' (not enough checks yet)' : ''}.`}</p>`;
}
