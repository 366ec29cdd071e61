// <str-relapse-plan>'s own words, en-GB source (docs/i18n/README.md): the plan as read and its editor (which loads on
// first use); the words it shares with the other relapse elements are relapse-shared.messages.ts. Welsh:
// relapse-plan.cy.ts, loaded only when chosen.
import { defineCatalogue, joinCatalogues } from '../l10n/catalogue.js';
import type { LocaleController } from '../l10n/controller.js';
import { RELAPSE_MESSAGES, type RelapseMessages } from './relapse-shared.messages.js';

const source = {
  'stage-short.early': 'Early',
  'stage-short.middle': 'Middle',
  'stage-short.late': 'Late',
  'unknown-person.plan': 'This person is not in the record system, so no warning-sign plan can be recorded for them. Check the person chosen.',
  'plan-heading': 'Warning-sign plan',
  'plan-agreed-on': 'Agreed with the person on {date}.',
  'plan-not-agreed': 'Not yet agreed with the person.',
  'review-by': 'Review by {date}.',
  'no-one-listed': 'No one listed yet.',
  'when-alert': 'When to alert the care co-ordinator',
  'rule-late': 'A late sign rated {rating} or more',
  'rule-rise': 'The total {percent}% and {points} points or more above the baseline',
  'rule-repeat': { one: 'Any sign rated {rating} or more on {count} check in a row', other: 'Any sign rated {rating} or more on {count} checks in a row' },
  'plan-baseline': {
    one: 'Agreed baseline: {total}, from {count} check when the person was well.',
    other: 'Agreed baseline: {total}, from {count} checks when the person was well.',
  },
  'plan-no-baseline': 'No agreed baseline: the median of the first three checks after the plan was agreed is used.',
  'plan-no-baseline-few': 'No agreed baseline: the median of the first three checks after the plan was agreed is used (not enough checks yet).',
  'edit-plan': 'Edit the plan',
  'suggest-change': 'To suggest a change, talk to the care co-ordinator or add a progress note to the care plan.',
  'start-plan': 'Start a warning-sign plan',
  'editor-loading': 'Loading the plan editor…',
  'editor-failed': 'The plan editor could not be loaded. Check the connection, then try again.',
  'plan-saved': 'Warning-sign plan saved',
  'plan-sent': 'Warning-sign plan sent to the record system',
  'editor.heading': 'Edit the warning-sign plan',
  'editor.signs': 'Signs, in the person’s own words',
  'editor.sign': 'Sign {n}',
  'editor.stage': 'Stage',
  'editor.response': 'Agreed response',
  'editor.move-up': 'Move up',
  'editor.move-down': 'Move down',
  'editor.remove': 'Remove',
  /** Visually hidden after Move up, Move down and Remove. */
  'editor.which-sign': ': sign {n}',
  'editor.which-contact': ': contact {n}',
  'editor.add-sign': 'Add a sign',
  'editor.contacts': 'Who to contact, and how',
  'editor.who': 'Who',
  'editor.how': 'How, in the person’s agreed words',
  'editor.add-contact': 'Add a contact',
  'editor.agreed-on': 'Agreed with the person on',
  'editor.review-by': 'Review by',
  'editor.save': 'Save the plan',
  'editor.cancel': 'Cancel',
  'editor.rule.lateSignAtLeast': 'A late sign rated at least',
  'editor.rule.lateSignAtLeast-hint': '1 to 3 (default 2, quite a lot)',
  'editor.rule.risePercent': 'The total rising by at least this many per cent',
  'editor.rule.risePercent-hint': 'over the baseline (default 50)',
  'editor.rule.risePoints': 'and by at least this many points',
  'editor.rule.risePoints-hint': 'over the baseline (default 3)',
  'editor.rule.repeatRating': 'Any sign rated at least',
  'editor.rule.repeatRating-hint': '1 to 3 (default 3, a lot)',
  'editor.rule.repeatChecks': 'on this many checks in a row',
  'editor.rule.repeatChecks-hint': '2 to 10 (default 2)',
  'editor.baseline': 'Agreed baseline',
  'editor.baseline-hint': 'Pick checks made when the person was well. The baseline is the middle (median) of their totals.',
  'editor.well-check': '{date}: total {total}',
  'editor.no-well-checks': 'No checks are marked “well” yet.',
  'editor.baseline-is': 'Agreed baseline: {total}',
  'editor.no-baseline': 'No agreed baseline: the median of the first three checks after agreement is used',
  'editor.add-one-sign': 'Add at least one sign',
  /** A link at the top of the plan editor that takes focus to its Save button (about 90 Tab presses with 12 signs). */
  'skip-to-save': 'Skip to Save the plan',
} as const;

export type RelapsePlanMessages = typeof source;

export const RELAPSE_PLAN_MESSAGES = defineCatalogue({
  ns: 'relapse-plan',
  source,
  locales: { cy: () => import('./relapse-plan.cy.js') },
});

/** The element's words: the shared relapse words and its own. */
export const RELAPSE_PLAN_WORDS = joinCatalogues(RELAPSE_MESSAGES, RELAPSE_PLAN_MESSAGES);
export type RelapsePlanWords = LocaleController<RelapseMessages & RelapsePlanMessages>;
