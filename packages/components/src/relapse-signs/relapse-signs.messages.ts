// <str-relapse-signs>'s own words, en-GB source (docs/i18n/README.md): its view switch. It draws everything else from
// the four elements' catalogues and relapse-shared.messages.ts. Welsh: relapse-signs.cy.ts, loaded only when chosen.
import { defineCatalogue, joinCatalogues } from '../l10n/catalogue.js';
import type { LocaleController } from '../l10n/controller.js';
import { RELAPSE_MESSAGES, type RelapseMessages } from './relapse-shared.messages.js';
import { ALERT_INBOX_MESSAGES, type AlertInboxMessages } from './alert-inbox.messages.js';
import { RELAPSE_CHECK_MESSAGES, type RelapseCheckMessages } from './relapse-check.messages.js';
import { RELAPSE_PLAN_MESSAGES, type RelapsePlanMessages } from './relapse-plan.messages.js';
import { RELAPSE_TREND_MESSAGES, type RelapseTrendMessages } from './relapse-trend.messages.js';

const source = {
  'views-label': 'Show',
  'view.check': 'Check the signs',
  'view.signs': 'The signs',
  'view.trend': 'Trend',
  'view.plan': 'The plan',
  'view.alerts': 'Alerts',
} as const;

export type RelapseSignsMessages = typeof source;

export const RELAPSE_SIGNS_MESSAGES = defineCatalogue({
  ns: 'relapse-signs',
  source,
  locales: { cy: () => import('./relapse-signs.cy.js') },
});

/** The composition's words: every relapse element's, and its own. */
export const RELAPSE_SIGNS_WORDS = joinCatalogues(RELAPSE_MESSAGES, RELAPSE_CHECK_MESSAGES, RELAPSE_TREND_MESSAGES, RELAPSE_PLAN_MESSAGES, ALERT_INBOX_MESSAGES, RELAPSE_SIGNS_MESSAGES);
export type RelapseSignsWords = LocaleController<RelapseMessages & RelapseCheckMessages & RelapseTrendMessages & RelapsePlanMessages & AlertInboxMessages & RelapseSignsMessages>;
