// Welsh for sync-status.messages.ts. Awaiting review by a Welsh-speaking clinician: terms and their sources are in
// docs/i18n/glossary-cy.md. With digits Welsh keeps the noun singular ("3 newid"); from 11 up it reads "11 o newidiadau".
import type { Translation } from '../l10n/catalogue.js';
import type { SyncStatusMessages } from './sync-status.messages.js';

const still = 'wedi’u cadw ar y ddyfais hon a heb gyrraedd y system gofnodion eto.';

const cy: Translation<SyncStatusMessages> = {
  'lost-after': 'Efallai fod newidiadau a wnaed ar y ddyfais hon ar ôl {when} wedi’u colli:',
  'lost-unknown': 'Efallai fod newidiadau a wnaed ar y ddyfais hon wedi’u colli:',
  'lost-why': 'cliriodd y porwr storfa’r ddyfais hon. Gwiriwch y system gofnodion am unrhyw beth sydd ar goll, a’i gofnodi eto.',
  'all-sent': 'Mae pob newid yn y system gofnodion.',
  'all-sent-checked': 'Mae pob newid yn y system gofnodion, wedi’i wirio am {time}.',
  sending: 'Wrthi’n anfon:',
  waiting: 'Yn aros i anfon:',
  offline: 'All-lein:',
  unsynced: {
    zero: 'Does dim newid wedi’i gadw ar y ddyfais hon heb gyrraedd y system gofnodion.',
    one: 'Mae {count} newid wedi’i gadw ar y ddyfais hon a heb gyrraedd y system gofnodion eto.',
    two: `Mae {count} newid ${still}`,
    few: `Mae {count} newid ${still}`,
    many: `Mae {count} newid ${still}`,
    other: `Mae {count} o newidiadau ${still}`,
  },
  oldest: 'Cafodd yr hynaf ei gadw ar {when} ({ago}).',
  'nothing-lost': 'Does dim wedi’i golli: byddan nhw’n cael eu hanfon pan fydd y cysylltiad yn ôl.',
  'will-send': 'Byddan nhw’n cael eu hanfon pan fydd y cysylltiad yn ôl.',
  'not-persisted':
    'Nid yw’r porwr hwn wedi cytuno i gadw cofnodion ar y ddyfais hon: gall eu clirio os bydd y ddyfais yn brin o le, felly dim ond ar ôl eu hanfon y mae newidiadau’n ddiogel.',
  attention: {
    zero: 'Does dim newid angen eich sylw:',
    one: 'Mae {count} newid angen eich sylw:',
    two: 'Mae {count} newid angen eich sylw:',
    few: 'Mae {count} newid angen eich sylw:',
    many: 'Mae {count} newid angen eich sylw:',
    other: 'Mae {count} o newidiadau angen eich sylw:',
  },
  conflict: 'Mae rhywun arall wedi newid y cofnod hwn yn y system gofnodion yn y cyfamser. Mae’r ddwy fersiwn yn cael eu cadw.',
  'conflict-gone': 'Nid yw’r cofnod hwn gan y system gofnodion mwyach (cafodd ei ddileu yno). Mae eich fersiwn chi wedi’i chadw: cadwch hi i’w hanfon fel cofnod newydd, neu copïwch ei thestun.',
  refused: 'Gwrthododd y system gofnodion y newid:',
  'refused.forbidden': 'Gwrthododd y system gofnodion y newid: nid oes gennych ganiatâd i wneud y newid hwn.',
  'refused.validation': 'Gwrthododd y system gofnodion y newid am nad yw’n ddilys.',
  'refused.unauthenticated': 'Gwrthododd y system gofnodion y mewngofnodi. Mewngofnodwch eto, yna rhowch gynnig arall arni.',
  'refused.not-found': 'Gwrthododd y system gofnodion y newid: nid oes ganddi’r cofnod y mae’r newid hwn ar ei gyfer.',
  'refused.mapping': 'Nid oedd modd rhoi’r newid hwn yn fformat y system gofnodion.',
  'refused.other': 'Gwrthododd y system gofnodion y newid (HTTP {status}).',
  'refused.other-no-status': 'Gwrthododd y system gofnodion y newid.',
  'their-words': 'Dywedodd:',
  'send-now': 'Anfon nawr',
  'keep-mine': 'Cadw fy fersiwn i',
  'take-theirs': 'Derbyn eu fersiwn nhw',
  'try-again': 'Rhoi cynnig arall arni',
  'keep-mine-new': 'Cadw fy fersiwn i fel fersiwn newydd',
  'copy-text': 'Copïo’r testun',
  'for-record': 'ar gyfer {record}',
  'text-to-copy': 'Testun {record}, i’w gopïo:',
};

export default cy;
