import { provide } from '@lit/context';
import type { StrClient } from '@strkit/sdk';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientContext } from '../context.js';
import type { StringOverrides } from '../l10n/catalogue.js';
import { localeContext, type LocaleSettings } from '../l10n/locale.js';

/**
 * @summary Gives every STR Kit widget inside it the host's client, and the language they speak. It renders nothing of
 * its own, so it has no words to translate.
 * @slot - The widgets, anywhere below, including inside other shadow roots.
 */
export class StrProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The client from `createClient(...)`. Replace it (e.g. on sign-in as someone else) and every widget follows. */
  @provide({ context: clientContext })
  @property({ attribute: false })
  client?: StrClient;

  /**
   * The widgets' language, a BCP 47 tag: `en-GB` (the source) or `cy` (Welsh) ship. Unset: the page's `<html lang>`.
   * Change it at any time: the widgets re-render in place, keeping what a worker has typed.
   */
  @property() locale?: string;

  /**
   * Words to use instead of the shipped ones, per locale, keyed `<namespace>.<id>`, e.g.
   * `{ cy: { 'sync-status.send-now': 'Anfon yn awr' } }` (docs/i18n/README.md lists the ids).
   */
  @property({ attribute: false }) strings?: StringOverrides;

  @provide({ context: localeContext })
  @state()
  protected _locale: LocaleSettings = {};

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') || changed.has('strings')) {
      this._locale = { ...(this.locale && { locale: this.locale }), ...(this.strings && { strings: this.strings }) };
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}
