import { StrContactLog } from '../contact-log/contact-log.js';

customElements.define('str-contact-log', StrContactLog);

declare global {
  interface HTMLElementTagNameMap {
    'str-contact-log': StrContactLog;
  }
}
