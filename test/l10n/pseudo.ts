// The pseudo-locale checks every widget runs (docs/i18n/README.md, "Converting a widget"): each catalogue's en-GB
// strings accented and made 40% longer, registered as the locale `qps-ploc`; then no text node and no accessible name in
// the widget may equal an English source string (fixture data aside), and the layout must hold at 390 px.
import type * as Axe from 'axe-core';
import 'axe-core/axe.min.js';
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { registerStrings } from '../../packages/components/src/l10n/locale.js';
import { COMMON } from '../../packages/components/src/l10n/common.messages.js';
import type { Catalogue, Message } from '../../packages/components/src/l10n/catalogue.js';

// A private-use language (BCP 47 `qps`, as Windows uses): Intl has no data for it, so dates and units come from the
// pseudo-localised shared catalogue too (Chromium knows `en-XA` and would format it in US English).
export const PSEUDO_LOCALE = 'qps-ploc';

const ACCENTS: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
);
/** Characters only a pseudo-localised string has: how the check tells our words from fixture data. */
const PSEUDO_MARK = /[àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ]/;

/** One string accented, `{placeholders}` kept, and padded with short words to 40% longer (so it can still wrap). */
export function pseudo(text: string): string {
  const accented = text.split(/(\{\w+\})/).map((part, i) => (i % 2 ? part : [...part].map((c) => ACCENTS[c] ?? c).join(''))).join('');
  const extra = Math.ceil(text.length * 0.4);
  const pad = Array.from({ length: Math.ceil(extra / 5) }, () => 'ẋẋẋẋ').join(' ');
  return `${accented} ${pad}`.slice(0, text.length + 1 + extra);
}

const pseudoMessage = (m: Message): Message =>
  typeof m === 'string' ? pseudo(m) : (Object.fromEntries(Object.entries(m).map(([k, v]) => [k, pseudo(v)])) as Message);

/** Registers the pseudo-locale for these catalogues (the shared one always included). */
export function registerPseudoLocale(...catalogues: readonly Catalogue[]): void {
  for (const c of [COMMON, ...catalogues]) {
    registerStrings(PSEUDO_LOCALE, Object.fromEntries(Object.entries(c.source).map(([id, m]) => [`${c.ns}.${id}`, pseudoMessage(m)])));
  }
}

/** Every form of every source message, as a pattern matching a whole string (a `{placeholder}` matches anything). */
function sourcePatterns(catalogues: readonly Catalogue[]): { text: string; re: RegExp }[] {
  return [COMMON, ...catalogues].flatMap((c) =>
    Object.values(c.source).flatMap((m): string[] => (typeof m === 'string' ? [m] : Object.values(m)))
      // A message of placeholders alone ("{day} {month} {year}") has no English of its own to find.
      .filter((text) => /[A-Za-z]{2}/.test(text.replace(/\{\w+\}/g, '')))
      .map((text) => ({
      text,
      re: new RegExp(`^${text.replace(/\s+/g, ' ').trim().split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`, 's'),
    })),
  );
}

/** Every text node under `root`, through shadow roots, trimmed and whitespace-collapsed, empty ones left out. */
function textNodes(root: Node): { text: string; node: Node }[] {
  const out: { text: string; node: Node }[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      const text = n.textContent!.replace(/\s+/g, ' ').trim();
      if (text) out.push({ text, node: n });
    }
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    if (n instanceof HTMLStyleElement) return;
    n.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

/** Accessible names of every focusable or labelled element under `el`, through shadow roots, as axe computes them. */
function accessibleNames(el: Element): string[] {
  const axe = (globalThis as unknown as { axe: typeof Axe & { commons: { text: { accessibleText(e: Element): string } }; setup(n: Node): void; teardown(): void } }).axe;
  const all: Element[] = [];
  const walk = (n: Element | ShadowRoot) => {
    for (const c of n.children) {
      if (c.matches('button, a[href], input, textarea, select, [role], [aria-label], [aria-labelledby], label')) all.push(c);
      if (c.shadowRoot) walk(c.shadowRoot);
      walk(c);
    }
  };
  walk(el.shadowRoot ?? el);
  axe.setup(document);
  try {
    return all.map((e) => axe.commons.text.accessibleText(e).replace(/\s+/g, ' ').trim()).filter(Boolean);
  } finally {
    axe.teardown();
  }
}

/**
 * Fails if any text node or accessible name in `el` is an English source string of these catalogues, or is text with
 * letters and no pseudo-locale mark that is not fixture data (`fixture`: strings the test put in the records).
 */
export function expectNoEnglish(el: Element, catalogues: readonly Catalogue[], fixture: readonly string[] = []): void {
  const patterns = sourcePatterns(catalogues);
  const shown = [...textNodes(el).map((t) => t.text), ...accessibleNames(el)];
  expect(shown.length, 'the widget shows something').to.be.greaterThan(0);
  for (const text of shown) {
    if (fixture.some((f) => text.includes(f))) continue;
    const english = patterns.find((p) => p.re.test(text));
    expect(english, `"${text}" is the English source "${english?.text}"`).to.equal(undefined);
    if (/[A-Za-z]{2}/.test(text)) expect(PSEUDO_MARK.test(text), `"${text}" was not localised`).to.equal(true);
  }
}

/** At 390 px wide, nothing in `el` (through shadow roots) sticks out past its right edge, and `el` fits the viewport. */
export async function expectLayoutHolds(el: HTMLElement & { updateComplete?: Promise<unknown> }, width = 390): Promise<void> {
  await setViewport({ width, height: 800 });
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
  const box = el.getBoundingClientRect();
  expect(box.right, 'the widget fits the viewport').to.be.at.most(width + 0.5);
  const all: Element[] = [];
  const walk = (n: Element | ShadowRoot) => {
    for (const c of n.children) {
      all.push(c);
      if (c.shadowRoot) walk(c.shadowRoot);
      walk(c);
    }
  };
  walk(el.shadowRoot ?? el);
  for (const c of all) {
    const r = c.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    expect(r.right, `<${c.localName}${c.className ? `.${c.className}` : ''}> sticks out at ${width} px`).to.be.at.most(box.right + 0.5);
  }
}
