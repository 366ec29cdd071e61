// Issue 17: in forced colours (Windows High Contrast) a button's background is dropped, so a button with no border
// reads as bold text. Every primary button keeps a visible boundary there. Forced colours are emulated through CDP
// (Emulation.setEmulatedMedia), in the real browser. Synthetic people only.
import { createClient, indexedDbStore, memoryStore, syncedStore, StrError, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { $$, until } from '../helpers/dom.js';
import { validContact } from '../helpers/fixtures.js';
import { clientAs, fixtureClock } from '../helpers/clients.js';
import { seededStore } from '../helpers/seeded.js';
import '../../packages/components/src/define/str-care-plan.js';
import '../../packages/components/src/define/str-contact-log.js';
import '../../packages/components/src/define/str-relapse-signs.js';
import '../../packages/components/src/define/str-relapse-check.js';
import '../../packages/components/src/define/str-relapse-plan.js';
import '../../packages/components/src/define/str-alert-inbox.js';
import '../../packages/components/src/define/str-sync-status.js';
import { FIXTURE_PERSON_ID } from '../../packages/components/src/contact-log/contact-log.fixtures.js';
import { FIXTURE_COORDINATOR, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

type Widget = LitElement & { whenLoaded(): Promise<void> };

const seeded = (): Promise<Store> => seededStore({ alerts: [[1, 30]] });

/** Presses the button of `el` whose words start with `text`, and waits until `ready` holds. */
const pressing = (text: string, ready: (el: Widget) => boolean) => async (el: Widget) => {
  $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim().startsWith(text))!.click();
  await until(el, () => ready(el), `after pressing "${text}"`);
};
const shows = (text: string) => (el: Widget) => $$(el, 'button.primary').some((b) => b.textContent!.trim().startsWith(text));

/** A check with a late sign rated 2 (the alert rule fires), saved: the result offers to send an alert. */
async function ruleMet(el: Widget) {
  const plan = signPlan();
  (el as Widget & { value: unknown }).value = { ...Object.fromEntries(plan.signs.map((s) => [s.id, 0])), [plan.signs[9]!.id]: 2 };
  await el.updateComplete;
  await pressing('Save check', shows('Send an alert'))(el);
}

/** Each primary button (or each `selector`) in `el` with no visible boundary: no border and no outline. */
function unbounded(el: Element, selector = 'button.primary'): string[] {
  return $$<HTMLButtonElement>(el, selector).filter((b) => {
    const s = getComputedStyle(b);
    const border = parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== 'none';
    const outline = parseFloat(s.outlineWidth) > 0 && s.outlineStyle !== 'none';
    return !border && !outline;
  }).map((b) => b.textContent!.trim());
}

describe('forced colours', () => {
  before(() => executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'active' }] }));
  after(() => executeServerCommand('emulate-media-features', { features: [] }));

  const CASES: readonly (readonly [string, string, ((el: Widget) => Promise<void>)?])[] = [
    ['str-contact-log', ''], ['str-care-plan', ''], ['str-relapse-signs', 'check'], ['str-relapse-signs', 'plan'],
    ['str-care-plan', 'review form', pressing('Record a review', shows('Record the review'))],
    ['str-relapse-check', ''], ['str-relapse-check', 'alert rule met', ruleMet],
    ['str-relapse-plan', ''], ['str-relapse-plan', 'editing', pressing('Edit the plan', shows('Save the plan'))],
    ['str-alert-inbox', ''],
  ];
  for (const [tag, view, act] of CASES) {
    it(`${tag}${view ? ` (${view})` : ''}: every primary button keeps a visible border`, async () => {
      expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
      const client = clientAs(await seeded(), 'care-coordinator', FIXTURE_COORDINATOR);
      const el = await fixture<Widget>(html`<div></div>`);
      const widget = document.createElement(tag) as Widget & { client: unknown; clock: unknown; view?: string };
      Object.assign(widget, { client, clock: fixtureClock });
      widget.setAttribute('service-user-id', FIXTURE_PERSON_ID);
      if (tag === 'str-relapse-signs') widget.setAttribute('view', view);
      el.append(widget);
      await widget.whenLoaded();
      await widget.updateComplete;
      await act?.(widget);
      expect($$(widget, 'button.primary').length, 'primary buttons shown').to.be.greaterThan(0);
      expect(unbounded(widget)).to.deep.equal([]);
    });
  }

  it('str-sync-status: every button keeps a visible border', async () => {
    const real = memoryStore();
    const remote: Store = { ...real, name: 'refusing', put: () => Promise.reject(new StrError('forbidden', 'refused (forbidden)', false)) } as Store;
    const s = syncedStore({ local: indexedDbStore({ name: `forced-${Math.random()}`, persist: false }), remote, auto: false });
    try {
      await s.put('contact', validContact());
      await s.sync.now();
      await s.put('contact', validContact());
      const el = await fixture<Widget>(html`<str-sync-status .client=${createClient({ store: s, actor: { id: 'w1', role: 'str-worker' } })}></str-sync-status>`);
      await until(el, () => $$(el, 'button').length >= 3, 'a refusal and an unsent change, with their buttons');
      expect(unbounded(el, 'button')).to.deep.equal([]);
    } finally {
      s.close?.();
    }
  });
});
