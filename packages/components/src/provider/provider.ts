import { provide } from '@lit/context';
import type { StrClient } from '@strkit/sdk';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { clientContext } from '../context.js';

/**
 * @summary Gives every STR Kit widget inside it the host's client. It renders nothing of its own.
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

  override render() {
    return html`<slot></slot>`;
  }
}
