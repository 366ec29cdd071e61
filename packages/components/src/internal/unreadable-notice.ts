import { html, nothing } from 'lit';

/**
 * What a widget says when records were left out because they could not be read (issue 14): how many, never which
 * content, and whom to tell. Nothing when every record was read.
 */
export function unreadableNotice(count: number) {
  return count > 0
    ? html`<p class="unreadable" role="alert">${count === 1 ? '1 record' : `${count} records`} could not be read, so ${count === 1 ? 'it is' : 'they are'} not shown. Tell your system administrator.</p>`
    : nothing;
}
