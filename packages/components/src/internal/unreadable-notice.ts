import type { Unreadable } from '@strkit/sdk';
import { html, nothing } from 'lit';

const records = (n: number) => (n === 1 ? '1 record' : `${n} records`);

/**
 * What a widget says when records were left out because they could not be read (issue 14): how many, never which
 * content, and whom to tell. Records a newer STR Kit wrote (an older tab, issue 16) are told apart: reloading the
 * page brings the version that reads them. Nothing when every record was read.
 */
export function unreadableNotice(found: number | readonly Unreadable[]) {
  const count = typeof found === 'number' ? found : found.length;
  const newer = typeof found === 'number' ? 0 : found.filter((u) => u.code === 'newer-version').length;
  const other = count - newer;
  if (count === 0) return nothing;
  return html`<p class="unreadable" role="alert">${newer > 0
      ? `${records(newer)} ${newer === 1 ? 'was' : 'were'} made by a newer version of STR Kit, so ${newer === 1 ? 'it is' : 'they are'} not shown here. Reload the page to see ${newer === 1 ? 'it' : 'them'}. `
      : ''}${other > 0 ? `${records(other)} could not be read, so ${other === 1 ? 'it is' : 'they are'} not shown. Tell your system administrator.` : ''}</p>`;
}
