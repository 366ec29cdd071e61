// <str-relapse-trend>'s own words, en-GB source (docs/i18n/README.md); the words it shares with the other relapse
// elements are relapse-shared.messages.ts. Welsh: relapse-trend.cy.ts, loaded only when chosen.
import { defineCatalogue, joinCatalogues } from '../l10n/catalogue.js';
import type { LocaleController } from '../l10n/controller.js';
import { RELAPSE_MESSAGES, type RelapseMessages } from './relapse-shared.messages.js';

const source = {
  'trend-heading': 'Trend',
  'baseline-agreed': 'Agreed baseline: {value}.',
  'baseline-first': 'Baseline: {value} (the median of the first three checks after the plan was agreed).',
  checks: { one: '{count} check.', other: '{count} checks.' },
  'no-checks': 'No checks yet.',
  'no-plan-trend': 'There is no warning-sign plan for this person yet, so there is no trend to show.',
  'totals-caption': 'Total score at each check',
  'col-date': 'Date',
  'col-total': 'Total',
  'col-against': 'Against the baseline',
  'col-rule': 'Alert rule',
  'col-sign': 'Sign',
  met: 'Met',
  'not-met': 'Not met',
  above: '{count} above',
  below: '{count} below',
  same: 'the same',
  'item-above': '{date}: total {total}, {count} above the baseline; alert rule {rule}',
  'item-below': '{date}: total {total}, {count} below the baseline; alert rule {rule}',
  'item-same': '{date}: total {total}, the same as the baseline; alert rule {rule}',
  'item-none': '{date}: total {total}; alert rule {rule}',
  'rule-met': 'met',
  'rule-not-met': 'not met',
  'last-checks': { one: 'Each sign at the last {count} check', other: 'Each sign at the last {count} checks' },
  'chart-label': 'Total score from {from} ({first}) to {to} ({last}), against a baseline of {baseline}. The table below gives every check.',
  'chart-label-no-baseline': 'Total score from {from} ({first}) to {to} ({last}). The table below gives every check.',
  'chart-caption': 'Line: total score at each check. Dashed line: the baseline. Squares: checks that met the alert rule.',
  'chart-caption-no-baseline': 'Line: total score at each check. Squares: checks that met the alert rule.',
} as const;

export type RelapseTrendMessages = typeof source;

export const RELAPSE_TREND_MESSAGES = defineCatalogue({
  ns: 'relapse-trend',
  source,
  locales: { cy: () => import('./relapse-trend.cy.js') },
});

/** The element's words: the shared relapse words and its own. */
export const RELAPSE_TREND_WORDS = joinCatalogues(RELAPSE_MESSAGES, RELAPSE_TREND_MESSAGES);
export type RelapseTrendWords = LocaleController<RelapseMessages & RelapseTrendMessages>;
