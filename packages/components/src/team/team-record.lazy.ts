// What <str-team> loads when a team lead first opens a form (issue 19's budgets): most who open the team only read
// it. The checks, the drawing, and `teamClient`, whose writes parse with the SDK's zod schemas.
export { keptDraft, issueSaid, reallocated, reallocationRefusals, supervisionInput, supervisionRefusals, trainingInput, trainingRefusals } from './team-record.check.js';
export { renderForm } from './team-record.render.js';
export { teamClient } from '@strkit/sdk';
