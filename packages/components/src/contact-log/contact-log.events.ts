import type { ContactInput, ContactUpdate } from '@strkit/sdk';
import type { RecordNotice, StrIntentEvent, StrRecordEvent } from '../internal/events.js';

/** Intent (controlled mode, no client): the worker asked to save this contact; the host stores it. Cancelable. */
export interface ContactSaveDetail {
  readonly contact: ContactInput & { readonly id: string };
}
export type ContactSaveEvent = StrIntentEvent<ContactSaveDetail>;

/** Intent (controlled mode): the worker corrected a contact; the host stores the changes as a new version. Cancelable. */
export interface ContactCorrectDetail {
  readonly id: string;
  /** The version the worker corrected: the host refuses the change if the stored one has moved on. */
  readonly expectedVersion: string;
  readonly serviceUserId: string;
  readonly changes: ContactUpdate;
}
export type ContactCorrectEvent = StrIntentEvent<ContactCorrectDetail>;

/** Intent (controlled mode): the worker marked a contact entered in error, saying why. It is never deleted. Cancelable. */
export interface ContactMarkDetail {
  readonly id: string;
  readonly expectedVersion: string;
  readonly serviceUserId: string;
  readonly reason: string;
}
export type ContactMarkEvent = StrIntentEvent<ContactMarkDetail>;

/** Notification (connected mode): the client stored a contact. Type, ids and version only, never clinical text. */
export type ContactSavedDetail = RecordNotice;
export type ContactSavedEvent = StrRecordEvent<ContactSavedDetail>;

declare global {
  interface HTMLElementEventMap {
    'str-contact-save': ContactSaveEvent;
    'str-contact-correct': ContactCorrectEvent;
    'str-contact-mark-entered-in-error': ContactMarkEvent;
    'str-contact-saved': ContactSavedEvent;
    /** Connected mode: a correction was stored (a new version). Type, ids and version only. */
    'str-contact-corrected': ContactSavedEvent;
    /** Connected mode: a contact was marked entered in error. Type, ids and version only. */
    'str-contact-entered-in-error': ContactSavedEvent;
  }
}
