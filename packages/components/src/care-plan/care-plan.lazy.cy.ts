// Welsh for care-plan.lazy.messages.ts. Awaiting review by a Welsh-speaking clinician (docs/i18n/glossary-cy.md).
import type { Translation } from '../l10n/catalogue.js';
import type { CarePlanLazyMessages } from './care-plan.lazy.messages.js';

const cy: Translation<CarePlanLazyMessages> = {
  'loading-form': 'Wrthi’n llwytho’r ffurflen…',
  'form-failed': 'Nid oedd modd llwytho’r ffurflen. Gwiriwch y cysylltiad, yna rhowch gynnig arall arni.',
};

export default cy;
