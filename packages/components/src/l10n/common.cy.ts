// Welsh for common.messages.ts. Awaiting review by a Welsh-speaking clinician (docs/i18n/glossary-cy.md).
import type { PluralMessage, Translation } from './catalogue.js';
import type { CommonMessages } from './common.messages.js';

/**
 * Welsh plural forms: `singular` for 0 to 10 (and `one` for 1, if it differs), `other` from 11. Shared by every Welsh
 * catalogue from here, not from catalogue.ts, so its bytes load only with Welsh.
 */
export const forms = (singular: string, other: string, one = singular): PluralMessage => ({ zero: singular, one, two: singular, few: singular, many: singular, other });

const cy: Translation<CommonMessages> = {
  'just-now': 'eiliadau yn ôl',
  'date-at-time': '{date} am {time}',
  // From CLDR (Welsh), as Intl gives them where it has Welsh data.
  months: 'Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr',
  'date-nhs': '{day} {month} {year}',
  'minutes-ago': { zero: '{count} munud yn ôl', one: '{count} munud yn ôl', two: '{count} munud yn ôl', few: '{count} munud yn ôl', many: '{count} munud yn ôl', other: '{count} munud yn ôl' },
  'hours-ago': { zero: '{count} awr yn ôl', one: '{count} awr yn ôl', two: '{count} awr yn ôl', few: '{count} awr yn ôl', many: '{count} awr yn ôl', other: '{count} awr yn ôl' },
  'days-ago': { zero: '{count} diwrnod yn ôl', one: '{count} diwrnod yn ôl', two: '{count} ddiwrnod yn ôl', few: '{count} diwrnod yn ôl', many: '{count} diwrnod yn ôl', other: '{count} diwrnod yn ôl' },
  minutes: { zero: '{count} munud', one: '{count} munud', two: '{count} funud', few: '{count} munud', many: '{count} munud', other: '{count} munud' },
  hours: { zero: '{count} awr', one: '{count} awr', two: '{count} awr', few: '{count} awr', many: '{count} awr', other: '{count} awr' },
  'list-pair': '{first} a {last}',
  'list-comma': '{first}, {rest}',
  'this.serviceUser': 'manylion y person hwn',
  'this.worker': 'manylion y gweithiwr hwn',
  'this.contact': 'y cyswllt hwn',
  'this.carePlan': 'y cynllun gofal hwn',
  'this.goal': 'y nod hwn',
  'this.task': 'y dasg hon',
  'this.progressNote': 'y nodyn cynnydd hwn',
  'this.warningSignPlan': 'y cynllun arwyddion rhybudd hwn',
  'this.signCheck': 'y gwiriad hwn',
  'this.careTeam': 'y tîm gofal hwn',
  'this.alert': 'y rhybudd hwn',
  'this.other': "y cofnod hwn",
  'unreadable-newer': forms(
    'Cafodd {count} cofnod eu gwneud gan fersiwn mwy newydd o STR Kit, felly nid ydynt yn cael eu dangos yma. Ail-lwythwch y dudalen i’w gweld.',
    'Cafodd {count} o gofnodion eu gwneud gan fersiwn mwy newydd o STR Kit, felly nid ydynt yn cael eu dangos yma. Ail-lwythwch y dudalen i’w gweld.',
    'Cafodd {count} cofnod ei wneud gan fersiwn mwy newydd o STR Kit, felly nid yw’n cael ei ddangos yma. Ail-lwythwch y dudalen i’w weld.',
  ),
  'unreadable-other': forms(
    'Doedd dim modd darllen {count} cofnod, felly nid ydynt yn cael eu dangos. Rhowch wybod i weinyddwr eich system.',
    'Doedd dim modd darllen {count} o gofnodion, felly nid ydynt yn cael eu dangos. Rhowch wybod i weinyddwr eich system.',
    'Doedd dim modd darllen {count} cofnod, felly nid yw’n cael ei ddangos. Rhowch wybod i weinyddwr eich system.',
  ),
};

export default cy;
