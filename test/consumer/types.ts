// Type-checked by scripts/consumer.mjs with `strict` against the `npm pack` output only (no source condition), as a
// host writing plain TypeScript would: the tag name gives the element's class, the event name its detail type.
import '@strkit/components/define/str-contact-log.js';
import type { StrContactLog } from '@strkit/components';

const log = document.createElement('str-contact-log');
export const typed: StrContactLog = log;
log.addEventListener('str-contact-saved', (e) => {
  const id: string = e.detail.id;
  const version: string = e.detail.version;
  // @ts-expect-error the detail carries ids and a version only: a typo must not type-check
  void e.detail.contactId;
  void [id, version];
});
log.serviceUserId = 'a-person';
// @ts-expect-error a property the element does not have
log.notAProperty = true;
