import { StrRelapseCheck } from '../relapse-signs/relapse-check.js';
import { defineElement } from '../internal/define.js';

defineElement('str-relapse-check', StrRelapseCheck);

declare global {
  interface HTMLElementTagNameMap {
    'str-relapse-check': StrRelapseCheck;
  }
}
