import { StrRelapsePlan } from '../relapse-signs/relapse-plan.js';
import { defineElement } from '../internal/define.js';

defineElement('str-relapse-plan', StrRelapsePlan);

declare global {
  interface HTMLElementTagNameMap {
    'str-relapse-plan': StrRelapsePlan;
  }
}
