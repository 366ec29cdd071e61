import { StrRelapseSigns } from '../relapse-signs/relapse-signs.js';

customElements.define('str-relapse-signs', StrRelapseSigns);

declare global {
  interface HTMLElementTagNameMap {
    'str-relapse-signs': StrRelapseSigns;
  }
}
