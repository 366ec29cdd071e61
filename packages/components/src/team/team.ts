import { teamSummary, type TeamSummary, type TrainingItem, type Unreadable } from '@strkit/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { ClientElement } from '../internal/connected.js';
import { controls } from '../internal/controls.styles.js';
import { counts } from '../internal/counts.styles.js';
import { focusWhatReplaced } from '../internal/focus-after.js';
import { focus } from '../internal/focus.styles.js';
import { CoalescedLoad } from '../internal/coalesced-load.js';
import { LoadState } from '../internal/load-state.js';
import { PersonScope, type Scope } from '../internal/person-scope.js';
import { tokens } from '../internal/tokens.styles.js';
import { unreadableNotice } from '../internal/unreadable-notice.js';
import { LocaleController } from '../l10n/controller.js';
import { TeamRecord } from './team-record.js';
import { TEAM_MESSAGES } from './team.messages.js';
import { renderCounts, renderWorker } from './team.render.js';
import { styles } from './team.styles.js';
import { needsAttention, teamCounts } from './team.view.js';

/**
 * @tagname str-team
 * @summary The team lead's view of the team (issue 22): for each STR and peer support worker, their caseload, attended
 * contacts this week and in 4 weeks, did-not-attend rate, overdue tasks, open and overdue alerts, supervision (last,
 * next due, overdue) and training against the team's checklist (missing, expiring within 30 days, expired), with
 * counts at the top and a filter for the workers who need attention. Connected, those the role table lets record
 * supervision (team leads; co-ordinators as the supervisor) or training (team leads), or reallocate one of the
 * worker's people with a reason (`caseload.manage`), do it from each card (team-record.ts), with drafts kept on the
 * device until saved.
 *
 * Connected (default): the summary comes from `teamClient(client).team.summary()` (docs/adr/0025-staff-records.md)
 * and is redrawn when a record changes. Team leads and care co-ordinators see it; anyone else is told so. The record
 * system must still enforce who may read staff records: these checks only guide the screen.
 * Controlled (no client): shows `.summary`.
 *
 * @csspart workers - The list of workers.
 */
export class StrTeam extends ClientElement {
  static override styles = [tokens, focus, controls, counts, styles];

  /** The team's induction and training checklist (configuration): items, the roles that must complete them, renewal. */
  @property({ attribute: false }) checklist: readonly TrainingItem[] = [];
  /** Controlled mode: the summary to show (`teamClient(client).team.summary()`'s shape). */
  @property({ attribute: false }) summary?: TeamSummary;

  @state() private _loaded?: TeamSummary;
  @state() private _failed = false;
  @state() private _notAllowed = false;
  @state() private _onlyAttention = false;
  @state() private _status = '';
  @state() private _unreadable: readonly Unreadable[] = [];

  /** @internal The loads' scope: one team per client and actor (PersonScope drops a load for the one before). */
  get serviceUserId(): string {
    return 'team';
  }

  #loads = new LoadState(this);
  #reloads = new CoalescedLoad(this.#loads, () => this.#load());
  /** Every word shown, in the locale of the nearest <str-provider> or the page (docs/i18n/README.md). */
  #l = new LocaleController(this, TEAM_MESSAGES);
  #scope = new PersonScope(this, { client: () => this.currentClient, changed: (next, previous) => this.#changed(next, previous) });
  /** Recording a supervision or training from a worker's card (team-record.ts). */
  #record = new TeamRecord(this, {
    client: () => this.#scope.current?.client,
    today: () => this._loaded?.today,
    checklist: () => this.checklist,
    workers: () => this._loaded?.workers.map((w) => w.worker) ?? [],
    l: this.#l,
    isCurrent: (client) => this.#scope.current?.client === client && this.#scope.isCurrent(this.#scope.current),
  });

  /** Resolves when the team is loaded and drawn. */
  whenLoaded(): Promise<void> {
    return this.#loads.whenLoaded();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('checklist') && changed.get('checklist') !== undefined && this.#scope.current) void this.#reload();
  }

  #changed(next: Scope | undefined, previous: Scope | undefined): (() => void) | void {
    this._loaded = undefined;
    this._failed = false;
    this._notAllowed = false;
    this._unreadable = [];
    this.#record.clear(previous?.client);
    this.#loads.reset(!!next);
    if (!next) return;
    if (!next.client.can('caseload.view-any')) {
      this._notAllowed = true;
      this.#loads.settle(false);
      return;
    }
    void this.#reload();
    void this.#record.loadDrafts(next.client);
    return next.client.subscribe({}, () => void this.#reload());
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
      const checklist = this.checklist;
      const loaded = await this.#scope.load(scope, (s) => teamSummary(s.client, { checklist, signal: s.signal, onUnreadable: (u) => (found = u) }));
      if (!loaded) return;
      this._loaded = loaded.value;
      this._unreadable = found;
      this._failed = false;
      this.#loads.settle(loaded.value.workers.length === 0);
    } catch {
      if (!this.#scope.isCurrent(scope)) return;
      this._failed = true;
      this.#loads.fail();
    }
  }

  #tryAgain(): void {
    this._failed = false;
    this.#loads.reset(true);
    void focusWhatReplaced(this, this.#reload());
  }

  #filter(on: boolean): void {
    this._onlyAttention = on;
    const summary = this.#summary();
    if (summary) this._status = this.#l.t('showing', { shown: summary.workers.filter((w) => !on || needsAttention(w)).length, count: summary.workers.length });
  }

  #summary(): TeamSummary | undefined {
    return this.currentClient ? this._loaded : this.summary;
  }

  override render() {
    const l = this.#l;
    const client = this.currentClient;
    const summary = this.#summary();
    return html`<div lang=${l.lang}>
      <section aria-labelledby="team-heading">
        <h2 id="team-heading" tabindex="-1">${l.t('heading')}</h2>
        ${this._notAllowed ? html`<p>${l.t('not-allowed')}</p>` : nothing}
        ${this._failed && client ? html`<div class="problem" role="alert"><p>${l.t('not-loaded')}</p><button type="button" class="secondary" @click=${() => this.#tryAgain()}>${l.t('try-again')}</button></div>` : nothing}
        ${unreadableNotice(this._unreadable, l.unreadable())}
        ${summary || this._notAllowed ? nothing : html`<p class="status" role="status" aria-live="polite">${client && !this._failed ? l.t('loading') : ''}</p>`}
        ${summary ? this.#body(summary) : nothing}
      </section>
    </div>`;
  }

  #body(summary: TeamSummary) {
    const l = this.#l;
    if (summary.workers.length === 0) return html`<p>${l.t('no-workers')}</p>`;
    const shown = summary.workers.filter((w) => !this._onlyAttention || needsAttention(w));
    const recorded = summary.workers.some((w) => w.supervision.state !== 'never' || w.training.items.some((t) => t.state !== 'missing'));
    return html`${renderCounts(l, teamCounts(summary.workers))}
      ${recorded ? nothing : html`<p class="readonly-message">${l.t('empty')}</p>`}
      <div class="filters"><label class="choice"><input type="checkbox" id="only-attention" .checked=${live(this._onlyAttention)}
        @change=${(e: Event) => this.#filter((e.target as HTMLInputElement).checked)} />${l.t('only-attention')}</label></div>
      <p class="status" role="status" aria-live="polite">${this._status}</p>
      ${shown.length === 0 ? html`<p>${l.t('none-match')}</p>` : nothing}
      <ul class="workers" part="workers" aria-label=${l.t('list-label')}>${repeat(shown, (w) => w.worker.id, (w) => renderWorker(l, w, this.#more(w)))}</ul>`;
  }

  /** Connected, for those who may record: the worker's record buttons, status and open form. */
  #more(w: TeamSummary['workers'][number]) {
    return this.currentClient ? this.#record.render(w) : undefined;
  }
}
