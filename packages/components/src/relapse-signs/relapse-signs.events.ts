import type { AlertInput, SignCheckInput, WarningSignPlanUpdate } from '@strkit/sdk';
import type { RecordNotice, StrIntentEvent, StrRecordEvent } from '../internal/events.js';

// The events of the four relapse elements and of <str-relapse-signs> (ADR 0010 for the model, ADR 0011 for who fires what).

/** Intent (controlled mode, no client): the worker asked to save this check; the host stores it. Cancelable. */
export interface CheckSaveDetail {
  readonly check: SignCheckInput & { readonly id: string };
}
export type CheckSaveEvent = StrIntentEvent<CheckSaveDetail>;

/** Notification (connected mode): the client stored a check. Ids, version and whether the rule fired; never text. */
export interface CheckSavedDetail extends RecordNotice {
  readonly type: 'signCheck';
  readonly ruleFired: boolean;
}
export type CheckSavedEvent = StrRecordEvent<CheckSavedDetail>;

/** Intent (controlled mode): the worker asked to send an alert. Cancelable. */
export interface AlertRaiseDetail {
  readonly alert: AlertInput & { readonly id: string };
}
export type AlertRaiseEvent = StrIntentEvent<AlertRaiseDetail>;

/** Notification (connected mode): the client stored an alert to the care co-ordinator. Ids and version only. */
export interface AlertRaisedDetail extends RecordNotice {
  readonly type: 'alert';
  readonly checkId: string;
}
export type AlertRaisedEvent = StrRecordEvent<AlertRaisedDetail>;

/** Notification (connected mode): a care co-ordinator acknowledged an alert. Ids and version only. */
export interface AlertAcknowledgedDetail extends RecordNotice {
  readonly type: 'alert';
}
export type AlertAcknowledgedEvent = StrRecordEvent<AlertAcknowledgedDetail>;

/** Intent (controlled mode): the care co-ordinator acknowledged an alert with what was done. Cancelable. */
export interface AlertAcknowledgeDetail {
  readonly alertId: string;
  /** The version shown when the worker acknowledged it: store it only if the alert has not changed since. */
  readonly expectedVersion: string;
  readonly serviceUserId: string;
  /** What was done, as typed. */
  readonly action: string;
}
export type AlertAcknowledgeEvent = StrIntentEvent<AlertAcknowledgeDetail>;

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
export type SignPlanSaveEvent = StrIntentEvent<SignPlanSaveDetail>;

/** Notification (connected mode): the client stored the warning-sign plan. Ids and version only. */
export interface SignPlanSavedDetail extends RecordNotice {
  readonly type: 'warningSignPlan';
}
export type SignPlanSavedEvent = StrRecordEvent<SignPlanSavedDetail>;

declare global {
  interface HTMLElementEventMap {
    'str-check-save': CheckSaveEvent;
    'str-check-saved': CheckSavedEvent;
    'str-alert-raise': AlertRaiseEvent;
    'str-alert-raised': AlertRaisedEvent;
    'str-alert-acknowledged': AlertAcknowledgedEvent;
    'str-alert-acknowledge': AlertAcknowledgeEvent;
    'str-sign-plan-save': SignPlanSaveEvent;
    'str-sign-plan-saved': SignPlanSavedEvent;
  }
}
