// Every <str-team> story (issue 22) rendered as Storybook would (loaders, then render), at 1280 and 320 px: each says
// what it should and passes axe, with nothing wider than 320; a story's play (opening a form) runs first. Storybook itself
// is not started.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { StoryObj } from '@storybook/web-components-vite';
import { render, type TemplateResult } from 'lit';
import meta, * as stories from '../../stories/team.stories.js';
import { expectNoAxeViolations } from '../a11y/axe.js';

const SAYS: Record<string, string> = {
  Default: 'Wren Worker', Coordinator: 'Wren Worker', NotForWorkers: 'Only team leads and care co-ordinators', Controlled: 'overdue by 23 days',
  NoWorkers: 'No STR or peer support workers are listed yet', Loading: 'Loading the team', Failed: 'The team could not be loaded',
  RecordingSupervision: 'Action 1: what was agreed', SupervisionErrors: 'There is a problem', RecordingTraining: 'Record training for Sky Peer',
  Reallocating: 'Reallocate one of Wren Worker’s people',
};

describe('team stories', () => {
  for (const [name, story] of Object.entries(stories).filter(([n]) => n !== 'default') as [string, StoryObj][]) {
    for (const width of [1280, 320]) {
      it(`${name} at ${width} px: says “${SAYS[name]}”, no axe violations, nothing wider than the box`, async () => {
        const loaded = Object.assign({}, ...(await Promise.all((story.loaders as (() => Promise<object>)[] | undefined)?.map((l) => l()) ?? [])));
        const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
        const template = (meta.render as (a: object, c: object) => TemplateResult)({ ...story.args }, { loaded });
        render(template, box);
        const el = box.querySelector('str-team')!;
        await (story.play as ((c: { canvasElement: HTMLElement }) => Promise<void>) | undefined)?.({ canvasElement: box });
        await waitUntil(() => el.shadowRoot?.textContent?.includes(SAYS[name]!), `the story says "${SAYS[name]}"`, { timeout: 10_000 });
        await expectNoAxeViolations(el);
        const widest = Math.max(...[...el.shadowRoot!.querySelectorAll('*')].map((n) => n.getBoundingClientRect().right));
        expect(widest).to.be.at.most(box.getBoundingClientRect().right + 0.5);
      });
    }
  }
});
