import { StrSyncStatus } from '../sync-status/sync-status.js';
import { defineElement } from '../internal/define.js';

defineElement('str-sync-status', StrSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'str-sync-status': StrSyncStatus;
  }
}
