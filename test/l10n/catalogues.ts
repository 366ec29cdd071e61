// Every catalogue the kit ships, for the checks that walk all of them (the XLIFF export, l10n/xliff/). A converted
// widget adds its catalogue here, then runs `npm run xliff`.
import type { Catalogue } from '../../packages/components/src/l10n/catalogue.js';
import { CARE_PLAN_MESSAGES } from '../../packages/components/src/care-plan/care-plan.messages.js';
import { CONTACT_LOG_MESSAGES } from '../../packages/components/src/contact-log/contact-log.messages.js';
import { COMMON } from '../../packages/components/src/l10n/common.messages.js';
import { RULE_MESSAGES } from '../../packages/components/src/l10n/rules.messages.js';
import { ALERT_INBOX_MESSAGES } from '../../packages/components/src/relapse-signs/alert-inbox.messages.js';
import { RELAPSE_CHECK_MESSAGES } from '../../packages/components/src/relapse-signs/relapse-check.messages.js';
import { RELAPSE_PLAN_MESSAGES } from '../../packages/components/src/relapse-signs/relapse-plan.messages.js';
import { RELAPSE_MESSAGES } from '../../packages/components/src/relapse-signs/relapse-shared.messages.js';
import { RELAPSE_SIGNS_MESSAGES } from '../../packages/components/src/relapse-signs/relapse-signs.messages.js';
import { RELAPSE_TREND_MESSAGES } from '../../packages/components/src/relapse-signs/relapse-trend.messages.js';
import { CASELOAD_MESSAGES } from '../../packages/components/src/caseload/caseload.messages.js';
import { TEAM_MESSAGES } from '../../packages/components/src/team/team.messages.js';
import { CARE_PATHWAY_MESSAGES } from '../../packages/components/src/care-pathway/care-pathway.messages.js';
import { SYNC_STATUS_MESSAGES } from '../../packages/components/src/sync-status/sync-status.messages.js';

export const ALL_CATALOGUES: readonly Catalogue[] = [COMMON, RULE_MESSAGES, SYNC_STATUS_MESSAGES, CONTACT_LOG_MESSAGES, CARE_PLAN_MESSAGES, RELAPSE_MESSAGES, RELAPSE_CHECK_MESSAGES, RELAPSE_TREND_MESSAGES, RELAPSE_PLAN_MESSAGES, ALERT_INBOX_MESSAGES, RELAPSE_SIGNS_MESSAGES, CASELOAD_MESSAGES, TEAM_MESSAGES, CARE_PATHWAY_MESSAGES];
