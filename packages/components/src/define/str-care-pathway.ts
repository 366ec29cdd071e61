import { StrCarePathway } from '../care-pathway/care-pathway.js';
import { defineElement } from '../internal/define.js';

defineElement('str-care-pathway', StrCarePathway);

declare global {
  interface HTMLElementTagNameMap {
    'str-care-pathway': StrCarePathway;
  }
}
