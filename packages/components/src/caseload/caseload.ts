import { type CaseloadSummary, type PersonSummary, type StrClient, type SyncState, type Unreadable, type Worker } from '@strkit/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClientElement } from '../internal/connected.js';
import { controls } from '../internal/controls.styles.js';
import { counts } from '../internal/counts.styles.js';
import { requestIntent } from '../internal/events.js';
import { focusWhatReplaced } from '../internal/focus-after.js';
import { focus } from '../internal/focus.styles.js';
import { CoalescedLoad } from '../internal/coalesced-load.js';
import { LoadState } from '../internal/load-state.js';
import { PersonScope, type Scope } from '../internal/person-scope.js';
import { tokens } from '../internal/tokens.styles.js';
import { unreadableNotice } from '../internal/unreadable-notice.js';
import { LocaleController } from '../l10n/controller.js';
import type { CaseloadWorkerChangeDetail, PersonOpenDetail } from './caseload.events.js';
import { CASELOAD_MESSAGES } from './caseload.messages.js';
import { renderCounts, renderFilters, renderPerson } from './caseload.render.js';
import { styles } from './caseload.styles.js';
import { countsOf, needsSeeingToday, visiblePeople, type CaseloadFilter, type CaseloadQuery } from './caseload.view.js';

/** A worker the caseload can be shown for: their sign-in id and name. */
export interface CaseloadWorker {
  readonly id: string;
  readonly name: string;
}

interface Shown {
  readonly summary: CaseloadSummary;
  readonly shown: readonly PersonSummary[];
  readonly all: number;
  readonly q: CaseloadQuery;
}

/**
 * @tagname str-caseload
 * @summary The worker's people, most in need first, each with the reasons in words ("No contact for 12 days — agreed
 * weekly"; "Alert not acknowledged for 30 hours"): counts at the top, filters (to see today, this week, everyone;
 * only open alerts; only not seen in 7 days), search by name or NHS number, and what waits to be sent. Choosing a
 * person fires `str-person-open` for the host to show their record; `focusPerson()` puts focus back on their row.
 *
 * Connected (default): the summary comes from `client.caseload.summary()` (SDK rules, docs/adr/0023-caseload-summary.md)
 * and is redrawn when a record changes. Co-ordinators and team leads may choose whose caseload to view; workers see
 * their own. The record system must still enforce who may read what: these checks only guide the screen.
 * Controlled (no client): shows `.summary` and fires the same intents.
 *
 * @fires str-person-open - A person was chosen. Cancelable. Detail: PersonOpenDetail (the id only).
 * @fires str-caseload-worker-change - Whose caseload to view was chosen. Cancelable. Detail: CaseloadWorkerChangeDetail.
 * @csspart people - The list of people.
 */
export class StrCaseload extends ClientElement {
  static override styles = [tokens, focus, controls, counts, styles];

  /** Whose caseload (their sign-in id); empty for the signed-in worker's own. */
  @property({ attribute: 'worker-id', reflect: true }) workerId = '';
  /** Who is listed: people to see today, due this week, or everyone (the default: no one is hidden until asked). */
  @property({ reflect: true }) filter: CaseloadFilter = 'everyone';
  /** Controlled mode: the summary to show (`client.caseload.summary()`'s shape). */
  @property({ attribute: false }) summary?: CaseloadSummary;
  /** Controlled mode: whose caseloads may be chosen; none, no choice is offered. */
  @property({ attribute: false }) workers: readonly CaseloadWorker[] = [];

  @state() private _loaded?: CaseloadSummary;
  @state() private _onlyAlerts = false;
  @state() private _onlyNotSeen = false;
  @state() private _search = '';
  @state() private _sync?: SyncState;
  @state() private _failed = false;
  @state() private _status = '';
  @state() private _unreadable: readonly Unreadable[] = [];
  @state() private _workers: readonly CaseloadWorker[] = [];

  /** @internal The loads' scope is whose caseload it is: a load for the one shown before is dropped (PersonScope). */
  get serviceUserId(): string {
    return `caseload:${this.workerId}`;
  }

  #loads = new LoadState(this);
  #reloads = new CoalescedLoad(this.#loads, () => this.#load());
  /** Every word shown, in the locale of the nearest <str-provider> or the page (docs/i18n/README.md). */
  #l = new LocaleController(this, CASELOAD_MESSAGES);
  #scope = new PersonScope(this, { client: () => this.currentClient, changed: (next) => this.#changed(next) });

  /** Resolves when the caseload is loaded and drawn. */
  whenLoaded(): Promise<void> {
    return this.#loads.whenLoaded();
  }

  /**
   * Puts focus on the person's row (the host calls it on coming back from their record). If they are not listed (a
   * filter hides them), focus goes to the caseload's heading instead and the answer is false.
   */
  async focusPerson(serviceUserId: string): Promise<boolean> {
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(`#open-${CSS.escape(serviceUserId)}`);
    (row ?? this.renderRoot.querySelector<HTMLElement>('#caseload-heading'))?.focus();
    return !!row;
  }

  #changed(next: Scope | undefined): (() => void) | void {
    this._loaded = undefined;
    this._failed = false;
    this._unreadable = [];
    this._sync = undefined;
    this._workers = [];
    this.#loads.reset(!!next);
    if (!next) return;
    void this.#reload();
    const stopRecords = next.client.subscribe({}, () => void this.#reload());
    let unsynced = next.client.sync?.state.unsynced;
    const stopSync = next.client.sync?.subscribe((s) => {
      this._sync = s;
      if (s.unsynced !== unsynced) void this.#reload(); // who has waiting changes moved on
      unsynced = s.unsynced;
    });
    if (next.client.can('caseload.view-any')) void this.#loads.track(this.#loadWorkers(next));
    return () => {
      stopRecords();
      stopSync?.();
    };
  }

  /** Loads now, or once more after the load in flight. */
  #reload(): Promise<void> {
    return this.#reloads.run();
  }

  async #load(): Promise<void> {
    const scope = this.#scope.current;
    if (!scope) return;
    let found: readonly Unreadable[] = [];
    try {
      const workerId = this.workerId || undefined;
      const loaded = await this.#scope.load(scope, (s) => s.client.caseload.summary({ ...(workerId && { workerId }), signal: s.signal, onUnreadable: (u) => (found = u) }));
      if (!loaded) return;
      this._loaded = loaded.value;
      this._unreadable = found;
      this._failed = false;
      this.#loads.settle(loaded.value.people.length === 0);
    } catch {
      if (!this.#scope.isCurrent(scope)) return;
      this._failed = true;
      this.#loads.fail();
    }
  }

  async #loadWorkers(scope: Scope): Promise<void> {
    const loaded = await this.#scope.load(scope, (s) => s.client.workers.list({ limit: 10_000, signal: s.signal })).catch(() => undefined);
    if (!loaded) return;
    const me = scope.actorId;
    const named = loaded.value.items.filter((w: Worker) => !w.enteredInError && w.role !== 'viewer').map((w: Worker) => ({ id: w.actorId ?? w.id, name: w.name }));
    this._workers = named.some((w) => w.id === me) ? named : [{ id: me, name: me }, ...named];
  }

  #open(serviceUserId: string): void {
    const detail: PersonOpenDetail = { serviceUserId };
    requestIntent(this, 'str-person-open', detail);
  }

  #chooseWorker(id: string, client: StrClient | undefined): void {
    const workerId = client && id === client.actor.id ? '' : id;
    const detail: CaseloadWorkerChangeDetail = { workerId: id };
    if (!requestIntent(this, 'str-caseload-worker-change', detail)) return this.requestUpdate();
    if (client) this.workerId = workerId;
  }

  #tryAgain(): void {
    this._failed = false;
    this.#loads.reset(true);
    void focusWhatReplaced(this, this.#reload());
  }

  /** A filter or the search changed: the list follows, and the status says how many it shows. */
  #refine(change: () => void): void {
    change();
    const s = this.#shown();
    this._status = s ? this.#l.t('showing', { shown: s.shown.length, count: s.all }) : '';
  }

  #shown(): Shown | undefined {
    const summary = this.currentClient ? this._loaded : this.summary;
    if (!summary) return undefined;
    const q = { filter: this.filter, onlyAlerts: this._onlyAlerts, onlyNotSeen: this._onlyNotSeen, search: this._search };
    return { summary, shown: visiblePeople(summary.people, q, summary.today), all: summary.people.length, q };
  }

  override render() {
    const l = this.#l;
    const client = this.currentClient;
    const s = this.#shown();
    const workers = client ? this._workers : this.workers;
    const me = client?.actor.id;
    const whose = s?.summary.workerId ?? (this.workerId || me || '');
    const name = workers.find((w) => w.id === whose)?.name;
    const heading = !this.workerId || whose === me ? l.t('heading-own') : l.t('heading-of', { name: name ?? whose });
    return html`<div lang=${l.lang}>
      <section aria-labelledby="caseload-heading">
        <h2 id="caseload-heading" tabindex="-1">${heading}</h2>
        ${workers.length > 1 ? this.#whose(workers, whose, me, client) : nothing}
        ${this._failed && client ? html`<div class="problem" role="alert"><p>${l.t('not-loaded')}</p><button type="button" class="secondary" @click=${() => this.#tryAgain()}>${l.t('try-again')}</button></div>` : nothing}
        ${this._sync && !this._sync.online ? html`<p class="offline readonly-message">${l.t('offline')}</p>` : nothing}
        ${unreadableNotice(this._unreadable, l.unreadable())}
        ${s ? nothing : html`<p class="status" role="status" aria-live="polite">${client && !this._failed ? l.t('loading') : ''}</p>`}
        ${s ? this.#body(s) : nothing}
      </section>
    </div>`;
  }

  #whose(workers: readonly CaseloadWorker[], whose: string, me: string | undefined, client: StrClient | undefined) {
    const l = this.#l;
    return html`<div class="whose"><label class="field" for="whose">${l.t('whose')}</label>
      <select id="whose" @change=${(e: Event) => this.#chooseWorker((e.target as HTMLSelectElement).value, client)}>
        ${workers.map((w) => html`<option value=${w.id} ?selected=${w.id === whose}>${w.id === me ? l.t('worker-you', { name: w.name }) : w.name}</option>`)}
      </select></div>`;
  }

  #body(s: Shown) {
    const l = this.#l;
    const today = s.summary.today;
    if (s.all === 0) return html`<p>${l.t('empty')}</p>`;
    const waiting = this._sync?.unsynced;
    return html`${renderCounts(l, countsOf(s.summary.people, today), waiting)}
      ${renderFilters(l, s.q, {
        filter: (f) => this.#refine(() => (this.filter = f)),
        onlyAlerts: (on) => this.#refine(() => (this._onlyAlerts = on)),
        onlyNotSeen: (on) => this.#refine(() => (this._onlyNotSeen = on)),
        search: (typed) => this.#refine(() => (this._search = typed)),
      })}
      <p class="status" role="status" aria-live="polite">${this._status}</p>
      ${s.shown.length === 0 ? html`<p>${s.q.filter === 'today' && !s.q.search && !s.q.onlyAlerts && !s.q.onlyNotSeen ? l.t('none-today') : l.t('none-match')}</p>` : nothing}
      <ul class="people" part="people" aria-label=${l.t('list-label')}>
        ${s.shown.map((p) => renderPerson(l, p, needsSeeingToday(p, today), (x) => this.#open(x.serviceUserId)))}
      </ul>`;
  }
}
