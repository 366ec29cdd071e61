// Welsh for caseload.messages.ts. Awaiting review by a Welsh-speaking clinician: terms and their sources are in
// docs/i18n/glossary-cy.md ("The caseload"). Counts of alerts, tasks and changes follow a colon, so no noun has to
// agree with them; days and hours follow the catalogues' number rule (glossary, "Grammar the catalogues follow").
import type { PluralMessage, Translation } from '../l10n/catalogue.js';
import type { CaseloadMessages } from './caseload.messages.js';

/** Welsh plural forms: `singular` for 0 to 10, `two` after 2 (mutated), `other` from 11. */
const forms = (singular: string, other: string, two = singular, few = singular): PluralMessage => ({ zero: singular, one: singular, two, few, many: few, other });
/** "{count} diwrnod", "2 ddiwrnod", "11 o ddiwrnodau", inside `before … after`. */
const days = (before: string, after = '') => forms(`${before}{count} diwrnod${after}`, `${before}{count} o ddiwrnodau${after}`, `${before}{count} ddiwrnod${after}`);
const hours = (before: string, after = '') => forms(`${before}{count} awr${after}`, `${before}{count} o oriau${after}`);
const same = (text: string) => forms(text, text);

const cy: Translation<CaseloadMessages> = {
  'heading-own': 'Fy llwyth achosion',
  'heading-of': 'Llwyth achosion: {name}',
  loading: 'Wrthi’n llwytho’r llwyth achosion…',
  empty: 'Does neb ar y llwyth achosion hwn eto. Mae pobl yn ymddangos yma pan gaiff y gweithiwr ei ychwanegu at eu tîm gofal.',
  'not-loaded': 'Nid oedd modd llwytho’r llwyth achosion. Rhowch gynnig arall arni, neu gofynnwch i’r tîm.',
  'try-again': 'Rhowch gynnig arall arni',
  whose: 'Llwyth achosion pwy',
  'worker-you': '{name} (chi)',
  show: 'Dangos',
  'filter.today': 'I’w gweld heddiw',
  'filter.week': 'Yr wythnos hon',
  'filter.everyone': 'Pawb',
  'only-alerts': 'Dim ond pobl â rhybudd agored',
  'only-not-seen': 'Dim ond pobl heb eu gweld ers 7 diwrnod',
  search: 'Chwilio yn ôl enw neu rif GIG',
  'search-hint': 'Er enghraifft, Ada neu 999 000 0018',
  'counts-label': 'Y llwyth achosion mewn ffigurau',
  'count.people': 'Pobl',
  'count.today': 'I’w gweld heddiw',
  'count.alerts': 'Â rhybudd agored',
  'count.not-seen': 'Heb eu gweld ers 7 diwrnod',
  'count.waiting': 'Newidiadau yn aros i’w hanfon',
  showing: same('Yn dangos {shown} o {count}'),
  'none-match': 'Does neb ar y llwyth achosion yn cyfateb. Dewiswch “Pawb” neu cliriwch y chwiliad.',
  'none-today': 'Does neb angen ei weld heddiw.',
  'list-label': 'Pobl, y mwyaf mewn angen yn gyntaf',
  'open-hint': 'Yn agor eu cofnod',
  'nothing-due': 'Dim byd yn ddyledus',
  'new-to-you': 'Newydd i chi ers {date}',
  'last-seen': days('Y cyswllt diwethaf a fynychwyd: {date}, ', ' yn ôl'),
  'last-seen-today': 'Y cyswllt diwethaf a fynychwyd: heddiw',
  'never-seen': 'Dim cyswllt a fynychwyd wedi’i gofnodi',
  agreed: 'Cyswllt y cytunwyd arno: {every}',
  'next-contact': 'Y cyswllt nesaf yn ddyledus ar {date}',
  'next-task': 'Y dasg nesaf yn ddyledus ar {date}',
  'frequency.twice-weekly': 'dwywaith yr wythnos',
  'frequency.weekly': 'bob wythnos',
  'frequency.fortnightly': 'bob pythefnos',
  'frequency.four-weekly': 'bob 4 wythnos',
  'frequency.monthly': 'bob mis',
  offline: 'All-lein: dyma’r hyn sydd ar y ddyfais hon. Anfonir newidiadau pan fydd y cysylltiad yn ôl.',
  'reason.alert-overdue': hours('Rhybudd heb ei gydnabod ers '),
  'reason.alerts-overdue': hours('Rhybuddion heb eu cydnabod: {alerts}; yr hynaf ers '),
  'reason.alert-open': hours('Rhybudd agored, codwyd ', ' yn ôl'),
  'reason.alert-open-now': 'Rhybudd agored, codwyd yn ystod yr awr ddiwethaf',
  'reason.alerts-open': hours('Rhybuddion agored: {alerts}; codwyd yr hynaf ', ' yn ôl'),
  'reason.sign-check-rise': forms(
    'Cododd y gwiriad arwyddion ar {date} {count} pwynt uwchlaw’r llinell sylfaen',
    'Cododd y gwiriad arwyddion ar {date} {count} o bwyntiau uwchlaw’r llinell sylfaen',
    'Cododd y gwiriad arwyddion ar {date} {count} bwynt uwchlaw’r llinell sylfaen',
    'Cododd y gwiriad arwyddion ar {date} {count} phwynt uwchlaw’r llinell sylfaen',
  ),
  'reason.contact-overdue': days('Dim cyswllt ers ', ' — cytunwyd {every}'),
  'reason.no-contact': 'Dim cyswllt a fynychwyd wedi’i gofnodi — cytunwyd {every}',
  'reason.task-overdue': days('Tasg ', ' yn hwyr'),
  'reason.tasks-overdue': days('Tasgau yn hwyr: {tasks}; yr hynaf ', ' yn hwyr'),
  'reason.review-overdue': days('Adolygiad o’r cynllun gofal ', ' yn hwyr'),
  'reason.contact-due-today': 'Cyswllt yn ddyledus heddiw — cytunwyd {every}',
  'reason.review-due-today': 'Adolygiad o’r cynllun gofal yn ddyledus heddiw',
  'reason.review-due': days('Adolygiad o’r cynllun gofal yn ddyledus ymhen '),
  'reason.unsynced': same('Newidiadau heb eu hanfon i’r system gofnodion eto: {count}'),
  'reason.no-frequency': 'Dim amlder cyswllt wedi’i gytuno',
};

export default cy;
