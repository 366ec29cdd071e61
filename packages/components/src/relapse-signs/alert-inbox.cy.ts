// Welsh for alert-inbox.messages.ts. Awaiting review by a Welsh-speaking clinician: terms and their sources are in
// docs/i18n/glossary-cy.md ("Relapse signs and alerts"). With digits Welsh keeps the noun singular and mutates it as
// the spoken number would ("2 wiriad", "3 gwiriad"); from 11 up it reads "11 o wiriadau".
import type { Translation } from '../l10n/catalogue.js';
import type { AlertInboxMessages } from './alert-inbox.messages.js';

const cy: Translation<AlertInboxMessages> = {
  'alerts-heading': 'Rhybuddion agored',
  'alerts-loading': 'Wrthi’n llwytho’r rhybuddion…',
  'alerts-none': 'Dim rhybuddion agored.',
  'alerts-not-loaded': 'Nid oedd modd llwytho’r rhybuddion. Rhowch gynnig arall arni, neu gofynnwch i’r tîm.',
  'alerts-done': 'Wedi’u cydnabod yn ystod y 7 diwrnod diwethaf',
  'go-to-alert': 'Mynd i rybudd',
  'alert-link': 'Rhybudd {n} o {of}: {person}, codwyd {date}',
  'alert-place': 'Rhybudd {n} o {of}',
  'person-not-on-caseload': 'Person nad yw ar y llwyth achosion hwn',
  'person-not-named': 'Person (heb roi enw)',
  overdue: 'Yn hwyr:',
  'overdue-for': {
    zero: 'ar agor ers {count} awr, mwy na {limit}.',
    one: 'ar agor ers {count} awr, mwy na {limit}.',
    two: 'ar agor ers {count} awr, mwy na {limit}.',
    few: 'ar agor ers {count} awr, mwy na {limit}.',
    many: 'ar agor ers {count} awr, mwy na {limit}.',
    other: 'ar agor ers {count} o oriau, mwy na {limit}.',
  },
  raised: 'Codwyd {when} gan {who}',
  note: 'Nodyn:',
  'what-done': 'Beth a wnaed',
  'what-done-for': 'ar gyfer {person}',
  'enter-what-done': 'Rhowch beth a wnaed',
  acknowledge: 'Cydnabod',
  'acknowledge-for': 'y rhybudd ar gyfer {person}',
  'ack-sent': 'Anfonwyd cydnabyddiaeth ar gyfer {person}',
  'ack-done': 'Cydnabuwyd y rhybudd ar gyfer {person}',
  'ack-conflict': 'Mae rhywun arall wedi cydnabod neu newid y rhybudd hwn; mae’r rhestr nawr yn dangos yr hyn sydd wedi’i storio',
  acknowledged: 'Cydnabuwyd {when} gan {who}: {action}',
};

export default cy;
