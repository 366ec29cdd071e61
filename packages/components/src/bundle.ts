// The script-tag bundle: every element registered, plus the SDK, so a page needs one file.
export * from '@strkit/sdk';
export * from './index.js';
import './define/str-provider.js';
import './define/str-contact-log.js';
import './define/str-care-plan.js';
import './define/str-relapse-signs.js';
import './define/str-relapse-check.js';
import './define/str-relapse-trend.js';
import './define/str-relapse-plan.js';
import './define/str-alert-inbox.js';
import './define/str-sync-status.js';
import './define/str-caseload.js';
import './define/str-team.js';
import './define/str-care-pathway.js';
