import type { Unreadable } from '@strkit/sdk';
import { html, nothing } from 'lit';

/** The notice's two sentences by count, in the widget's locale (`LocaleController.unreadable()`, l10n/common.messages.ts). */
export interface UnreadableWords {
  newer(n: number): string;
  other(n: number): string;
}

/**
 * What a widget says when records were left out because they could not be read (issue 14): how many, never which
 * content, and whom to tell. Records a newer STR Kit wrote (an older tab, issue 16) are told apart: reloading the
 * page brings the version that reads them. Nothing when every record was read. Every widget passes the list its
 * reads reported (`onUnreadable`, `Page.unreadable`), never a bare count, so each can tell the two apart.
 */
export function unreadableNotice(found: readonly Unreadable[], words: UnreadableWords) {
  const count = found.length;
  const newer = found.filter((u) => u.code === 'newer-version').length;
  const other = count - newer;
  if (count === 0) return nothing;
  return html`<p class="unreadable" role="alert">${newer > 0 ? `${words.newer(newer)} ` : ''}${other > 0 ? words.other(other) : ''}</p>`;
}
