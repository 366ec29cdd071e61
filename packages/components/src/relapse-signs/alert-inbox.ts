import { systemClock, type Alert, type Clock } from '@strkit/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClientElement } from '../internal/connected.js';
import { controls } from '../internal/controls.styles.js';
import { focus } from '../internal/focus.styles.js';
import { LeaveGuard } from '../internal/leave-guard.js';
import { LoadState } from '../internal/load-state.js';
import { PersonScope } from '../internal/person-scope.js';
import { tokens } from '../internal/tokens.styles.js';
import { LocaleController } from '../l10n/controller.js';
import { AlertInbox } from './alert-inbox.controller.js';
import type { Said } from './relapse-records.js';
import { ALERT_INBOX_WORDS } from './alert-inbox.messages.js';
import { styles } from './relapse-signs.styles.js';

/**
 * @tagname str-alert-inbox
 * @summary The open relapse alerts across every person the signed-in care co-ordinator or team lead sees (not one
 * person's), oldest first, for them to acknowledge with what was done; and those acknowledged in the last 7 days.
 * An alert open longer than `alert-overdue-hours` is flagged, with the person's crisis contacts.
 *
 * Built for the keyboard: a list of links at the top goes to each alert's "What was done"; each alert is an article
 * named by its heading; after an acknowledgement focus returns to the "Open alerts" heading, one Tab from the next.
 * Connected (default): lists through `<str-provider>` or `.client`, and only the roles that may acknowledge are offered
 * to. Controlled (no client): shows `.alerts` with `.people`'s names, never changes them, and fires one cancelable
 * `str-alert-acknowledge` for each acknowledgement.
 *
 * @fires str-alert-acknowledge - Controlled mode: a co-ordinator acknowledged an alert with what was done. Cancelable. Detail: AlertAcknowledgeDetail.
 * @fires str-alert-acknowledged - Connected mode: the acknowledgement was stored. Detail: AlertAcknowledgedDetail (a RecordNotice).
 * @csspart alerts - The open alerts.
 */
export class StrAlertInbox extends ClientElement {
  static override styles = [tokens, focus, controls, styles];

  /** Controlled mode: the alerts to show (open ones, and those acknowledged in the last 7 days). */
  @property({ attribute: false }) alerts: readonly Alert[] = [];
  /** Controlled mode: the people's names by STR Kit id. */
  @property({ attribute: false }) people: Readonly<Record<string, string>> = {};
  /** An open alert older than this many hours is shown as overdue, with the person's crisis contacts. */
  @property({ type: Number, attribute: 'alert-overdue-hours' }) alertOverdueHours = 24;
  /** Lists the alerts without acknowledging. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** The clock "now" is judged by (tests and demos pass a fixed one). */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private _status: Said = '';
  @state() private _problem: Said = '';

  /** The inbox is everyone's the actor sees: its scope names no person. */
  readonly serviceUserId = '';
  #loads = new LoadState(this);
  /** Every word shown, in the locale of the nearest <str-provider> or the page (docs/i18n/README.md). */
  #l = new LocaleController(this, ALERT_INBOX_WORDS);
  #scope = new PersonScope(this, {
    client: () => this.currentClient,
    changed: (next) => {
      this._status = '';
      this._problem = '';
      this.#inbox?.clear();
      if (next) void this.#loads.track(this.#inbox.load());
    },
  });
  /** The browser asks before leaving while an acknowledgement could not be stored for lack of space. */
  #leaving = new LeaveGuard(this);
  #inbox = new AlertInbox(this, {
    client: () => this.currentClient,
    scope: this.#scope,
    loads: this.#loads,
    leaving: this.#leaving,
    clock: () => this.clock,
    l: this.#l,
    given: () => ({ alerts: this.alerts, people: this.people }),
    readonly: () => this.readonly,
    overdueHours: () => this.alertOverdueHours,
    say: (s) => (this._status = s),
    problem: (p) => (this._problem = p),
  });

  /** Resolves when the alerts are loaded and drawn. */
  whenLoaded(): Promise<void> {
    return this.#loads.whenLoaded();
  }

  override render() {
    const say = (s: Said) => (typeof s === 'function' ? s() : s);
    const problem = this._problem ? html`<div class="problem" role="alert" tabindex="-1"><p>${say(this._problem)}</p></div>` : nothing;
    return html`<div lang=${this.#l.lang}>${problem}<p class="status" role="status" aria-live="polite" tabindex="-1">${say(this._status)}</p>${this.#inbox.render()}</div>`;
  }
}
