// An alert written to a synced store but not yet in the record system (hazard H04, issues 16 and 17): saved on this
// device and waiting in the sync outbox, so the care co-ordinator has not been told. The check-result controller uses
// these to tell the truth: "sent" only once the record system has it, and until then a loud notice with the contacts.
import type { CrisisContact, SyncEngine, WarningSignPlan } from '@strkit/sdk';
import { html, type TemplateResult } from 'lit';
import type { RelapseCheckWords } from './relapse-check.messages.js';

/** How long "Send an alert" waits for a push to the record system before it says the alert is waiting. */
export const CONFIRM_WAIT_MS = 3_000;

export const contactList = (contacts: readonly CrisisContact[]): TemplateResult =>
  html`<ul>${contacts.map((x) => html`<li><span class="sign-text" dir="auto">${x.who}</span>: <span class="response" dir="auto">${x.how}</span></li>`)}</ul>`;

/** `p`, or undefined once `ms` have passed or if it fails. */
async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([p.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Of `ids` (alerts written to the synced store), those the record system is known to have: no longer in the sync
 * outbox (a refused or conflicting one stays there, flagged). Conservative: an outbox that cannot be read in time
 * confirms nothing.
 */
export async function confirmedAlerts(sync: SyncEngine, ids: readonly string[], ms = CONFIRM_WAIT_MS): Promise<readonly string[]> {
  if (!ids.length) return [];
  const entries = await within(sync.entries(), ms);
  if (!entries) return [];
  const waiting = new Set(entries.filter((e) => e.type === 'alert').map((e) => e.id));
  return ids.filter((id) => !waiting.has(id));
}

/** Pushes the outbox now, waiting at most `ms` (never holds the worker up for long), then says whether `id` is in. */
export async function pushAndConfirm(sync: SyncEngine, id: string, ms = CONFIRM_WAIT_MS): Promise<boolean> {
  await within(sync.now(), ms);
  return (await confirmedAlerts(sync, [id], ms)).includes(id);
}

/** The loud notice for an alert that waits on this device, with the plan's crisis contacts. */
export function renderAlertWaiting(l: RelapseCheckWords, plan: WarningSignPlan): TemplateResult {
  return html`<div class="problem" role="alert" part="alert-waiting" tabindex="-1">
    <h4>${l.t('waiting-heading')}</h4>
    <p>${l.t('waiting-body')}</p>
    ${plan.contacts.length
      ? html`<p>${l.t('urgent-contacts')}</p>${contactList(plan.contacts)}`
      : html`<p>${l.t('urgent-no-contacts')}</p>`}
  </div>`;
}
