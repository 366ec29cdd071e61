// Where focus goes after an action (issue 17): never left on <body>. A control that was focused and is then disabled,
// replaced or removed drops focus to the page; this puts it on something sensible in the same shadow root (the status
// message, the new view's control), but only when focus was lost that way or is still in `within`: never taken from
// wherever the worker has gone meanwhile.
import type { LitElement } from 'lit';

/** What focusing needs of an element: its render and its shadow root. */
export type FocusHost = Pick<LitElement, 'updateComplete' | 'renderRoot' | 'shadowRoot'>;

/** After `el`'s next render, focuses `selector` in its shadow root if focus was lost, or is still inside `within`. */
export async function focusIfLost(el: FocusHost, selector: string, within?: string): Promise<void> {
  await el.updateComplete;
  const inside = el.shadowRoot?.activeElement;
  const lost = !inside && (document.activeElement === null || document.activeElement === document.body);
  if (!lost && !(within && inside?.closest(within))) return;
  el.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/**
 * Where focus goes when what was drawn replaces the control just used (e.g. "Try again" after a failed load): the
 * first focusable heading or enabled control of the new view, in document order; failing those, the first element
 * that takes focus from script (`tabindex="-1"`, e.g. the status); failing that, the first heading or sentence drawn
 * (else the first element), made to take focus from script (e.g. a view that only says there is nothing to show). One rule for every widget (issue 17).
 */
const REPLACED_BY = ['h2[tabindex="-1"], a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary', '[tabindex="-1"]'];

/** Runs `work` (which redraws `el`), then, if that lost focus, puts it on what replaced the control (see REPLACED_BY). */
export async function focusWhatReplaced(el: FocusHost, work: Promise<unknown>): Promise<void> {
  await work;
  await el.updateComplete;
  const lost = !el.shadowRoot?.activeElement && (document.activeElement === null || document.activeElement === document.body);
  if (!lost) return;
  for (const selector of REPLACED_BY) {
    const target = el.renderRoot.querySelector<HTMLElement>(selector);
    if (target) return target.focus();
  }
  // The first sentence or heading drawn, not a wrapper around the whole view (e.g. a `lang` box): what is read out.
  const first = el.renderRoot.querySelector<HTMLElement>(':is(h1, h2, h3, h4, p, [role])') ?? el.renderRoot.querySelector<HTMLElement>(':not(style, link, script)');
  first?.setAttribute('tabindex', '-1');
  first?.focus();
}
