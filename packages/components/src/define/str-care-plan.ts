import { StrCarePlan } from '../care-plan/care-plan.js';

customElements.define('str-care-plan', StrCarePlan);

declare global {
  interface HTMLElementTagNameMap {
    'str-care-plan': StrCarePlan;
  }
}
