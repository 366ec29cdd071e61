// The trend of <str-relapse-trend> and of <str-relapse-signs view="trend">: totals over time against the baseline (a
// chart, and a table with the same figures), and each sign at the last five checks. Under 480 px wide the tables
// reflow into labelled lists (issue 17: at 320 px five checks widened the page and broke words mid-word), each value
// with its sign and its date in words. Both forms are drawn; a container query shows one.
import { baselineOf, checkTotal, checksInOrder, evaluateRule, type SignCheck, type WarningSignPlan } from '@strkit/sdk';
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { place } from '../l10n/place.js';
import type { LocaleController } from '../l10n/controller.js';
import type { RuleMessages } from '../l10n/rules.messages.js';
import { noteWords } from '../l10n/rules.js';
import type { RelapseTrendWords } from './relapse-trend.messages.js';

type Baseline = ReturnType<typeof baselineOf>;

interface Point {
  readonly c: SignCheck;
  readonly total: number;
  readonly fires: boolean;
}

/** The trend's words: the relapse catalogue, and the rule's notes for why there is no baseline yet. */
export interface TrendWords {
  readonly l: RelapseTrendWords;
  readonly rules: LocaleController<RuleMessages>;
}

const against = (l: RelapseTrendWords, baseline: Baseline, total: number): string => {
  if (baseline.source === 'none') return '—';
  const by = total - baseline.value;
  return by > 0 ? l.t('above', { count: by }) : by < 0 ? l.t('below', { count: -by }) : l.t('same');
};

const baselineWords = ({ l, rules }: TrendWords, baseline: Baseline): string =>
  baseline.source === 'agreed'
    ? l.t('baseline-agreed', { value: baseline.value })
    : baseline.source === 'first-checks'
      ? l.t('baseline-first', { value: baseline.value })
      : `${noteWords(rules, { note: baseline.why, noteCode: 'no-baseline', noteParams: { whyCode: baseline.whyCode, checksSoFar: baseline.checksSoFar, needed: baseline.needed } }, () => '')}.`;

/** "2 quite a lot", "not asked": the figure and the rule catalogue's word for it. */
const ratingWords = ({ l, rules }: TrendWords, r: SignCheck['ratings'][string] | undefined): string =>
  typeof r === 'number' ? `${l.number(r)} ${rules.t(`rating.${r as 0 | 1 | 2 | 3}`)}` : rules.t('rating.not-asked');
const date = (l: RelapseTrendWords, at: string) => html`<time datetime=${at}>${l.date(at)}</time>`;

/** The trend section for `plan` and the person's `checks` (every plan's: a kept sign's run goes on). */
export function renderTrend(w: TrendWords, plan: WarningSignPlan, allChecks: readonly SignCheck[]): TemplateResult {
  const { l } = w;
  const checks = checksInOrder(plan, allChecks);
  const baseline = baselineOf(plan, checks);
  const totals: Point[] = checks.map((c) => ({ c, total: checkTotal(plan, c), fires: evaluateRule(plan, c, allChecks).fires }));
  return html`<section part="trend" aria-labelledby="trend-heading">
    <h2 id="trend-heading" tabindex="-1">${l.t('trend-heading')}</h2>
    <p>${baselineWords(w, baseline)} ${l.t('checks', { count: checks.length })}</p>
    ${totals.length
      ? html`${chart(l, totals, baseline.source === 'none' ? undefined : baseline.value, plan.signs.length * 3)}${totalsTable(l, totals, baseline)}${totalsList(l, totals, baseline)}
        ${signsTable(w, plan, checks.slice(-5))}${signsList(w, plan, checks.slice(-5))}`
      : html`<p>${l.t('no-checks')}</p>`}
  </section>`;
}

function totalsTable(l: RelapseTrendWords, totals: readonly Point[], baseline: Baseline) {
  return html`<table class="trend-table wide">
    <caption>${l.t('totals-caption')}</caption>
    <thead><tr><th scope="col">${l.t('col-date')}</th><th scope="col">${l.t('col-total')}</th><th scope="col">${l.t('col-against')}</th><th scope="col">${l.t('col-rule')}</th></tr></thead>
    <tbody>${totals.map(({ c, total, fires }) => html`<tr><th scope="row">${date(l, c.at)}</th><td>${l.number(total)}</td><td>${against(l, baseline, total)}</td><td>${l.t(fires ? 'met' : 'not-met')}</td></tr>`)}</tbody>
  </table>`;
}

/** One check's total in words, for the narrow list: its date a `<time>` where the message puts it. */
function totalItem(l: RelapseTrendWords, { c, total, fires }: Point, baseline: Baseline) {
  const by = baseline.source === 'none' ? undefined : total - baseline.value;
  const id = by === undefined ? 'item-none' : by > 0 ? 'item-above' : by < 0 ? 'item-below' : 'item-same';
  return place(l.t(id, { total, count: Math.abs(by ?? 0), rule: l.t(fires ? 'rule-met' : 'rule-not-met') }), { date: date(l, c.at) });
}

/** The totals as a list, for narrow screens: one item a check, every figure with its words. */
function totalsList(l: RelapseTrendWords, totals: readonly Point[], baseline: Baseline) {
  return html`<div class="trend-list narrow">
    <h3 id="totals-list-heading">${l.t('totals-caption')}</h3>
    <ul aria-labelledby="totals-list-heading">${totals.map((p) => html`<li>${totalItem(l, p, baseline)}</li>`)}</ul>
  </div>`;
}

function signsTable(w: TrendWords, plan: WarningSignPlan, recent: readonly SignCheck[]) {
  if (!recent.length) return nothing;
  const { l } = w;
  return html`<table class="trend-table wide">
    <caption>${l.t('last-checks', { count: recent.length })}</caption>
    <thead><tr><th scope="col">${l.t('col-sign')}</th>${recent.map((c) => html`<th scope="col">${date(l, c.at)}</th>`)}</tr></thead>
    <tbody>${plan.signs.map((s) => html`<tr><th scope="row" class="sign-text" dir="auto">${s.text}</th>${recent.map((c) => html`<td>${ratingWords(w, c.ratings[s.id])}</td>`)}</tr>`)}</tbody>
  </table>`;
}

/** Each sign at the last checks as a list, for narrow screens: the sign as a heading, then each date with its rating. */
function signsList(w: TrendWords, plan: WarningSignPlan, recent: readonly SignCheck[]) {
  if (!recent.length) return nothing;
  const { l } = w;
  return html`<div class="trend-list narrow">
    <h3>${l.t('last-checks', { count: recent.length })}</h3>
    ${plan.signs.map((s, i) => html`<h4 id="sign-list-${i}" class="sign-text" dir="auto">${s.text}</h4>
      <ul aria-labelledby="sign-list-${i}">${recent.map((c) => html`<li>${date(l, c.at)}: ${ratingWords(w, c.ratings[s.id])}</li>`)}</ul>`)}
  </div>`;
}

/** Totals over time against the baseline. The tables (or lists) carry the same figures for assistive technology. */
function chart(l: RelapseTrendWords, points: readonly Point[], baseline: number | undefined, max: number) {
  const W = 600, H = 200, pad = 24;
  const top = Math.max(3, ...points.map((p) => p.total), baseline ?? 0);
  const yMax = Math.min(max || top, Math.ceil(top * 1.2));
  const x = (i: number) => pad + (points.length === 1 ? (W - 2 * pad) / 2 : (i * (W - 2 * pad)) / (points.length - 1));
  const y = (v: number) => H - pad - (v / yMax) * (H - 2 * pad);
  const first = points[0]!, last = points[points.length - 1]!;
  const ends = { from: l.date(first.c.at), first: first.total, to: l.date(last.c.at), last: last.total };
  const label = baseline !== undefined ? l.t('chart-label', { ...ends, baseline }) : l.t('chart-label-no-baseline', ends);
  return html`<figure class="chart">
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${label} preserveAspectRatio="none">
      ${svg`<line class="axis" x1=${pad} y1=${H - pad} x2=${W - pad} y2=${H - pad}></line>`}
      ${baseline !== undefined ? svg`<line class="baseline" x1=${pad} y1=${y(baseline)} x2=${W - pad} y2=${y(baseline)}></line>` : nothing}
      ${svg`<polyline class="line" points=${points.map((p, i) => `${x(i)},${y(p.total)}`).join(' ')}></polyline>`}
      ${points.map((p, i) => (p.fires ? svg`<rect class="fired" x=${x(i) - 4} y=${y(p.total) - 4} width="8" height="8"></rect>` : svg`<circle class="point" cx=${x(i)} cy=${y(p.total)} r="3"></circle>`))}
    </svg>
    <figcaption class="hint">${l.t(baseline !== undefined ? 'chart-caption' : 'chart-caption-no-baseline')}</figcaption>
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
