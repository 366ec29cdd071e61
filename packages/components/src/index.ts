// @strkit/components — element classes without side effects. Import `@strkit/components/define/<tag>.js` to register.
// The SDK's types that the elements' properties and events use, so a host types what it passes from one import
// (the manifest validator in `npm test` checks that every type in an element's public API is exported here).
export type {
  Alert, CarePlan, CaseloadSummary, Clock, Contact, Goal, PersonSummary, ProgressNote, SignCheck, StrClient, Task, TeamSummary, TrainingItem, WarningSignPlan, WorkerSummary,
} from '@strkit/sdk';
export { clientContext } from './context.js';
export { StrProvider } from './provider/provider.js';
export { registerStrings, localeContext, type LocaleSettings } from './l10n/locale.js';
export type { Message, PluralMessage, StringOverrides } from './l10n/catalogue.js';
export { tokens } from './internal/tokens.styles.js';
export { focus } from './internal/focus.styles.js';
export { StrContactLog, type ContactLogFormValue } from './contact-log/contact-log.js';
export type {
  ContactSaveDetail, ContactSaveEvent, ContactCorrectDetail, ContactCorrectEvent, ContactMarkDetail, ContactMarkEvent, ContactSavedDetail, ContactSavedEvent,
} from './contact-log/contact-log.events.js';
export { StrCarePlan, type CarePlanEditor, type CarePlanViewMode } from './care-plan/care-plan.js';
export { CARE_PLAN_NOTICES } from './care-plan/care-plan.events.js';
export type {
  CarePlanCreateDetail, CarePlanUpdateDetail, CarePlanReviewDetail, GoalsReorderDetail, TasksReorderDetail, GoalCreateDetail, GoalUpdateDetail, TaskCreateDetail, TaskUpdateDetail, TaskCompleteDetail, TaskReopenDetail, TaskStatusChangeDetail, ProgressNoteCreateDetail, CarePlanIntentDetails, CarePlanIntentName, CarePlanIntent, CarePlanNoticeName, CarePlanNotice, CarePlanCreateEvent, CarePlanUpdateEvent, CarePlanReviewEvent, GoalsReorderEvent, TasksReorderEvent, GoalCreateEvent, GoalUpdateEvent, TaskCreateEvent, TaskUpdateEvent, TaskCompleteEvent, TaskReopenEvent, TaskStatusChangeEvent, ProgressNoteCreateEvent, CarePlanRecordEvent,
} from './care-plan/care-plan.events.js';
export { StrRelapseSigns, type SignRatings, type CheckDetails } from './relapse-signs/relapse-signs.js';
export { StrRelapseCheck } from './relapse-signs/relapse-check.js';
export { StrRelapseTrend } from './relapse-signs/relapse-trend.js';
export { StrRelapsePlan } from './relapse-signs/relapse-plan.js';
export { StrAlertInbox } from './relapse-signs/alert-inbox.js';
export type {
  CheckSaveDetail, CheckSaveEvent, CheckSavedDetail, CheckSavedEvent, AlertRaiseDetail, AlertRaiseEvent, AlertRaisedDetail, AlertRaisedEvent,
  AlertAcknowledgedDetail, AlertAcknowledgedEvent, AlertAcknowledgeDetail, AlertAcknowledgeEvent, SignPlanSaveDetail, SignPlanSaveEvent,
  SignPlanSavedDetail, SignPlanSavedEvent,
} from './relapse-signs/relapse-signs.events.js';
export { StrSyncStatus } from './sync-status/sync-status.js';
export { StrCaseload, type CaseloadWorker } from './caseload/caseload.js';
export type { CaseloadFilter } from './caseload/caseload.view.js';
export type { PersonOpenDetail, PersonOpenEvent, CaseloadWorkerChangeDetail, CaseloadWorkerChangeEvent } from './caseload/caseload.events.js';
export { StrTeam } from './team/team.js';
export { StrCarePathway } from './care-pathway/care-pathway.js';
export type { CarePathway, PathwayWorker } from './care-pathway/care-pathway.view.js';
export { StrIntentEvent, StrRecordEvent, type RecordNotice } from './internal/events.js';
