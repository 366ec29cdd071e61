import { StrAlertInbox } from '../relapse-signs/alert-inbox.js';
import { defineElement } from '../internal/define.js';

defineElement('str-alert-inbox', StrAlertInbox);

declare global {
  interface HTMLElementTagNameMap {
    'str-alert-inbox': StrAlertInbox;
  }
}
