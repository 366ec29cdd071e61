// Welsh for plan-skip.messages.ts. Awaiting review by a Welsh-speaking clinician (docs/i18n/glossary-cy.md): "Neidio
// i" as GOV.UK Cymru's skip link ("Neidio i'r prif gynnwys"); "Cadw'r cynllun" names the Save button.
import type { Translation } from '../l10n/catalogue.js';
import type { PlanSkipMessages } from './plan-skip.messages.js';

const cy: Translation<PlanSkipMessages> = {
  'skip-to-save': 'Neidio i’r botwm ‘Cadw’r cynllun’',
};

export default cy;
