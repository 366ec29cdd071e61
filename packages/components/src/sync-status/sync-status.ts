import { formatNhsDate, londonTime, systemClock, type Clock, type StrClient, type SyncAttention, type SyncState } from '@strkit/sdk';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClientElement } from '../internal/connected.js';
import { controls } from '../internal/controls.styles.js';
import { focusIfLost } from '../internal/focus-after.js';
import { focus } from '../internal/focus.styles.js';
import { tokens } from '../internal/tokens.styles.js';

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

const ago = (from: number, to: number) => {
  const mins = Math.max(0, Math.round((to - from) / 60_000));
  if (mins < 60) return `${mins} ${mins === 1 ? 'minute' : 'minutes'} ago`;
  const hours = Math.round(mins / 60);
  if (hours < 48) return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
  return `${Math.round(hours / 24)} days ago`;
};

/** What may have been lost to the browser clearing this device's storage, and what to do. */
const lostNotice = (lost: string) => {
  const at = lost !== 'unknown' ? Date.parse(lost) : undefined;
  return html`<p><strong>${at !== undefined ? `Changes made on this device after ${formatNhsDate(at)} at ${londonTime(at)} may have been lost` : 'Changes made on this device may have been lost'}:</strong>
            the browser cleared this device's storage. Check the record system for anything missing and enter it again.</p>`;
};

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
    return html`<div part="status" class="box ${kind}" role="status" aria-live="polite" tabindex="-1">
      ${lost !== undefined ? lostNotice(lost) : nothing}
      ${this.#summary(s)}
      ${s.persisted === false
        ? html`<p>This browser has not agreed to keep records on this device: it may clear them if the device runs low on space, so changes are safe only once sent.</p>`
        : nothing}
      ${s.needsAttention.length ? this.#attention(s, sync) : nothing}
      ${s.unsynced > 0 ? html`<button type="button" class="secondary" ?disabled=${this._busy || s.syncing} @click=${() => this.#run(() => sync.now())}>Send now</button>` : nothing}
    </div>`;
  }

  /** All sent, or how many changes wait and since when; nothing to add when all is sent but some may have been lost. */
  #summary(s: SyncState) {
    const lost = s.mayHaveLostAfter;
    if (s.unsynced === 0) {
      return lost !== undefined
        ? nothing
        : html`<p>All changes are in the record system${s.lastSyncedAt ? `, checked at ${londonTime(Date.parse(s.lastSyncedAt))}` : ''}.</p>`;
    }
    const oldest = s.oldestUnsyncedAt ? Date.parse(s.oldestUnsyncedAt) : undefined;
    return html`<p><strong>${s.syncing ? 'Sending' : s.online ? 'Waiting to send' : 'Offline'}:</strong> ${s.unsynced} ${s.unsynced === 1 ? 'change is' : 'changes are'} saved on this device and not yet in the record system.${
      oldest !== undefined ? ` The oldest was saved ${formatNhsDate(oldest)} at ${londonTime(oldest)} (${ago(oldest, this.clock.now().getTime())}).` : ''}${lost === undefined ? ' Nothing is lost: they will be sent when the connection is back.' : ' They will be sent when the connection is back.'}</p>`;
  }

  #attention(s: SyncState, sync: NonNullable<StrClient['sync']>) {
    return html`<p><strong>${s.needsAttention.length} ${s.needsAttention.length === 1 ? 'change needs' : 'changes need'} your attention:</strong></p>
      <ul>${s.needsAttention.map((a) => this.#attentionItem(a, sync))}</ul>`;
  }

  /** Every refusal has a way forward: send it again, keep this device's version as a new one, or copy it out. */
  #attentionItem(a: SyncAttention, sync: NonNullable<StrClient['sync']>) {
    const copied = this._copied.get(`${a.type}/${a.id}`);
    const hidden = html`<span class="visually-hidden"> for this ${a.type}</span>`;
    return html`<li>${a.code === 'conflict' ? 'Someone else changed this record in the record system meanwhile. Both versions are kept.' : `The record system refused it: ${a.message}`}
            ${a.code === 'conflict'
              ? html`<button type="button" class="secondary" ?disabled=${this._busy} @click=${() => this.#run(() => sync.resolve(a.type, a.id, 'mine'))}>Keep mine${hidden}</button>
                ${a.theirsKnown === false ? nothing : html`<button type="button" class="secondary" ?disabled=${this._busy} @click=${() => this.#run(() => sync.resolve(a.type, a.id, 'theirs'))}>Take theirs${hidden}</button>`}`
              : html`<button type="button" class="secondary" ?disabled=${this._busy} @click=${() => this.#run(() => sync.retry(a.type, a.id))}>Try again${hidden}</button>
                <button type="button" class="secondary" ?disabled=${this._busy} @click=${() => this.#run(() => sync.resolve(a.type, a.id, 'mine'))}>Keep mine as a new version${hidden}</button>`}
            <button type="button" class="secondary" ?disabled=${this._busy} @click=${() => this.#run(() => this.#copy(a.type, a.id))}>Copy the text${hidden}</button>
            ${copied === undefined ? nothing : html`<label>The text of this ${a.type}, to copy:<textarea readonly .value=${copied}></textarea></label>`}</li>`;
  }
}
