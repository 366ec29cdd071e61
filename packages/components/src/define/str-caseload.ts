import { StrCaseload } from '../caseload/caseload.js';
import { defineElement } from '../internal/define.js';

defineElement('str-caseload', StrCaseload);

declare global {
  interface HTMLElementTagNameMap {
    'str-caseload': StrCaseload;
  }
}
