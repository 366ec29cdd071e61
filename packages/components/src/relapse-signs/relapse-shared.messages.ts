// The words several relapse elements draw (docs/i18n/README.md): <str-relapse-check>, <str-relapse-trend>,
// <str-relapse-plan> and <str-alert-inbox> each load this and their own catalogue (relapse-check.messages.ts, …), so
// an element ships only its own words and these. Welsh: relapse-shared.cy.ts, loaded only when chosen. The stage labels
// are the worker-facing words for the SDK's codes (packages/sdk/src/schemas/relapse.ts), which they match in en-GB.
import { defineCatalogue } from '../l10n/catalogue.js';

const source = {
  'stage.early': 'Early signs',
  'stage.middle': 'Middle signs',
  'stage.late': 'Late signs',
  'agreed-on': 'Agreed with the person on {date}.',
  agreed: 'Agreed with the person.',
  'error-prefix': 'Error:',
  ratings: 'Ratings',
  'agreed-response': 'Agreed response:',
  'no-plan': 'There is no warning-sign plan for this person.',
  'no-plan-yet': 'There is no warning-sign plan for this person yet. The care co-ordinator agrees one with them.',
  'not-loaded': 'The warning-sign plan could not be loaded.',
  'try-again': 'Try again',
  loading: 'Loading the warning signs…',
  'no-person.check': 'No person is chosen, so no warning signs can be shown or checked here.',
  'no-person.trend': 'No person is chosen, so no trend can be shown here.',
  'no-person.plan': 'No person is chosen, so no warning-sign plan can be shown here.',
  'not-saved-unknown': 'Not saved: this person is not in the record system. Check the person chosen. What you typed is still here.',
  'who-contact': 'Who to contact',
  'crisis-contacts': 'Crisis contacts:',
} as const;

export type RelapseMessages = typeof source;

export const RELAPSE_MESSAGES = defineCatalogue({
  ns: 'relapse',
  source,
  locales: { cy: () => import('./relapse-shared.cy.js') },
});
