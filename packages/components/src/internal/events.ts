import type { RecordType } from '@strkit/sdk';

/**
 * The one event model of every widget (ADR 0010). Two kinds, and only two:
 * - **Intent** (controlled mode, no client): one cancelable event per user action, named `str-<thing>-<verb>`
 *   (`str-contact-save`, `str-alert-acknowledge`). The detail is what the host must store. Cancelled, the widget keeps
 *   the form as typed; not cancelled, the widget treats the action as done.
 * - **Notification** (connected mode): the client stored a record, named `str-<thing>-<verb, past>`
 *   (`str-contact-saved`). The detail is always a {@link RecordNotice}: ids and version only, never clinical text.
 * Both bubble and cross shadow roots, so a host listens once on the page or on the element.
 */

/** What every notification says: which record, which version, whose. Never clinical text. */
export interface RecordNotice {
  readonly type: RecordType;
  readonly id: string;
  readonly version: string;
  readonly serviceUserId: string;
}

/** A user's action in controlled mode: the host stores `detail` or calls `preventDefault()` to refuse it. */
export class StrIntentEvent<D> extends CustomEvent<D> {
  constructor(name: string, detail: D) {
    super(name, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** The client stored a record (connected mode). */
export class StrRecordEvent<D extends RecordNotice = RecordNotice> extends CustomEvent<D> {
  constructor(name: string, detail: D) {
    super(name, { detail, bubbles: true, composed: true });
  }
}

/** Fires an intent from `host`; true when the host let it go ahead (did not cancel it). */
export function requestIntent<D>(host: EventTarget, name: string, detail: D): boolean {
  return host.dispatchEvent(new StrIntentEvent(name, detail));
}

/** Fires a notification from `host` that the client stored a record. */
export function notifyRecord<D extends RecordNotice>(host: EventTarget, name: string, detail: D): void {
  host.dispatchEvent(new StrRecordEvent(name, detail));
}
