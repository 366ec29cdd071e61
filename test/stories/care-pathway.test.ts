// Every <str-care-pathway> story (issue 23) rendered as Storybook would (loaders, then render, then play), at 1280 and
// 320 px: each says what it should and passes axe, with nothing wider than the box. Storybook itself is not started.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { StoryObj } from '@storybook/web-components-vite';
import { render, type TemplateResult } from 'lit';
import meta, * as stories from '../../stories/care-pathway.stories.js';
import { expectNoAxeViolations } from '../a11y/axe.js';

const SAYS: Record<string, string> = {
  Default: 'Confirm Lee Testvolunteer', Worker: 'Suggest a contact', Viewer: 'Jo Testsister', PersonsCopy: 'Who is helping me, and how to reach them',
  AddingContact: 'Who are they?', ContactErrors: 'There is a problem', AddingReferral: 'Reason for the referral', Controlled: 'Waiting 46 days so far',
  NothingYet: 'No referrals are recorded yet', ChangingContact: 'Change the details of', RecordingProgress: 'How it ended', Loading: 'Loading the care pathway', Failed: 'The care pathway could not be loaded',
};

describe('care pathway stories', () => {
  for (const [name, story] of Object.entries(stories).filter(([n]) => n !== 'default') as [string, StoryObj][]) {
    for (const width of [1280, 320]) {
      it(`${name} at ${width} px: says “${SAYS[name]}”, no axe violations, nothing wider than the box`, async () => {
        const loaded = Object.assign({}, ...(await Promise.all((story.loaders as (() => Promise<object>)[] | undefined)?.map((l) => l()) ?? [])));
        const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
        const template = (meta.render as (a: object, c: object) => TemplateResult)({ ...story.args }, { loaded });
        render(template, box);
        const el = box.querySelector('str-care-pathway')!;
        await (story.play as ((c: { canvasElement: HTMLElement }) => Promise<void>) | undefined)?.({ canvasElement: box });
        await waitUntil(() => el.shadowRoot?.textContent?.includes(SAYS[name]!), `the story says "${SAYS[name]}"`, { timeout: 10_000 });
        await expectNoAxeViolations(el);
        const widest = Math.max(...[...el.shadowRoot!.querySelectorAll('*')].map((n) => n.getBoundingClientRect().right));
        expect(widest).to.be.at.most(box.getBoundingClientRect().right + 0.5);
      });
    }
  }
});
