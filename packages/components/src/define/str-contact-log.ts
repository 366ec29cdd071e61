import { StrContactLog } from '../contact-log/contact-log.js';
import { defineElement } from '../internal/define.js';

defineElement('str-contact-log', StrContactLog);

declare global {
  interface HTMLElementTagNameMap {
    'str-contact-log': StrContactLog;
  }
}
