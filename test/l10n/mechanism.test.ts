// The localisation mechanism in a real page (docs/adr/0014-localisation.md): the locale from <str-provider locale> or
// <html lang>, per provider; Welsh fetched only when chosen; a runtime switch that keeps a half-typed form; host
// overrides per locale. Keep the lazy-loading test first: it needs a page that has not loaded Welsh yet.
import { StrError, createClient, indexedDbStore, syncedStore, type Store } from '@strkit/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html as litHtml } from 'lit';
import { until } from '../helpers/dom.js';
import { validContact } from '../helpers/fixtures.js';
import { defineCatalogue } from '../../packages/components/src/l10n/catalogue.js';
import { LocaleController } from '../../packages/components/src/l10n/controller.js';
import { registerStrings } from '../../packages/components/src/l10n/locale.js';
import '../../packages/components/src/define/str-provider.js';
import '../../packages/components/src/define/str-sync-status.js';
import type { StrProvider } from '../../packages/components/src/provider/provider.js';
import type { StrSyncStatus } from '../../packages/components/src/sync-status/sync-status.js';

const FORM = defineCatalogue({
  ns: 'test-form',
  source: { name: 'Your name', hint: 'As the person likes to be called' },
  locales: { cy: async () => ({ default: { name: 'Eich enw', hint: 'Fel y mae’r person yn hoffi cael ei alw' } }) },
});

/** A form as a converted widget has one: its label from the catalogue, its value the worker's. */
class TestL10nForm extends LitElement {
  readonly l = new LocaleController(this, FORM);
  override render() {
    return litHtml`<div lang=${this.l.lang}><label for="n">${this.l.t('name')}</label><p id="h">${this.l.t('hint')}</p><input id="n" aria-describedby="h" /></div>`;
  }
}
customElements.define('test-l10n-form', TestL10nForm);

const unreachable = (): Store => {
  const fail = () => Promise.reject(new StrError('transport', 'offline', true));
  return { name: 'unreachable', durability: 'remote', get: fail, list: fail, put: fail, history: fail, subscribe: () => () => undefined };
};
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const langOf = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[lang]')?.lang;
const welshFetched = () => performance.getEntriesByType('resource').filter((e) => /\.cy\.(ts|js)\b/.test(e.name)).map((e) => e.name.replace(/^.*\//, '').replace(/\?.*$/, ''));

describe('l10n mechanism', () => {
  // The browser keeps 250 resource entries by default; the page's own modules may fill that before Welsh is fetched.
  before(() => performance.setResourceTimingBufferSize(5000));
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('Welsh strings are fetched only when Welsh is chosen, then the page’s lang="cy" turns the widget Welsh', async () => {
    const store = syncedStore({ local: indexedDbStore({ name: `l10n-${Math.random()}`, persist: false }), remote: unreachable(), auto: false });
    await store.put('contact', validContact());
    await store.sync.now();
    const el = await fixture<StrSyncStatus>(html`<str-sync-status .client=${createClient({ store, actor: { id: 'w1', role: 'str-worker' } })}></str-sync-status>`);
    await until(el, () => text(el).includes('1 change is saved on this device'), () => text(el));
    expect(langOf(el)).to.equal('en-GB');
    expect(welshFetched()).to.deep.equal([]);
    document.documentElement.lang = 'cy';
    await until(el, () => langOf(el) === 'cy' && text(el).includes('Mae 1 newid wedi’i gadw'), () => text(el));
    expect(welshFetched().sort()).to.deep.equal(['common.cy.ts', 'sync-status.cy.ts']);
    store.close?.();
  });

  it('switching locale at runtime keeps a half-typed form: the value, the caret and focus', async () => {
    const provider = await fixture<StrProvider>(html`<str-provider locale="en-GB"><test-l10n-form></test-l10n-form></str-provider>`);
    const form = provider.querySelector<TestL10nForm>('test-l10n-form')!;
    await until(form, () => langOf(form) === 'en-GB');
    const input = form.shadowRoot!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: 'Ceri Jon' });
    provider.locale = 'cy';
    await until(form, () => langOf(form) === 'cy', () => text(form));
    expect(form.shadowRoot!.querySelector('label')!.textContent).to.equal('Eich enw');
    expect(form.shadowRoot!.querySelector('input')).to.equal(input);
    expect(input.value).to.equal('Ceri Jon');
    expect(form.shadowRoot!.activeElement).to.equal(input);
    await sendKeys({ type: 'es' });
    expect(input.value).to.equal('Ceri Jones');
  });

  it('the locale is per provider: an English and a Welsh subtree on one page; an unshipped locale falls back to en-GB', async () => {
    const page = await fixture(html`<div>
      <str-provider locale="cy-GB"><test-l10n-form id="cy"></test-l10n-form></str-provider>
      <str-provider locale="en-GB"><test-l10n-form id="en"></test-l10n-form></str-provider>
      <str-provider locale="fr"><test-l10n-form id="fr"></test-l10n-form></str-provider>
    </div>`);
    const [cy, en, fr] = ['cy', 'en', 'fr'].map((id) => page.querySelector<TestL10nForm>(`#${id}`)!);
    await until(cy, () => langOf(cy!) === 'cy');
    expect(text(cy!)).to.include('Eich enw');
    expect(langOf(en!)).to.equal('en-GB');
    expect(text(en!)).to.include('Your name');
    expect(langOf(fr!)).to.equal('en-GB');
    expect(text(fr!)).to.include('Your name');
  });

  it('a host overrides any string per locale: the provider’s strings win over the page’s, which win over the shipped ones', async () => {
    registerStrings('cy', { 'test-form.name': 'Enw (tudalen)', 'test-form.hint': 'Awgrym (tudalen)' });
    const provider = await fixture<StrProvider>(html`<str-provider locale="cy" .strings=${{ cy: { 'test-form.name': 'Enw (darparwr)' } }}>
      <test-l10n-form></test-l10n-form></str-provider>`);
    const form = provider.querySelector<TestL10nForm>('test-l10n-form')!;
    await until(form, () => langOf(form) === 'cy');
    expect(form.shadowRoot!.querySelector('label')!.textContent).to.equal('Enw (darparwr)');
    expect(form.shadowRoot!.querySelector('p')!.textContent).to.equal('Awgrym (tudalen)');
    provider.strings = { cy: { 'test-form.name': '<b>Enw</b>' } };
    await until(form, () => form.shadowRoot!.querySelector('label')!.textContent === '<b>Enw</b>');
    expect(form.shadowRoot!.querySelector('b'), 'an override is text, never markup').to.equal(null);
    registerStrings('cy', { 'test-form.name': 'Eich enw', 'test-form.hint': 'Fel y mae’r person yn hoffi cael ei alw' });
  });

  it('a host adds a language the kit does not ship with page strings; ids it leaves out fall back to en-GB', async () => {
    registerStrings('ga', { 'test-form.name': 'D’ainm' });
    const provider = await fixture<StrProvider>(html`<str-provider locale="ga"><test-l10n-form></test-l10n-form></str-provider>`);
    const form = provider.querySelector<TestL10nForm>('test-l10n-form')!;
    await until(form, () => langOf(form) === 'ga', () => `${langOf(form)}`);
    expect(form.shadowRoot!.querySelector('label')!.textContent).to.equal('D’ainm');
    expect(form.shadowRoot!.querySelector('p')!.textContent).to.equal('As the person likes to be called');
  });
});
