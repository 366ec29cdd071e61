// Welsh for relapse-shared.messages.ts. Awaiting review by a Welsh-speaking clinician: terms and their sources are in
// docs/i18n/glossary-cy.md ("Relapse signs and alerts").
import type { Translation } from '../l10n/catalogue.js';
import type { RelapseMessages } from './relapse-shared.messages.js';

const cy: Translation<RelapseMessages> = {
  'stage.early': 'Arwyddion cynnar',
  'stage.middle': 'Arwyddion canol',
  'stage.late': 'Arwyddion hwyr',
  'agreed-on': 'Cytunwyd arno gyda’r person ar {date}.',
  agreed: 'Cytunwyd arno gyda’r person.',
  'error-prefix': 'Gwall:',
  ratings: 'Sgoriau',
  'agreed-response': 'Ymateb y cytunwyd arno:',
  'no-plan': 'Does dim cynllun arwyddion rhybudd ar gyfer y person hwn.',
  'no-plan-yet': 'Does dim cynllun arwyddion rhybudd ar gyfer y person hwn eto. Y cydlynydd gofal sy’n cytuno ar un gyda nhw.',
  'not-loaded': 'Nid oedd modd llwytho’r cynllun arwyddion rhybudd.',
  'try-again': 'Rhoi cynnig arall arni',
  loading: 'Wrthi’n llwytho’r arwyddion rhybudd…',
  'no-person.check': 'Does dim person wedi’i ddewis, felly does dim modd dangos na gwirio arwyddion rhybudd yma.',
  'no-person.trend': 'Does dim person wedi’i ddewis, felly does dim modd dangos tuedd yma.',
  'no-person.plan': 'Does dim person wedi’i ddewis, felly does dim modd dangos cynllun arwyddion rhybudd yma.',
  'not-saved-unknown': 'Heb ei gadw: nid yw’r person hwn yn y system gofnodion. Gwiriwch y person a ddewiswyd. Mae’r hyn a deipiwyd gennych yma o hyd.',
  'who-contact': 'Â phwy i gysylltu',
  'crisis-contacts': 'Cysylltiadau mewn argyfwng:',
};

export default cy;
