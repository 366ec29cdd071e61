import type { AlertInput, SignCheckInput, WarningSignPlanUpdate } from '@strkit/sdk';

/** Intent (controlled mode, no client): the worker asked to save this check; the host stores it. Cancelable. */
export interface CheckSaveDetail {
  readonly check: SignCheckInput & { readonly id: string };
}
export type CheckSaveEvent = CustomEvent<CheckSaveDetail>;

/** Notification (connected mode): the client stored a check. Ids, version and whether the rule fired; never text. */
export interface CheckSavedDetail {
  readonly id: string;
  readonly version: string;
  readonly serviceUserId: string;
  readonly ruleFired: boolean;
}
export type CheckSavedEvent = CustomEvent<CheckSavedDetail>;

/** Intent (controlled mode): the worker asked to send an alert. Cancelable. */
export interface AlertRaiseDetail {
  readonly alert: AlertInput & { readonly id: string };
}
export type AlertRaiseEvent = CustomEvent<AlertRaiseDetail>;

/** Notification (connected mode): the client stored an alert to the care co-ordinator. Ids and version only. */
export interface AlertRaisedDetail {
  readonly id: string;
  readonly version: string;
  readonly serviceUserId: string;
  readonly checkId: string;
}
export type AlertRaisedEvent = CustomEvent<AlertRaisedDetail>;

/** Notification (connected mode): a care co-ordinator acknowledged an alert. Ids and version only. */
export interface AlertAcknowledgedDetail {
  readonly id: string;
  readonly version: string;
  readonly serviceUserId: string;
}
export type AlertAcknowledgedEvent = CustomEvent<AlertAcknowledgedDetail>;

/** Intent (controlled mode): the care co-ordinator acknowledged an alert with what was done. Cancelable. */
export interface AlertAcknowledgeDetail {
  readonly alertId: string;
  /** The version shown when the worker acknowledged it: store it only if the alert has not changed since. */
  readonly expectedVersion: string;
  readonly serviceUserId: string;
  /** What was done, as typed. */
  readonly action: string;
}
export type AlertAcknowledgeEvent = CustomEvent<AlertAcknowledgeDetail>;

/**
 * Intent (controlled mode): the co-ordinator saved the warning-sign plan. Cancelable: cancelled, the editor stays open
 * as typed. No `planId` for a new plan (the host creates it for `serviceUserId` with `changes`).
 */
export interface SignPlanSaveDetail {
  readonly planId?: string;
  readonly expectedVersion?: string;
  readonly serviceUserId: string;
  readonly changes: WarningSignPlanUpdate;
}
export type SignPlanSaveEvent = CustomEvent<SignPlanSaveDetail>;

declare global {
  interface HTMLElementEventMap {
    'str-check-save': CheckSaveEvent;
    'str-check-saved': CheckSavedEvent;
    'str-alert-raise': AlertRaiseEvent;
    'str-alert-raised': AlertRaisedEvent;
    'str-alert-acknowledged': AlertAcknowledgedEvent;
    'str-alert-acknowledge': AlertAcknowledgeEvent;
    'str-sign-plan-save': SignPlanSaveEvent;
  }
}
