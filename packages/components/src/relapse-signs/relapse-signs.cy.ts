// Welsh for relapse-signs.messages.ts. Awaiting review by a Welsh-speaking clinician: terms and their sources are in
// docs/i18n/glossary-cy.md ("Relapse signs and alerts").
import type { Translation } from '../l10n/catalogue.js';
import type { RelapseSignsMessages } from './relapse-signs.messages.js';

const cy: Translation<RelapseSignsMessages> = {
  'views-label': 'Dangos',
  'view.check': 'Gwirio’r arwyddion',
  'view.signs': 'Yr arwyddion',
  'view.trend': 'Tuedd',
  'view.plan': 'Y cynllun',
  'view.alerts': 'Rhybuddion',
};

export default cy;
