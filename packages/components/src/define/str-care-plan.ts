import { StrCarePlan } from '../care-plan/care-plan.js';
import { defineElement } from '../internal/define.js';

defineElement('str-care-plan', StrCarePlan);

declare global {
  interface HTMLElementTagNameMap {
    'str-care-plan': StrCarePlan;
  }
}
