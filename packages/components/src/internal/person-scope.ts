import { StrError, isStrError, untilAborted, type StrClient } from '@strkit/sdk';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

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
  /** Ask the store whether it has the person named, each time the scope changes (see {@link PersonScope.person}). */
  readonly checkPerson?: boolean;
}

/**
 * What the store said about the person named: 'none' (no person named, or no client), 'checking', 'known', or
 * 'unknown' (a definite not-found). A failed read counts as known, so a store that is down never loses work.
 */
export type PersonCheck = 'none' | 'checking' | 'known' | 'unknown';

/** The refusal when a save is tried for a person the store does not have; nothing typed is cleared. */
export const NOT_SAVED_UNKNOWN_PERSON = 'Not saved: this person is not in the record system. Check the person chosen. What you typed is still here.';

/** Said, politely, where an element that needs a person has none (issue 15). `what` ends "…, so {what}." */
export const noPersonNotice = (what: string): TemplateResult =>
  html`<p class="no-person" role="status">No person is chosen, so ${what}.</p>`;

/** The refusal where the store has no such person: an alert, as it stops the worker saving. */
export const unknownPersonNotice = (what: string, sentence = `This person is not in the record system, so ${what}. Check the person chosen.`): TemplateResult =>
  html`<div class="problem no-person" role="alert"><p>${sentence}</p></div>`;

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
  #personCheck: PersonCheck = 'none';
  #checked: Promise<void> = Promise.resolve();

  constructor(host: PersonScopeHost, options: PersonScopeOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The scope the element shows now, or undefined with no client. */
  get current(): Scope | undefined {
    return this.#scope;
  }

  /** With `checkPerson`: what the store said about the person the element names now. */
  get person(): PersonCheck {
    return this.#personCheck;
  }

  /**
   * Waits for the person check of `scope` and says whether a write for it may go ahead: false once the element shows
   * someone else, or when the store said it has no such person.
   */
  async mayWriteFor(scope: Scope | undefined): Promise<boolean> {
    await this.#checked;
    return this.isCurrent(scope) && this.#personCheck !== 'unknown';
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
    this.#personCheck = this.#options.checkPerson && this.#scope && person ? 'checking' : 'none';
    this.#checked = this.#personCheck === 'checking' ? this.#checkPerson(this.#scope!) : Promise.resolve();
    this.#cleanup = this.#options.changed(this.#scope, previous) ?? undefined;
  }

  async #checkPerson(scope: Scope): Promise<void> {
    let found: PersonCheck;
    try {
      found = (await this.load(scope, (s) => s.client.serviceUsers.get(s.serviceUserId))) ? 'known' : this.#personCheck;
    } catch (e) {
      found = this.isCurrent(scope) && isStrError(e, 'not-found') ? 'unknown' : 'known';
    }
    if (!this.isCurrent(scope) || found === this.#personCheck) return;
    this.#personCheck = found;
    this.#host.requestUpdate();
  }
}

function actorIdOf(client: StrClient | undefined): string {
  try {
    return client?.actor?.id ?? '';
  } catch {
    return '';
  }
}
