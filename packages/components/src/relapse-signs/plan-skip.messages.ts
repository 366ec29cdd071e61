// The plan editor's skip link (issue 17), en-GB source (docs/i18n/README.md). Welsh: plan-skip.cy.ts, loaded only when
// chosen. Kept apart from the relapse elements' main catalogue, which is converted separately; fold it in then.
import { defineCatalogue } from '../l10n/catalogue.js';

const source = {
  /** A link at the top of the plan editor that takes focus to its Save button (about 90 Tab presses with 12 signs). */
  'skip-to-save': 'Skip to Save the plan',
} as const;

export type PlanSkipMessages = typeof source;

export const PLAN_SKIP_MESSAGES = defineCatalogue({
  ns: 'relapse-plan-skip',
  source,
  locales: { cy: () => import('./plan-skip.cy.js') },
});
