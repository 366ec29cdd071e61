import { ContextConsumer } from '@lit/context';
import { createClient, memoryStore, type StrClient } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { clientContext } from '../context.js';
import { localeContext } from '../l10n/locale.js';
import '../define/str-provider.js';
import type { StrProvider } from './provider.js';

class ProbeElement extends LitElement {
  consumer = new ContextConsumer(this, { context: clientContext, subscribe: true });
  get client(): StrClient | undefined {
    return this.consumer.value;
  }
}
customElements.define('test-probe', ProbeElement);

class LocaleProbe extends LitElement {
  consumer = new ContextConsumer(this, { context: localeContext, subscribe: true });
}
customElements.define('test-locale-probe', LocaleProbe);

const makeClient = (id: string) => createClient({ store: memoryStore(), actor: { id, role: 'str-worker' } });

describe('<str-provider>', () => {
  it('gives its client to elements inside it, across shadow roots', async () => {
    const client = makeClient('w1');
    const el = await fixture<StrProvider>(html`<str-provider .client=${client}><div><test-probe></test-probe></div></str-provider>`);
    const probe = el.querySelector('test-probe') as ProbeElement;
    expect(probe.client).to.equal(client);

    const outer = document.createElement('div');
    el.append(outer);
    const inner = document.createElement('test-probe') as ProbeElement;
    outer.attachShadow({ mode: 'open' }).append(inner);
    expect(inner.client).to.equal(client);
  });

  it('tells subscribed elements when the client changes', async () => {
    const first = makeClient('w1');
    const second = makeClient('w2');
    const el = await fixture<StrProvider>(html`<str-provider .client=${first}><test-probe></test-probe></str-provider>`);
    const probe = el.querySelector('test-probe') as ProbeElement;
    el.client = second;
    await el.updateComplete;
    expect(probe.client).to.equal(second);
  });

  it('reaches an element upgraded before the provider element was defined', async () => {
    // A late-defined provider tag: the probe asks first, the ContextRoot replays its request.
    const client = makeClient('w3');
    const host = await fixture(html`<late-provider><test-probe></test-probe></late-provider>`);
    const probe = host.querySelector('test-probe') as ProbeElement;
    expect(probe.client).to.equal(undefined);
    const { StrProvider } = await import('./provider.js');
    class LateProvider extends StrProvider {}
    (host as unknown as StrProvider).client = client; // set before upgrade, like a framework would
    customElements.define('late-provider', LateProvider);
    await (host as unknown as StrProvider).updateComplete;
    expect(probe.client).to.equal(client);
  });

  it('gives its locale and strings to the widgets below and tells them when either changes; it has no words of its own', async () => {
    const strings = { cy: { 'sync-status.send-now': 'Anfon yn awr' } };
    const el = await fixture<StrProvider>(html`<str-provider locale="cy" .strings=${strings}><test-locale-probe></test-locale-probe></str-provider>`);
    const probe = el.querySelector('test-locale-probe') as LocaleProbe;
    expect(probe.consumer.value).to.deep.equal({ locale: 'cy', strings });
    el.locale = 'en-GB';
    await el.updateComplete;
    expect(probe.consumer.value).to.deep.equal({ locale: 'en-GB', strings });
    el.removeAttribute('locale');
    el.strings = undefined;
    await el.updateComplete;
    expect(probe.consumer.value, 'unset: the page decides').to.deep.equal({});
    expect(el.shadowRoot!.textContent!.trim(), 'nothing to translate').to.equal('');
  });
});
