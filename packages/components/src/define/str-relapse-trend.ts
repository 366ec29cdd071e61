import { StrRelapseTrend } from '../relapse-signs/relapse-trend.js';
import { defineElement } from '../internal/define.js';

defineElement('str-relapse-trend', StrRelapseTrend);

declare global {
  interface HTMLElementTagNameMap {
    'str-relapse-trend': StrRelapseTrend;
  }
}
