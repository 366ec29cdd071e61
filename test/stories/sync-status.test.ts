// The sync-status stories as Storybook runs them (issue 19): `beforeEach` before each render, the function it returns
// when the story is left. They must leave nothing in IndexedDB, show the same ages on every render (a fixed clock),
// and pass axe with the preview's rules. Storybook itself is not started: the lifecycle is the story file's own.
import { expect, waitUntil } from '@open-wc/testing';
import type { StoryObj } from '@storybook/web-components-vite';
import meta, { ConflictToChoose, WaitingOffline } from '../../stories/sync-status.stories.js';
import { expectNoAxeViolations } from '../a11y/axe.js';

const storyDatabases = async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('story-sync-'));

/** Renders a story after its `beforeEach`, waits until it says `words`; returns its text and the cleanup. */
async function show(story: StoryObj, words: string) {
  const cleanup = (await meta.beforeEach()) as () => Promise<void>;
  const el = (story.render as (args: object, context: object) => HTMLElement)({}, {});
  document.body.append(el);
  await waitUntil(() => el.shadowRoot?.textContent?.includes(words), `the story says "${words}"`, { timeout: 10_000 });
  return { el, text: el.shadowRoot!.textContent!.replace(/\s+/g, ' '), cleanup };
}

describe('sync-status stories (Storybook lifecycle)', () => {
  it('leave no IndexedDB database behind once the story is left', async () => {
    expect(await storyDatabases(), 'none before').to.deep.equal([]);
    for (const [story, words] of [[WaitingOffline, 'oldest'], [ConflictToChoose, 'Both versions are kept']] as const) {
      const { cleanup } = await show(story, words);
      expect((await storyDatabases()).length, 'the story keeps its changes on the device').to.equal(1);
      await cleanup();
      expect(await storyDatabases(), 'nothing left once it is left').to.deep.equal([]);
    }
  });

  it('show the same ages on every render: a fixed clock', async () => {
    // Compared once settled: the engine's first attempt shows "Sending:" for a moment before "Offline:".
    const first = await show(WaitingOffline, 'Offline:');
    await first.cleanup();
    const second = await show(WaitingOffline, 'Offline:');
    await second.cleanup();
    expect(first.text).to.include('5 June 2026');
    expect(second.text).to.equal(first.text);
  });

  it('pass axe with the preview’s rules', async () => {
    for (const [story, words] of [[WaitingOffline, 'oldest'], [ConflictToChoose, 'Both versions are kept']] as const) {
      const { el, cleanup } = await show(story, words);
      await expectNoAxeViolations(el);
      await cleanup();
    }
  });
});
