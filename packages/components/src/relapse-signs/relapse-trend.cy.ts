// Welsh for relapse-trend.messages.ts. Awaiting review by a Welsh-speaking clinician: terms and their sources are in
// docs/i18n/glossary-cy.md ("Relapse signs and alerts"). With digits Welsh keeps the noun singular and mutates it as
// the spoken number would ("2 wiriad", "3 gwiriad"); from 11 up it reads "11 o wiriadau".
import type { Translation } from '../l10n/catalogue.js';
import type { RelapseTrendMessages } from './relapse-trend.messages.js';

const cy: Translation<RelapseTrendMessages> = {
  'trend-heading': 'Tuedd',
  'baseline-agreed': 'Llinell sylfaen y cytunwyd arni: {value}.',
  'baseline-first': 'Llinell sylfaen: {value} (canolrif y tri gwiriad cyntaf ar ôl cytuno ar y cynllun).',
  checks: {
    zero: '{count} gwiriad.',
    one: '{count} gwiriad.',
    two: '{count} wiriad.',
    few: '{count} gwiriad.',
    many: '{count} gwiriad.',
    other: '{count} o wiriadau.',
  },
  'no-checks': 'Dim gwiriadau eto.',
  'no-plan-trend': 'Does dim cynllun arwyddion rhybudd ar gyfer y person hwn eto, felly does dim tuedd i’w dangos.',
  'totals-caption': 'Cyfanswm y sgôr ym mhob gwiriad',
  'col-date': 'Dyddiad',
  'col-total': 'Cyfanswm',
  'col-against': 'O’i gymharu â’r llinell sylfaen',
  'col-rule': 'Rheol rhybuddio',
  'col-sign': 'Arwydd',
  met: 'Wedi’i bodloni',
  'not-met': 'Heb ei bodloni',
  above: '{count} yn uwch',
  below: '{count} yn is',
  same: 'yr un fath',
  'item-above': '{date}: cyfanswm {total}, {count} yn uwch na’r llinell sylfaen; rheol rhybuddio {rule}',
  'item-below': '{date}: cyfanswm {total}, {count} yn is na’r llinell sylfaen; rheol rhybuddio {rule}',
  'item-same': '{date}: cyfanswm {total}, yr un fath â’r llinell sylfaen; rheol rhybuddio {rule}',
  'item-none': '{date}: cyfanswm {total}; rheol rhybuddio {rule}',
  'rule-met': 'wedi’i bodloni',
  'rule-not-met': 'heb ei bodloni',
  'last-checks': {
    zero: 'Pob arwydd yn y {count} gwiriad diwethaf',
    one: 'Pob arwydd yn y gwiriad diwethaf',
    two: 'Pob arwydd yn y {count} wiriad diwethaf',
    few: 'Pob arwydd yn y {count} gwiriad diwethaf',
    many: 'Pob arwydd yn y {count} gwiriad diwethaf',
    other: 'Pob arwydd yn yr {count} o wiriadau diwethaf',
  },
  'chart-label': 'Cyfanswm y sgôr o {from} ({first}) i {to} ({last}), o’i gymharu â llinell sylfaen o {baseline}. Mae’r tabl isod yn rhoi pob gwiriad.',
  'chart-label-no-baseline': 'Cyfanswm y sgôr o {from} ({first}) i {to} ({last}). Mae’r tabl isod yn rhoi pob gwiriad.',
  'chart-caption': 'Llinell: cyfanswm y sgôr ym mhob gwiriad. Llinell doriog: y llinell sylfaen. Sgwariau: gwiriadau a fodlonodd y rheol rhybuddio.',
  'chart-caption-no-baseline': 'Llinell: cyfanswm y sgôr ym mhob gwiriad. Sgwariau: gwiriadau a fodlonodd y rheol rhybuddio.',
};

export default cy;
