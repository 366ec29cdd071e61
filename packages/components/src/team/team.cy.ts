// Welsh for team.messages.ts. Awaiting review by a Welsh-speaking clinician: terms and their sources are in
// docs/i18n/glossary-cy.md ("The team"). Counts follow a colon, so no noun has to agree with them; days and people
// follow the catalogues' number rule (glossary, "Grammar the catalogues follow").
import type { PluralMessage, Translation } from '../l10n/catalogue.js';
import type { TeamMessages } from './team.messages.js';

/** Welsh plural forms: `singular` for 0 to 10, `two` after 2 (mutated), `other` from 11. */
const forms = (singular: string, other: string, two = singular, few = singular): PluralMessage => ({ zero: singular, one: singular, two, few, many: few, other });
const days = (before: string, after = '') => forms(`${before}{count} diwrnod${after}`, `${before}{count} o ddiwrnodau${after}`, `${before}{count} ddiwrnod${after}`);

const cy: Translation<TeamMessages> = {
  heading: 'Y tîm',
  loading: 'Wrthi’n llwytho’r tîm…',
  empty: 'Does dim goruchwyliaeth na hyfforddiant wedi’u cofnodi ar gyfer y tîm hwn eto.',
  'no-workers': 'Does dim gweithwyr STR na gweithwyr cymorth cymheiriaid wedi’u rhestru eto. Ychwanegwch nhw fel gweithwyr i weld eu llwyth gwaith yma.',
  'not-loaded': 'Nid oedd modd llwytho’r tîm. Rhowch gynnig arall arni, neu gofynnwch i’r tîm.',
  'try-again': 'Rhowch gynnig arall arni',
  'not-allowed': 'Dim ond arweinwyr tîm a chydlynwyr gofal sy’n gweld llwyth gwaith y tîm.',
  'counts-label': 'Y tîm mewn rhifau',
  'count.workers': 'Gweithwyr',
  'count.supervision': 'Goruchwyliaeth yn hwyr neu heb ei chofnodi erioed',
  'count.training': 'Hyfforddiant ar goll neu wedi dod i ben',
  'count.alerts': 'Rhybuddion heb eu cydnabod o fewn 24 awr',
  'only-attention': 'Dim ond gweithwyr sydd angen sylw',
  showing: forms('Yn dangos {shown} o {count} gweithiwr', 'Yn dangos {shown} o {count} o weithwyr'),
  'none-match': 'Does dim gweithiwr angen sylw.',
  'list-label': 'Gweithwyr, yn ôl enw',
  'role.str-worker': 'Gweithiwr STR',
  'role.peer-support-worker': 'Gweithiwr cymorth cymheiriaid',
  'role.care-coordinator': 'Cydlynydd gofal',
  'role.team-lead': 'Arweinydd tîm',
  'role.viewer': 'Gwyliwr',
  'fact.caseload': 'Llwyth achosion',
  'fact.contacts': 'Cysylltiadau a fynychwyd',
  'fact.dna': 'Heb fynychu (4 wythnos)',
  'fact.tasks': 'Tasgau hwyr',
  'fact.alerts': 'Rhybuddion agored',
  'fact.supervision': 'Goruchwyliaeth',
  'fact.training': 'Hyfforddiant',
  people: forms('{count} person', '{count} o bobl'),
  contacts: 'Yr wythnos hon: {week} · 4 wythnos: {month}',
  'dna-rate': forms('{percent}% o {count} cyswllt yn ddyledus', '{percent}% o {count} o gysylltiadau yn ddyledus'),
  'dna-none': 'Dim cysylltiadau yn ddyledus',
  alerts: 'Agored: {open} · Heb eu cydnabod o fewn 24 awr: {late}',
  'supervision.never': 'Heb ei chofnodi erioed',
  'supervision.within': 'Diwethaf {last}; nesaf yn ddyledus {due}',
  'supervision.due-today': 'Diwethaf {last}; yn ddyledus heddiw',
  'supervision.overdue': days('Diwethaf {last}; yn hwyr o ', ''),
  'training.all-done': 'Yn gyfredol',
  'training.none-required': 'Dim eitemau ar y rhestr wirio ar gyfer y rôl hon',
  'training.summary': 'Ar goll: {missing} · Yn dod i ben o fewn 30 diwrnod: {expiring} · Wedi dod i ben: {expired}',
  'training.missing': '{title}: heb ei gofnodi',
  'training.expiring': days('{title}: yn dod i ben {date} (mewn ', ')'),
  'training.expired': '{title}: wedi dod i ben {date}',
};

export default cy;
