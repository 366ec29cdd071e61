// The warning-sign plan editor loads when someone first edits a plan (issue 19): the plan stays on screen with a
// status while it loads, never a blank; a failed load says so in words, with a Try again that opens the editor.
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { $, until } from '../../../../test/helpers/dom.js';
import { expectNoAxeViolations } from '../../../../test/a11y/axe.js';
import '../define/str-relapse-signs.js';
import '../define/str-relapse-plan.js';
import { planEditor } from './plan-edit.controller.js';
import { signPlan } from './relapse-signs.fixtures.js';

type EditorModule = Awaited<ReturnType<typeof planEditor.load>>;
const realLoad = planEditor.load;

/** A loader the test releases by hand: `fail` once, or `pass` with the real module. */
function heldLoader() {
  let release!: (ok: boolean) => void;
  const loads: Promise<EditorModule>[] = [];
  planEditor.module = undefined;
  planEditor.load = () => {
    const p = new Promise<boolean>((r) => (release = r)).then((ok) => (ok ? realLoad() : Promise.reject(new TypeError('Failed to fetch dynamically imported module'))));
    loads.push(p);
    return p;
  };
  return { pass: () => release(true), fail: () => release(false), loads };
}

const text = (el: LitElement) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

describe('the plan editor, loaded on first use', () => {
  afterEach(() => {
    planEditor.load = realLoad;
  });

  for (const tag of ['str-relapse-signs', 'str-relapse-plan'] as const) {
    it(`${tag}: the plan stays shown with “Loading the plan editor…” until the editor arrives`, async () => {
      const loader = heldLoader();
      const el = tag === 'str-relapse-signs'
        ? await fixture<LitElement>(html`<str-relapse-signs view="plan" .plan=${signPlan()}></str-relapse-signs>`)
        : await fixture<LitElement>(html`<str-relapse-plan .plan=${signPlan()}></str-relapse-plan>`);
      $<HTMLButtonElement>(el, '#plan-edit').click();
      await until(el, () => text(el).includes('Loading the plan editor…'), 'the loading status');
      const statuses = [...el.shadowRoot!.querySelectorAll('[role=status]')].map((s) => s.textContent ?? '');
      expect(statuses.some((s) => s.includes('Loading the plan editor…')), 'said in a status').to.equal(true);
      expect(text(el), 'the plan is still shown, not a blank').to.include('Warning-sign plan');
      expect($(el, 'form.editor'), 'no editor yet').to.equal(null);
      loader.pass();
      await until(el, () => !!$(el, 'form.editor'), 'the editor');
      expect(text(el)).not.to.include('Loading the plan editor…');
      expect(loader.loads.length).to.equal(1);
    });
  }

  it('a failed load says so in words, with Try again, which opens the editor', async () => {
    const loader = heldLoader();
    const el = await fixture<LitElement>(html`<str-relapse-plan .plan=${signPlan()}></str-relapse-plan>`);
    $<HTMLButtonElement>(el, '#plan-edit').click();
    await until(el, () => text(el).includes('Loading the plan editor…'), 'the loading status');
    loader.fail();
    await until(el, () => !!$(el, '#plan-editor-retry'), 'the failure');
    expect($(el, '[role=alert]')?.textContent).to.include('The plan editor could not be loaded. Check the connection, then try again.');
    expect(text(el), 'the plan is still shown').to.include('Warning-sign plan');
    await until(el, () => (el.shadowRoot?.activeElement ?? null) === $(el, '#plan-editor-retry'), 'focus on Try again');
    await expectNoAxeViolations(el);
    $<HTMLButtonElement>(el, '#plan-editor-retry').click();
    await until(el, () => text(el).includes('Loading the plan editor…'), 'loading again');
    loader.pass();
    await until(el, () => !!$(el, 'form.editor'), 'the editor after Try again');
    expect(loader.loads.length, 'loaded anew, not the failure kept').to.equal(2);
  });

  it('once loaded, the editor opens at once for the next plan', async () => {
    planEditor.module ??= await realLoad();
    planEditor.load = () => Promise.reject(new Error('must not load again'));
    const el = await fixture<LitElement>(html`<str-relapse-plan .plan=${signPlan()}></str-relapse-plan>`);
    $<HTMLButtonElement>(el, '#plan-edit').click();
    await el.updateComplete;
    expect($(el, 'form.editor')).not.to.equal(null);
  });
});
