import { StrTeam } from '../team/team.js';
import { defineElement } from '../internal/define.js';

defineElement('str-team', StrTeam);

declare global {
  interface HTMLElementTagNameMap {
    'str-team': StrTeam;
  }
}
