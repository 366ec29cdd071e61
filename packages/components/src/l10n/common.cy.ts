// Welsh for common.messages.ts. Awaiting review by a Welsh-speaking clinician (docs/i18n/glossary-cy.md).
import type { Translation } from './catalogue.js';
import type { CommonMessages } from './common.messages.js';

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
};

export default cy;
