// @strkit/components — element classes without side effects. Import `@strkit/components/define/<tag>.js` to register.
export { clientContext } from './context.js';
export { StrProvider } from './provider/provider.js';
export { tokens } from './internal/tokens.styles.js';
export { focus } from './internal/focus.styles.js';
export { StrContactLog, type ContactLogFormValue } from './contact-log/contact-log.js';
export type { ContactSaveDetail, ContactSaveEvent, ContactSavedDetail, ContactSavedEvent } from './contact-log/contact-log.events.js';
export { StrCarePlan, type CarePlanEditor, type CarePlanViewMode } from './care-plan/care-plan.js';
export { CARE_PLAN_NOTICES } from './care-plan/care-plan.events.js';
export type * from './care-plan/care-plan.events.js';
export { StrRelapseSigns, type SignRatings, type CheckDetails } from './relapse-signs/relapse-signs.js';
export type {
  CheckSaveDetail, CheckSaveEvent, CheckSavedDetail, CheckSavedEvent, AlertRaiseDetail, AlertRaiseEvent, AlertRaisedDetail, AlertRaisedEvent,
  AlertAcknowledgedDetail, AlertAcknowledgedEvent,
} from './relapse-signs/relapse-signs.events.js';
export { StrSyncStatus } from './sync-status/sync-status.js';
