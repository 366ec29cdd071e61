// The words <str-care-plan> shows while its forms load (issue 19), en-GB source (docs/i18n/README.md). Their own
// catalogue until the care plan's words are converted (issue 20), then they join care-plan.messages.ts.
// Welsh: care-plan.lazy.cy.ts, loaded only when chosen.
import { defineCatalogue } from '../l10n/catalogue.js';

const source = {
  'loading-form': 'Loading the form…',
  'form-failed': 'The form could not be loaded. Check the connection, then try again.',
} as const;

export type CarePlanLazyMessages = typeof source;

export const CARE_PLAN_LAZY_MESSAGES = defineCatalogue({
  ns: 'care-plan-lazy',
  source,
  locales: { cy: () => import('./care-plan.lazy.cy.js') },
});
