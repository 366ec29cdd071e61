import { consume } from '@lit/context';
import type { StrClient } from '@strkit/sdk';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientContext } from '../context.js';

/**
 * The Lit wiring every connected element shares (ADR 0008): the client from `<str-provider>` (through `@lit/context`)
 * or the element's own `.client`, which wins. One class, so a widget cannot find its client differently from the
 * others. The custom elements manifest lists these members on each element as inherited (scripts/cem.config.mjs).
 */
export class ClientElement extends LitElement {
  @consume({ context: clientContext, subscribe: true })
  @state()
  private _providedClient?: StrClient;

  /** The client to use; overrides the one from `<str-provider>`. */
  @property({ attribute: false }) client?: StrClient;

  /** The client in use: `.client`, else the provider's; none in controlled mode. */
  protected get currentClient(): StrClient | undefined {
    return this.client ?? this._providedClient;
  }
}

/** A connected element about one person: adds the `service-user-id` its records are scoped to. */
export class PersonElement extends ClientElement {
  /** The person (their STR Kit id). */
  @property({ attribute: 'service-user-id' }) serviceUserId = '';
}
