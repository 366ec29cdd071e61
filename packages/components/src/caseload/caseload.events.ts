import type { StrIntentEvent } from '../internal/events.js';

// The events of <str-caseload> (ADR 0010 for the model). Both are intents, in either mode: opening a person is the
// host's to do (it owns the page), and so is showing another worker's caseload in controlled mode.

/** Intent: the worker chose a person to open. The host shows their record. Cancelable. Ids only. */
export interface PersonOpenDetail {
  readonly serviceUserId: string;
}
export type PersonOpenEvent = StrIntentEvent<PersonOpenDetail>;

/**
 * Intent: a co-ordinator or team lead chose whose caseload to view. Connected, the element shows it unless the host
 * cancels; controlled, the host gives the new `.summary`. Cancelable.
 */
export interface CaseloadWorkerChangeDetail {
  readonly workerId: string;
}
export type CaseloadWorkerChangeEvent = StrIntentEvent<CaseloadWorkerChangeDetail>;

declare global {
  interface HTMLElementEventMap {
    'str-person-open': PersonOpenEvent;
    'str-caseload-worker-change': CaseloadWorkerChangeEvent;
  }
}
