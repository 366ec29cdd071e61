// Issue 17: in forced colours (Windows High Contrast) a button's background is dropped, so a button with no border
// reads as bold text. Every primary button keeps a visible boundary there. Forced colours are emulated through CDP
// (Emulation.setEmulatedMedia), in the real browser. Synthetic people only.
import { memoryStore, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { $$ } from '../helpers/dom.js';
import { clientAs, fixtureClock } from '../helpers/clients.js';
import '../../packages/components/src/define/str-care-plan.js';
import '../../packages/components/src/define/str-contact-log.js';
import '../../packages/components/src/define/str-relapse-signs.js';
import { FIXTURE_PERSON, FIXTURE_PERSON_ID } from '../../packages/components/src/contact-log/contact-log.fixtures.js';
import { fixtureWorkers, typicalPlan } from '../../packages/components/src/care-plan/care-plan.fixtures.js';
import { FIXTURE_COORDINATOR, settledChecks, signPlan } from '../../packages/components/src/relapse-signs/relapse-signs.fixtures.js';

type Widget = LitElement & { whenLoaded(): Promise<void> };

async function seeded(): Promise<Store> {
  const store = memoryStore();
  await store.put('serviceUser', FIXTURE_PERSON);
  for (const w of fixtureWorkers) await store.put('worker', w);
  const f = typicalPlan();
  await store.put('carePlan', f.plan);
  for (const g of f.goals) await store.put('goal', g);
  for (const t of f.tasks) await store.put('task', t);
  const plan = await store.put('warningSignPlan', signPlan());
  for (const c of settledChecks(plan)) await store.put('signCheck', { ...c, planVersion: plan.version });
  return store;
}

/** Each primary button in `el` with no visible boundary: no border and no outline. */
function unbounded(el: Element): string[] {
  return $$<HTMLButtonElement>(el, 'button.primary').filter((b) => {
    const s = getComputedStyle(b);
    const border = parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== 'none';
    const outline = parseFloat(s.outlineWidth) > 0 && s.outlineStyle !== 'none';
    return !border && !outline;
  }).map((b) => b.textContent!.trim());
}

describe('forced colours', () => {
  before(() => executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'active' }] }));
  after(() => executeServerCommand('emulate-media-features', { features: [] }));

  for (const [tag, view] of [['str-contact-log', ''], ['str-care-plan', ''], ['str-relapse-signs', 'check'], ['str-relapse-signs', 'plan']] as const) {
    it(`${tag}${view ? ` (${view})` : ''}: every primary button keeps a visible border`, async () => {
      expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
      const client = clientAs(await seeded(), 'care-coordinator', FIXTURE_COORDINATOR);
      const el = await fixture<Widget>(html`<div></div>`);
      const widget = document.createElement(tag) as Widget & { client: unknown; clock: unknown; view?: string };
      Object.assign(widget, { client, clock: fixtureClock });
      widget.setAttribute('service-user-id', FIXTURE_PERSON_ID);
      if (view) widget.setAttribute('view', view);
      el.append(widget);
      await widget.whenLoaded();
      await widget.updateComplete;
      expect($$(widget, 'button.primary').length, 'primary buttons shown').to.be.greaterThan(0);
      expect(unbounded(widget)).to.deep.equal([]);
    });
  }
});
