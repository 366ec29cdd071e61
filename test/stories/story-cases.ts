// Every story of a widget rendered as Storybook would (loaders, then render, then its play), at 1280 and 320 px: each
// says what it should and passes axe, with nothing wider than the box. Storybook itself is not started. Shared by the
// widgets' story tests.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { render, type TemplateResult } from 'lit';
import { expectNoAxeViolations } from '../a11y/axe.js';

/** One `describe(title)` with a test per story and width; `says` gives the words each story must show. */
export function storyCases(title: string, meta: Meta, stories: Record<string, unknown>, tag: string, says: Readonly<Record<string, string>>): void {
  describe(title, () => {
    for (const [name, story] of Object.entries(stories).filter(([n]) => n !== 'default') as [string, StoryObj][]) {
      for (const width of [1280, 320]) {
        it(`${name} at ${width} px: says “${says[name]}”, no axe violations, nothing wider than the box`, async () => {
          const loaded = Object.assign({}, ...(await Promise.all((story.loaders as (() => Promise<object>)[] | undefined)?.map((l) => l()) ?? [])));
          const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
          const template = (meta.render as (a: object, c: object) => TemplateResult)({ ...story.args }, { loaded });
          render(template, box);
          const el = box.querySelector(tag)!;
          await (story.play as ((c: { canvasElement: HTMLElement }) => Promise<void>) | undefined)?.({ canvasElement: box });
          await waitUntil(() => el.shadowRoot?.textContent?.includes(says[name]!), `the story says "${says[name]}"`, { timeout: 10_000 });
          await expectNoAxeViolations(el);
          const widest = Math.max(...[...el.shadowRoot!.querySelectorAll('*')].map((n) => n.getBoundingClientRect().right));
          expect(widest).to.be.at.most(box.getBoundingClientRect().right + 0.5);
        });
      }
    }
  });
}
