import { StrRelapseSigns } from '../relapse-signs/relapse-signs.js';
import { defineElement } from '../internal/define.js';

defineElement('str-relapse-signs', StrRelapseSigns);

declare global {
  interface HTMLElementTagNameMap {
    'str-relapse-signs': StrRelapseSigns;
  }
}
