// Keyboard-only walks through the browser (wtr's sendKeys): Tab to a control, press a key, and check where focus
// lands. Shared by the widgets' keyboard walk (test/a11y/keyboard-walk.test.ts) and the worker's app (test/e2e).
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until } from './dom.js';

/** The focused element, followed down through open shadow roots. */
export function focused(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
export const describe_ = (e: Element | null) => (e ? e.outerHTML.replace(/\s+/g, ' ').slice(0, 120) : 'nothing');
export const words = (e: Node | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Presses `key` (a sendKeys name: 'Tab', 'Enter', 'Space', 'ArrowDown', …), or Tab with Shift held for 'Shift+Tab'. */
export async function press(key: string) {
  if (key !== 'Shift+Tab') return sendKeys({ press: key });
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** Presses Tab (or Shift+Tab with `back`) until the focused element passes `match`; fails after `max` presses. */
export async function tabTo(what: string, match: (e: Element) => boolean, { back = false, max = 150 } = {}) {
  for (let i = 0; i < max; i++) {
    const f = focused();
    if (f && match(f)) return;
    await press(back ? 'Shift+Tab' : 'Tab');
  }
  expect.fail(`${back ? 'Shift+' : ''}Tab never reached ${what}; focus is on ${describe_(focused())}`);
}

/** A button (or link, or summary) whose text starts with `text`. */
export const labelled = (tag: string, text: string) => (e: Element) => e.matches(tag) && words(e).startsWith(text);

/** Waits (frames and renders, no fixed sleep) until focus is on an element passing `match`, never <body>. */
export async function landsOn(el: HTMLElement & { updateComplete?: Promise<unknown> }, after: string, where: string, match: (e: Element) => boolean) {
  await until(el as never, () => {
    const f = focused();
    return !!f && f !== document.body && match(f);
  }, () => `after "${after}" focus should be on ${where}, and is on ${describe_(focused())}`);
}
