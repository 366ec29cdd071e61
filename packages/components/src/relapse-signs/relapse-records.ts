// The person's warning-sign plan and checks, loaded once for any relapse element (issue 17): <str-relapse-check>,
// <str-relapse-trend>, <str-relapse-plan> and <str-relapse-signs> each hold one. Connected, it loads through the
// element's person scope and reloads when the client reports a plan or check change; controlled, it reads the
// element's own `.plan` and `.checks`.
import type { SignCheck, StrClient, Unreadable, WarningSignPlan } from '@strkit/sdk';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { focusWhatReplaced, type FocusHost } from '../internal/focus-after.js';
import { LoadState } from '../internal/load-state.js';
import { PersonScope, type PersonScopeHost, type Scope } from '../internal/person-scope.js';
import type { LocaleController } from '../l10n/controller.js';
import type { RelapseMessages } from './relapse-shared.messages.js';

/** A status line: words, or how to say them, so a locale switch says them again in the new language. */
export type Said = string | (() => string);

/** What a relapse element gives the records: its person, and in controlled mode the records themselves. */
export interface RelapseRecordsHost extends ReactiveControllerHost, PersonScopeHost, FocusHost {
  readonly plan?: WarningSignPlan;
  readonly checks: readonly SignCheck[];
}

export interface RelapseRecordsOptions {
  /** The client the element uses now (its own `.client` or the provider's). */
  readonly client: () => StrClient | undefined;
  /** The scope changed: clear what belonged to `previous` (the records are cleared just after). May return an unsubscribe. */
  readonly changed?: (next: Scope | undefined, previous: Scope | undefined) => (() => void) | void;
  /** After each load for `scope` (e.g. alerts kept on the device). */
  readonly loaded?: (scope: Scope) => Promise<void>;
  /** After the first load for a new scope (e.g. restore a draft). */
  readonly restored?: () => Promise<void>;
}

export class RelapseRecords {
  /** Every load is tied to the person and actor it was started for (issue 14). */
  readonly scope: PersonScope;
  /** One load state and one whenLoaded() (internal/load-state.ts). */
  readonly loads: LoadState;
  #plan?: WarningSignPlan;
  #checks: readonly SignCheck[] = [];
  /** The person's plans and checks the last load left out as unreadable (ids and reasons, never content). */
  #unreadable: readonly Unreadable[] = [];
  readonly #host: RelapseRecordsHost;
  readonly #options: RelapseRecordsOptions;

  constructor(host: RelapseRecordsHost, options: RelapseRecordsOptions) {
    this.#host = host;
    this.#options = options;
    this.scope = new PersonScope(host, { client: options.client, changed: (next, previous) => this.#changed(next, previous), checkPerson: true });
    this.loads = new LoadState(host);
  }

  get connected(): boolean {
    return !!this.#options.client();
  }

  /** The plan on screen: the loaded one (connected) or the element's `.plan` (controlled). */
  get plan(): WarningSignPlan | undefined {
    return this.connected ? this.#plan : this.#host.plan;
  }

  get checks(): readonly SignCheck[] {
    return this.connected ? this.#checks : this.#host.checks;
  }

  get unreadable(): readonly Unreadable[] {
    return this.#unreadable;
  }

  /** The person shown: controlled mode names them through the plan it is given, connected mode only by attribute. */
  get person(): string {
    return this.#host.serviceUserId || (this.connected ? '' : (this.#host.plan?.serviceUserId ?? ''));
  }

  #changed(next: Scope | undefined, previous: Scope | undefined): (() => void) | void {
    // First the element's own clearing, which may keep work in progress against the records still held.
    const undo = this.#options.changed?.(next, previous);
    this.#plan = undefined;
    this.#checks = [];
    this.#unreadable = [];
    this.loads.reset(!!next?.serviceUserId);
    if (!next?.serviceUserId) return undo;
    const unsubscribe = next.client.subscribe({ serviceUserId: next.serviceUserId }, (change) => {
      if (change.type === 'warningSignPlan' || change.type === 'signCheck') void this.loads.track(this.load());
    });
    void this.loads.track(this.load().then(() => this.#options.restored?.()));
    return () => {
      unsubscribe();
      undo?.();
    };
  }

  /** "Try again" after a failed load: loads, then focus goes to what replaced the button, never the page (issue 17). */
  retry(): Promise<void> {
    return focusWhatReplaced(this.#host, this.load());
  }

  /** Loads the person's plan and their checks on every plan (a sign's run of checks goes on when its plan is replaced). */
  async load(): Promise<void> {
    const scope = this.scope.current;
    if (!scope?.serviceUserId) return;
    try {
      let unreadable: readonly Unreadable[] = [];
      const onUnreadable = (u: readonly Unreadable[]) => (unreadable = [...unreadable, ...u]);
      const loaded = await this.scope.load(scope, async ({ client: c, serviceUserId, signal }) => {
        const plan = await c.warningSignPlans.current(serviceUserId, { signal, onUnreadable });
        if (!this.scope.isCurrent(scope)) return undefined;
        return { plan, checks: plan ? await c.signChecks.forPerson(serviceUserId, { signal, onUnreadable }) : [] };
      });
      if (!loaded?.value) return; // for a person or actor this element no longer shows: dropped
      this.#unreadable = unreadable;
      this.#checks = loaded.value.checks;
      this.#plan = loaded.value.plan;
      this.loads.settle(!loaded.value.plan);
      this.#host.requestUpdate();
      await this.#options.loaded?.(scope);
    } catch {
      if (this.scope.isCurrent(scope)) this.loads.fail();
    }
  }
}

/**
 * What stands before a relapse element's plan: the load failed (with a retry), no person is named, or it is loading.
 * Undefined when there is a plan, or the lack of one, to show.
 */
export function renderGate(records: RelapseRecords, noPerson: 'no-person.check' | 'no-person.trend' | 'no-person.plan', l: LocaleController<RelapseMessages>): TemplateResult | undefined {
  const connected = records.connected;
  if (connected && records.loads.status === 'error' && !records.plan) {
    return html`<div class="problem" role="alert" lang=${l.lang}><p>${l.t('not-loaded')}</p><button type="button" class="secondary" @click=${() => void records.retry()}>${l.t('try-again')}</button></div>`;
  }
  // As internal/person-scope.ts's noPersonNotice says it, in a whole sentence per element.
  if (!records.person) return html`<p class="no-person" role="status" lang=${l.lang}>${l.t(noPerson)}</p>`;
  if (connected && records.loads.status === 'loading') return html`<p class="status" role="status" lang=${l.lang}>${l.t('loading')}</p>`;
  return undefined;
}
