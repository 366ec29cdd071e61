import { systemClock, type Clock, type StrClient, type SyncAttention, type SyncState } from '@strkit/sdk';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClientElement } from '../internal/connected.js';
import { controls } from '../internal/controls.styles.js';
import { focusIfLost } from '../internal/focus-after.js';
import { focus } from '../internal/focus.styles.js';
import { tokens } from '../internal/tokens.styles.js';
import { LocaleController } from '../l10n/controller.js';
import { SYNC_STATUS_MESSAGES } from './sync-status.messages.js';

const styles = css`
  :host {
    display: block;
  }
  .box {
    border-left: 4px solid var(--_link);
    padding: 4px 12px;
    background: var(--_surface);
  }
  .box.waiting {
    border-left-color: var(--_secondary);
  }
  .box.attention {
    border-left-color: var(--_error);
  }
  ul {
    margin: 4px 0;
    padding-left: 20px;
  }
  p {
    margin: 4px 0;
  }
  textarea {
    display: block;
    width: 100%;
    min-height: 6em;
    margin-top: 4px;
    font: inherit;
  }
`;

/**
 * @summary Whether this device's changes have reached the record system: all sent, waiting (with the age of the oldest),
 * or needing a person's attention (a conflict to choose, or a refusal with its reason). Shows nothing without a synced
 * store. Any page with STR Kit widgets can carry one.
 * @csspart status - The sentence and its details.
 */
export class StrSyncStatus extends ClientElement {
  static override styles = [tokens, focus, controls, styles];

  /** The clock ages are judged by. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private _state?: SyncState;
  @state() private _busy = false;
  /** The text of a record the worker asked to copy out, keyed by `type/id`. */
  @state() private _copied: ReadonlyMap<string, string> = new Map();
  #unsubscribe: (() => void) | undefined;
  #for: StrClient | undefined;
  /** Every word shown, in the locale of the nearest <str-provider> or the page (docs/i18n/README.md). */
  readonly #l = new LocaleController(this, SYNC_STATUS_MESSAGES);

  protected override updated(_changed: PropertyValues<this>): void {
    const c = this.currentClient;
    if (c !== this.#for) {
      this.#for = c;
      this.#unsubscribe?.();
      this.#unsubscribe = c?.sync?.subscribe((s) => (this._state = s));
      if (!c?.sync) this._state = undefined;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#for = undefined;
  }

  async #run(fn: () => Promise<unknown>) {
    // Buttons are disabled while busy, which drops focus to <body>: give it back to the button pressed, or, if that
    // went with its item, to the status sentence (issue 17, keyboard walk).
    const pressed = this.shadowRoot?.activeElement;
    this._busy = true;
    try {
      await fn();
    } catch {
      // The state says what happened.
    } finally {
      this._busy = false;
      await this.updateComplete;
      if (pressed instanceof HTMLElement && pressed.isConnected && document.activeElement === document.body) pressed.focus();
      else await focusIfLost(this, '[part=status]');
    }
  }

  async #copy(type: Parameters<NonNullable<StrClient['sync']>['textOf']>[0], id: string) {
    const sync = this.currentClient?.sync;
    if (!sync) return;
    const text = await sync.textOf(type, id);
    this._copied = new Map([...this._copied, [`${type}/${id}`, text]]);
    try {
      await globalThis.navigator?.clipboard?.writeText(text);
    } catch {
      // No clipboard here: the text is shown, selectable, below the buttons.
    }
  }

  override render() {
    const s = this._state;
    const sync = this.currentClient?.sync;
    if (!s || !sync) return nothing;
    const waiting = s.unsynced - s.needsAttention.length;
    const lost = s.mayHaveLostAfter;
    const kind = s.needsAttention.length || lost !== undefined ? 'attention' : waiting ? 'waiting' : 'done';
    const l = this.#l;
    return html`<div part="status" class="box ${kind}" role="status" aria-live="polite" tabindex="-1" lang=${l.lang}>
      ${lost !== undefined ? this.#lostNotice(lost) : nothing}
      ${this.#summary(s)}
      ${s.persisted === false ? html`<p>${l.t('not-persisted')}</p>` : nothing}
      ${s.needsAttention.length ? this.#attention(s, sync) : nothing}
      ${s.unsynced > 0 ? html`<button type="button" class="secondary" ?disabled=${this._busy || s.syncing} @click=${() => this.#run(() => sync.now())}>${l.t('send-now')}</button>` : nothing}
    </div>`;
  }

  /** What may have been lost to the browser clearing this device's storage, and what to do. */
  #lostNotice(lost: string) {
    const l = this.#l;
    const at = lost !== 'unknown' ? Date.parse(lost) : undefined;
    return html`<p><strong>${at !== undefined ? l.t('lost-after', { when: l.dateTime(at) }) : l.t('lost-unknown')}</strong>
            ${l.t('lost-why')}</p>`;
  }

  /** All sent, or how many changes wait and since when; nothing to add when all is sent but some may have been lost. */
  #summary(s: SyncState) {
    const l = this.#l;
    const lost = s.mayHaveLostAfter;
    if (s.unsynced === 0) {
      return lost !== undefined
        ? nothing
        : html`<p>${s.lastSyncedAt ? l.t('all-sent-checked', { time: l.time(Date.parse(s.lastSyncedAt)) }) : l.t('all-sent')}</p>`;
    }
    const oldest = s.oldestUnsyncedAt ? Date.parse(s.oldestUnsyncedAt) : undefined;
    const words = [l.t('unsynced', { count: s.unsynced })];
    if (oldest !== undefined) words.push(l.t('oldest', { when: l.dateTime(oldest), ago: l.ago(oldest, this.clock.now().getTime()) }));
    words.push(l.t(lost === undefined ? 'nothing-lost' : 'will-send'));
    return html`<p><strong>${l.t(s.syncing ? 'sending' : s.online ? 'waiting' : 'offline')}</strong> ${words.join(' ')}</p>`;
  }

  #attention(s: SyncState, sync: NonNullable<StrClient['sync']>) {
    return html`<p><strong>${this.#l.t('attention', { count: s.needsAttention.length })}</strong></p>
      <ul>${s.needsAttention.map((a) => this.#attentionItem(a, sync))}</ul>`;
  }

  /**
   * Why it needs attention, in the active locale from the SDK's `reason` and `code` (issue 20). The record system's
   * own words stay as written, marked as English; an entry flagged by an older version (no `reason`) shows the SDK's
   * English message the same way.
   */
  #why(a: SyncAttention) {
    const l = this.#l;
    if (a.code === 'conflict') return l.t(a.reason === 'deleted-there' ? 'conflict-gone' : 'conflict');
    if (a.reason !== 'refused') return html`${l.t('refused')} <span lang="en-GB">${a.message}</span>`;
    const status = a.params?.status;
    const known = ['forbidden', 'validation', 'unauthenticated', 'not-found', 'mapping'].includes(a.code);
    const id = known ? (`refused.${a.code}` as 'refused.forbidden') : status === undefined ? 'refused.other-no-status' : 'refused.other';
    const outcome = a.params?.outcome;
    return html`${l.t(id, status === undefined ? {} : { status })}${outcome ? html` ${l.t('their-words')} <span lang="en-GB" class="their-words">${outcome}</span>` : nothing}`;
  }

  /** Every refusal has a way forward: send it again, keep this device's version as a new one, or copy it out. */
  #attentionItem(a: SyncAttention, sync: NonNullable<StrClient['sync']>) {
    const l = this.#l;
    const copied = this._copied.get(`${a.type}/${a.id}`);
    const record = l.thisRecord(a.type);
    const hidden = html`<span class="visually-hidden"> ${l.t('for-record', { record })}</span>`;
    return html`<li>${this.#why(a)}
            ${a.code === 'conflict'
              ? html`<button type="button" class="secondary" ?disabled=${this._busy} @click=${() => this.#run(() => sync.resolve(a.type, a.id, 'mine'))}>${l.t('keep-mine')}${hidden}</button>
                ${a.theirsKnown === false ? nothing : html`<button type="button" class="secondary" ?disabled=${this._busy} @click=${() => this.#run(() => sync.resolve(a.type, a.id, 'theirs'))}>${l.t('take-theirs')}${hidden}</button>`}`
              : html`<button type="button" class="secondary" ?disabled=${this._busy} @click=${() => this.#run(() => sync.retry(a.type, a.id))}>${l.t('try-again')}${hidden}</button>
                <button type="button" class="secondary" ?disabled=${this._busy} @click=${() => this.#run(() => sync.resolve(a.type, a.id, 'mine'))}>${l.t('keep-mine-new')}${hidden}</button>`}
            <button type="button" class="secondary" ?disabled=${this._busy} @click=${() => this.#run(() => this.#copy(a.type, a.id))}>${l.t('copy-text')}${hidden}</button>
            ${copied === undefined ? nothing : html`<label>${l.t('text-to-copy', { record })}<textarea readonly .value=${copied}></textarea></label>`}</li>`;
  }
}
