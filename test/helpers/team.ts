// Driving <str-team> in tests (issue 22): show it for a client, read its cards, fill and press in its forms. The
// same as a team lead would, by the form's own events. Synthetic people only (team.fixtures.ts).
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/components/src/define/str-team.js';
import type { StrTeam } from '../../packages/components/src/team/team.js';
import { EXAMPLE_CHECKLIST, type teamClientAt } from '../../packages/components/src/team/team.fixtures.js';

export type TeamTestClient = ReturnType<typeof teamClientAt>;

export const root = (el: StrTeam) => el.shadowRoot!;
export const q = <T extends Element = HTMLElement>(el: StrTeam, s: string) => root(el).querySelector<T>(s)!;
/** A worker's card, its words with white space collapsed. */
export const card = (el: StrTeam, workerId: string) => q(el, `[data-worker="${workerId}"]`).textContent!.replace(/\s+/g, ' ');
export const active = (el: StrTeam) => root(el).activeElement;
export const until = (what: () => boolean, message: string) => waitUntil(what, message, { timeout: 5000 });

/** <str-team> with the example checklist, for `client`, in a box `width` wide (or in `box`), loaded and drawn. */
export async function shownTeam(client: TeamTestClient, width = 1280, box?: HTMLElement): Promise<StrTeam> {
  const parent = box ?? (await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`));
  const el = document.createElement('str-team');
  el.checklist = EXAMPLE_CHECKLIST;
  el.client = client;
  parent.append(el);
  await el.whenLoaded();
  await el.updateComplete;
  return el;
}

/** Sets a form control's value (`#tr-<id>`) as typing would, and tells the form. */
export async function fill(el: StrTeam, id: string, value: string): Promise<void> {
  const c = q<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el, `#tr-${id}`);
  c.value = value;
  c.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Presses the open form's button whose words are one of `words` (the first found). */
export function pressFormButton(el: StrTeam, ...words: string[]): void {
  [...root(el).querySelectorAll<HTMLButtonElement>('form.editor button')].find((b) => words.includes(b.textContent!))!.click();
}
