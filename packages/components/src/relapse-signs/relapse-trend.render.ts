// The trend of <str-relapse-trend> and of <str-relapse-signs view="trend">: totals over time against the baseline (a
// chart, and a table with the same figures), and each sign at the last five checks. Under 480 px wide the tables
// reflow into labelled lists (issue 17: at 320 px five checks widened the page and broke words mid-word), each value
// with its sign and its date in words. Both forms are drawn; a container query shows one.
import { baselineOf, checkTotal, checksInOrder, evaluateRule, formatNhsDate, ratingLabel, type SignCheck, type WarningSignPlan } from '@strkit/sdk';
import { css, html, nothing, svg, type TemplateResult } from 'lit';

type Baseline = ReturnType<typeof baselineOf>;

interface Point {
  readonly c: SignCheck;
  readonly total: number;
  readonly fires: boolean;
}

const against = (baseline: Baseline, total: number): string => {
  if (baseline.source === 'none') return '—';
  const by = total - baseline.value;
  return by > 0 ? `${by} above` : by < 0 ? `${-by} below` : 'the same';
};

const baselineWords = (baseline: Baseline): string =>
  baseline.source === 'agreed'
    ? `Agreed baseline: ${baseline.value}.`
    : baseline.source === 'first-checks'
      ? `Baseline: ${baseline.value} (the median of the first three checks after the plan was agreed).`
      : `${baseline.why}.`;

const ratingWords = (r: SignCheck['ratings'][string] | undefined): string => (typeof r === 'number' ? `${r} ${ratingLabel(r)}` : ratingLabel(r));
const date = (at: string) => html`<time datetime=${at}>${formatNhsDate(at)}</time>`;

/** The trend section for `plan` and the person's `checks` (every plan's: a kept sign's run goes on). */
export function renderTrend(plan: WarningSignPlan, allChecks: readonly SignCheck[]): TemplateResult {
  const checks = checksInOrder(plan, allChecks);
  const baseline = baselineOf(plan, checks);
  const totals: Point[] = checks.map((c) => ({ c, total: checkTotal(plan, c), fires: evaluateRule(plan, c, allChecks).fires }));
  return html`<section part="trend" aria-labelledby="trend-heading">
    <h2 id="trend-heading" tabindex="-1">Trend</h2>
    <p>${baselineWords(baseline)} ${checks.length} ${checks.length === 1 ? 'check' : 'checks'}.</p>
    ${totals.length
      ? html`${chart(totals, baseline.source === 'none' ? undefined : baseline.value, plan.signs.length * 3)}${totalsTable(totals, baseline)}${totalsList(totals, baseline)}
        ${signsTable(plan, checks.slice(-5))}${signsList(plan, checks.slice(-5))}`
      : html`<p>No checks yet.</p>`}
  </section>`;
}

function totalsTable(totals: readonly Point[], baseline: Baseline) {
  return html`<table class="trend-table wide">
    <caption>Total score at each check</caption>
    <thead><tr><th scope="col">Date</th><th scope="col">Total</th><th scope="col">Against the baseline</th><th scope="col">Alert rule</th></tr></thead>
    <tbody>${totals.map(({ c, total, fires }) => html`<tr><th scope="row">${date(c.at)}</th><td>${total}</td><td>${against(baseline, total)}</td><td>${fires ? 'Met' : 'Not met'}</td></tr>`)}</tbody>
  </table>`;
}

/** The totals as a list, for narrow screens: one item a check, every figure with its words. */
function totalsList(totals: readonly Point[], baseline: Baseline) {
  return html`<div class="trend-list narrow">
    <h3 id="totals-list-heading">Total score at each check</h3>
    <ul aria-labelledby="totals-list-heading">${totals.map(({ c, total, fires }) => html`<li>${date(c.at)}: total ${total}${baseline.source === 'none' ? '' : `, ${against(baseline, total).replace('the same', 'the same as')} the baseline`}; alert rule ${fires ? 'met' : 'not met'}</li>`)}</ul>
  </div>`;
}

function signsTable(plan: WarningSignPlan, recent: readonly SignCheck[]) {
  if (!recent.length) return nothing;
  return html`<table class="trend-table wide">
    <caption>Each sign at the last ${recent.length} ${recent.length === 1 ? 'check' : 'checks'}</caption>
    <thead><tr><th scope="col">Sign</th>${recent.map((c) => html`<th scope="col">${date(c.at)}</th>`)}</tr></thead>
    <tbody>${plan.signs.map((s) => html`<tr><th scope="row" class="sign-text" dir="auto">${s.text}</th>${recent.map((c) => html`<td>${ratingWords(c.ratings[s.id])}</td>`)}</tr>`)}</tbody>
  </table>`;
}

/** Each sign at the last checks as a list, for narrow screens: the sign as a heading, then each date with its rating. */
function signsList(plan: WarningSignPlan, recent: readonly SignCheck[]) {
  if (!recent.length) return nothing;
  return html`<div class="trend-list narrow">
    <h3>Each sign at the last ${recent.length} ${recent.length === 1 ? 'check' : 'checks'}</h3>
    ${plan.signs.map((s, i) => html`<h4 id="sign-list-${i}" class="sign-text" dir="auto">${s.text}</h4>
      <ul aria-labelledby="sign-list-${i}">${recent.map((c) => html`<li>${date(c.at)}: ${ratingWords(c.ratings[s.id])}</li>`)}</ul>`)}
  </div>`;
}

/** Totals over time against the baseline. The tables (or lists) carry the same figures for assistive technology. */
function chart(points: readonly Point[], baseline: number | undefined, max: number) {
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

/** Tables from 480 px up, lists below (NHS breakpoint): measured on the element's own width, not the page's. */
export const trendStyles = css`
  :host {
    container-type: inline-size;
  }
  .chart svg {
    box-sizing: border-box; /* its border inside its 100%: at 320 px it stuck out by 2 px */
  }
  .trend-list {
    display: none;
    margin-bottom: 16px;
  }
  .trend-list ul {
    margin: 4px 0 12px;
    padding-left: 20px;
  }
  .trend-list h4 {
    margin: 8px 0 0;
  }
  .trend-list,
  .trend-table {
    overflow-wrap: normal;
    word-break: normal;
    hyphens: manual;
  }
  @container (max-width: 479.98px) {
    .trend-table.wide {
      display: none;
    }
    .trend-list.narrow {
      display: block;
    }
  }
`;
