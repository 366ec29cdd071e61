import { expect, fixture, html } from '@open-wc/testing';
import { axeViolations, expectNoAxeViolations } from './axe.js';

// The helper must catch what matters, or every "0 violations" elsewhere means nothing.
describe('axe helper', () => {
  it('reports an unlabelled input', async () => {
    const el = await fixture(html`<div><input type="text" /></div>`);
    const ids = (await axeViolations(el)).map((v) => v.id);
    expect(ids).to.include('label');
  });

  it('reports a 16px target that is too close to another (WCAG 2.2 target-size)', async () => {
    const el = await fixture(html`<div>
      <button style="width:16px;height:16px;padding:0;margin:0;border:0;min-width:0" aria-label="One">1</button
      ><button style="width:16px;height:16px;padding:0;margin:0;border:0;min-width:0" aria-label="Two">2</button>
    </div>`);
    const ids = (await axeViolations(el)).map((v) => v.id);
    expect(ids).to.include('target-size');
  });

  it('looks inside shadow roots', async () => {
    const host = await fixture(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.append(document.createElement('input'));
    const ids = (await axeViolations(host)).map((v) => v.id);
    expect(ids).to.include('label');
  });

  it('passes a labelled input and a 44px button', async () => {
    const el = await fixture(html`<div>
      <label for="n">Name</label><input id="n" type="text" />
      <button style="min-width:44px;min-height:44px">Save</button>
    </div>`);
    await expectNoAxeViolations(el);
  });
});
