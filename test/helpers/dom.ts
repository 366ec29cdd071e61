// Shadow-DOM queries and waits shared by the widget, end-to-end, accessibility and race tests.
import { expect } from '@open-wc/testing';

/** Anything whose render can be awaited: a Lit element. */
export interface Updating {
  readonly updateComplete: Promise<unknown>;
}

/** The first match in `el`'s shadow root, typed as found (a test that expects none compares with `null`). */
export const $ = <E extends Element = HTMLElement>(el: Element, sel: string): E => el.shadowRoot!.querySelector<E>(sel)!;

/** Every match in `el`'s shadow root. */
export const $$ = <E extends Element = HTMLElement>(el: Element, sel: string): E[] => [...el.shadowRoot!.querySelectorAll<E>(sel)];

/** The element that has focus inside `el`'s shadow root. */
export const active = (el: Element): HTMLElement | null => el.shadowRoot!.activeElement as HTMLElement | null;

/** The first button in `el`'s shadow root whose text starts with `text`. */
export const button = (el: Element, text: string): HTMLButtonElement | undefined =>
  $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim().startsWith(text));

/**
 * Waits, one animation frame and one render at a time, until `ok()` holds; fails after `frames` frames saying `what`
 * (or what `what()` says then, e.g. the element's text). Frames, not fixed sleeps: no test waits a set time.
 */
export async function until(el: Updating | undefined, ok: () => boolean, what: string | (() => string) = 'condition', frames = 300): Promise<void> {
  for (let i = 0; i < frames && !ok(); i++) {
    await new Promise((r) => requestAnimationFrame(r));
    await el?.updateComplete;
  }
  expect(ok(), `${typeof what === 'function' ? what() : what} not met`).to.equal(true);
}
