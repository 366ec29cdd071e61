import { StrError, untilAborted, type StrClient } from '@strkit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Who and what a load was started for. Every result is checked against it before the element sees it. */
export interface Scope {
  readonly client: StrClient;
  /** The person the element named when the load started; '' for an element that works without one (the alerts view). */
  readonly serviceUserId: string;
  /** The signed-in actor when the load started. A host signs someone else in by giving a new client. */
  readonly actorId: string;
  /** Aborted as soon as the element names another person, gets another client or actor, or leaves the page. */
  readonly signal: AbortSignal;
}

export interface PersonScopeHost extends ReactiveControllerHost {
  readonly serviceUserId: string;
}

export interface PersonScopeOptions {
  /** The client the element uses now (its own `.client` or the provider's). */
  readonly client: () => StrClient | undefined;
  /**
   * Called before the element renders whenever the scope changes (new person, client or actor, or leaving the page).
   * Clear everything on screen that belonged to `previous` here, start the loads for `next`, and return what undoes
   * a subscription. Runs inside the update, so nothing of the previous person is ever drawn for the new one.
   */
  readonly changed: (next: Scope | undefined, previous: Scope | undefined) => (() => void) | void;
}

const ABORTED = () => new StrError('aborted', 'The load was for a person or actor the element no longer shows');

/**
 * Ties every load of a connected widget to the person and actor it was started for (issue 14). One controller per
 * element: it aborts what is in flight when the scope changes, and {@link load} drops any result that arrives for a
 * scope that is no longer the element's — checked after every await, against what the element names right now.
 */
export class PersonScope implements ReactiveController {
  readonly #host: PersonScopeHost;
  readonly #options: PersonScopeOptions;
  #scope: Scope | undefined;
  #abort: AbortController | undefined;
  #cleanup: (() => void) | undefined;
  #client: StrClient | undefined;
  #person = '';
  #actor = '';

  constructor(host: PersonScopeHost, options: PersonScopeOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The scope the element shows now, or undefined with no client. */
  get current(): Scope | undefined {
    return this.#scope;
  }

  hostConnected(): void {
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    const client = this.#options.client();
    const person = this.#host.serviceUserId ?? '';
    const actor = actorIdOf(client);
    if (this.#scope && client === this.#client && person === this.#person && actor === this.#actor) return;
    if (!this.#scope && !client && !this.#client) return;
    this.#switch(client, person, actor);
  }

  hostDisconnected(): void {
    this.#switch(undefined, '', '');
  }

  /** True while `scope` is still exactly what the element names: same client, actor and person, not aborted. */
  isCurrent(scope: Scope | undefined): scope is Scope {
    if (!scope || scope !== this.#scope || scope.signal.aborted) return false;
    const client = this.#options.client();
    return client === scope.client && (this.#host.serviceUserId ?? '') === scope.serviceUserId && actorIdOf(client) === scope.actorId;
  }

  /**
   * Runs `work` for `scope` and gives back its result only if the scope is still current when it settles; otherwise
   * `undefined` (the result is dropped). Rejects, like `work`, only while the scope is current.
   */
  async load<R>(scope: Scope | undefined, work: (scope: Scope) => Promise<R>): Promise<{ readonly value: R } | undefined> {
    if (!this.isCurrent(scope)) return undefined;
    try {
      const value = await untilAborted(scope.signal, () => work(scope));
      return this.isCurrent(scope) ? { value } : undefined;
    } catch (e) {
      if (!this.isCurrent(scope)) return undefined;
      throw e;
    }
  }

  #switch(client: StrClient | undefined, person: string, actor: string): void {
    const previous = this.#scope;
    this.#abort?.abort(ABORTED());
    this.#cleanup?.();
    this.#cleanup = undefined;
    this.#client = client;
    this.#person = person;
    this.#actor = actor;
    this.#abort = client ? new AbortController() : undefined;
    this.#scope = client ? Object.freeze({ client, serviceUserId: person, actorId: actor, signal: this.#abort!.signal }) : undefined;
    this.#cleanup = this.#options.changed(this.#scope, previous) ?? undefined;
  }
}

function actorIdOf(client: StrClient | undefined): string {
  try {
    return client?.actor?.id ?? '';
  } catch {
    return '';
  }
}
