import type { ContactInput } from '@strkit/sdk';

/** Intent (controlled mode, no client): the worker asked to save this contact; the host stores it. Cancelable. */
export interface ContactSaveDetail {
  readonly contact: ContactInput & { readonly id: string };
}
export type ContactSaveEvent = CustomEvent<ContactSaveDetail>;

/** Notification (connected mode): the client stored the contact. Ids and version only, never clinical text. */
export interface ContactSavedDetail {
  readonly id: string;
  readonly version: string;
  readonly serviceUserId: string;
}
export type ContactSavedEvent = CustomEvent<ContactSavedDetail>;

declare global {
  interface HTMLElementEventMap {
    'str-contact-save': ContactSaveEvent;
    'str-contact-saved': ContactSavedEvent;
    /** Connected mode: a correction was stored (a new version). Ids and version only. */
    'str-contact-corrected': ContactSavedEvent;
    /** Connected mode: a contact was marked entered in error. Ids and version only. */
    'str-contact-entered-in-error': ContactSavedEvent;
  }
}
