import { StrSyncStatus } from '../sync-status/sync-status.js';

customElements.define('str-sync-status', StrSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'str-sync-status': StrSyncStatus;
  }
}
