import { systemClock, type Clock, type Contact, type Task } from '@strkit/sdk';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { PersonElement } from '../internal/connected.js';
import { controls } from '../internal/controls.styles.js';
import { focus } from '../internal/focus.styles.js';
import { tokens } from '../internal/tokens.styles.js';
import { unknownPersonNotice } from '../internal/person-scope.js';
import { LocaleController } from '../l10n/controller.js';
import { ContactLogController } from './contact-log.controller.js';
import { renderForm } from './contact-log.form-view.js';
import { HistoryView } from './contact-log.history-view.js';
import { CONTACT_LOG_MESSAGES } from './contact-log.messages.js';
import { styles } from './contact-log.styles.js';

export type { ContactLogFilters, ContactLogFormValue } from './contact-log.form.js';
export { VIRTUALISE_ABOVE } from './contact-log.history-view.js';

/**
 * @summary Log a contact with a person in seconds and see the most recent ones. Fields follow MHSDS v6 (care contact).
 *
 * Connected (default): finds a client through `<str-provider>` or `.client`, loads the person's contacts, saves through
 * the client, keeps a draft on the device as the worker types. Controlled (no client): shows `.contacts` and fires one
 * cancelable intent per action for the host to store; it never changes `.contacts` itself.
 *
 * @fires str-contact-save - Controlled mode: the worker asked to save a contact. Cancel it to keep the form as typed. Detail: ContactSaveDetail.
 * @fires str-contact-correct - Controlled mode: the worker asked to store a correction. Cancel it to keep the form as typed. Detail: ContactCorrectDetail.
 * @fires str-contact-mark-entered-in-error - Controlled mode: the worker asked to mark a contact entered in error. Cancel it to keep the reason as typed. Detail: ContactMarkDetail.
 * @fires str-contact-saved - Connected mode: the client stored a contact. Detail: ContactSavedDetail (type, ids and version only).
 * @fires str-contact-corrected - Connected mode: the client stored a correction (a new version). Detail: ContactSavedDetail.
 * @fires str-contact-entered-in-error - Connected mode: a contact was marked entered in error. Detail: ContactSavedDetail.
 * @csspart form - The quick log form.
 * @csspart summary - Totals for this week and month, and the did-not-attend rate with its definition.
 * @csspart history - The list of recent contacts.
 * @cssprop --str-contact-log-gap - Space between form sections (default 16px).
 */
export class StrContactLog extends PersonElement {
  static override styles = [tokens, focus, controls, styles];

  /** Controlled mode: the contacts to show. Never changed by the element. */
  @property({ attribute: false }) contacts: readonly Contact[] = [];

  /** Controlled mode: the person's care-plan tasks, offered as "worked on" (connected mode loads the current plan's). */
  @property({ attribute: false }) tasks: readonly Task[] = [];

  /** Shows the contacts without the form. Also on when the signed-in role may not log contacts. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The clock "now" and "in the future" are judged by (tests and demos pass a fixed one). */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** State, loads and actions (contact-log.controller.ts); this class only draws. */
  #ctl = new ContactLogController(this, () => this.currentClient);
  #history = new HistoryView(this.#ctl, () => this.renderRoot as ShadowRoot, () => this.requestUpdate());
  /** The words, in the locale of the nearest <str-provider> or the page (docs/i18n/README.md). */
  #l = new LocaleController(this, CONTACT_LOG_MESSAGES);

  /** Resolves when the contacts, the person check and any draft are loaded and drawn (tests and hosts that wait for it). */
  whenLoaded(): Promise<void> {
    return this.#ctl.loads.whenLoaded();
  }

  override render() {
    const l = this.#l;
    if (!this.serviceUserId) {
      return html`<div lang=${l.lang}><div class="status" role="status"></div>
        <p class="no-person" role="status">${l.t('no-person')}</p></div>`;
    }
    const ctl = this.#ctl;
    // The status follows the form, so "Contact saved" appears where the worker pressed Save, not a screen above it.
    return html`<div lang=${l.lang}>
      ${ctl.client && ctl.person === 'unknown' ? unknownPersonNotice('', l.t('unknown-person')) : nothing}
      ${ctl.canWrite ? renderForm(ctl, l) : html`<p class="readonly-message">${l.t('read-only')}</p>`}
      <div class="status" role="status" tabindex="-1">${ctl.state.status(l)}</div>
      ${this.#history.render(this.clock.now(), l)}
    </div>`;
  }
}
