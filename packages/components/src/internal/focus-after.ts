// Where focus goes after an action (issue 17): never left on <body>. A control that was focused and is then disabled,
// replaced or removed drops focus to the page; this puts it on something sensible in the same shadow root (the status
// message, the new view's control), but only when focus was lost that way or is still in `within`: never taken from
// wherever the worker has gone meanwhile.
import type { LitElement } from 'lit';

/** After `el`'s next render, focuses `selector` in its shadow root if focus was lost, or is still inside `within`. */
export async function focusIfLost(el: LitElement, selector: string, within?: string): Promise<void> {
  await el.updateComplete;
  const inside = el.shadowRoot?.activeElement;
  const lost = !inside && (document.activeElement === null || document.activeElement === document.body);
  if (!lost && !(within && inside?.closest(within))) return;
  el.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}
