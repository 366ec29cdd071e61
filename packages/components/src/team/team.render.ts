// How <str-team> draws (issue 22): the counts and one card per worker. Functions of what the element holds.
import type { TrainingState, WorkerSummary } from '@strkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { LocaleController } from '../l10n/controller.js';
import type { TeamMessages } from './team.messages.js';
import { needsAttention, type TeamCounts } from './team.view.js';

export type TeamWords = LocaleController<TeamMessages>;

const ROLES = new Set(['str-worker', 'peer-support-worker', 'care-coordinator', 'team-lead', 'viewer']);
const roleWords = (l: TeamWords, role: string) => (ROLES.has(role) ? l.t(`role.${role as 'str-worker'}`) : role);

export function renderCounts(l: TeamWords, c: TeamCounts): TemplateResult {
  const item = (label: string, n: number) => html`<div><dt>${label}</dt><dd>${l.number(n)}</dd></div>`;
  return html`<h3 class="visually-hidden" id="team-counts-heading">${l.t('counts-label')}</h3>
    <dl class="counts" aria-labelledby="team-counts-heading">
      ${item(l.t('count.workers'), c.workers)}${item(l.t('count.supervision'), c.supervision)}${item(l.t('count.training'), c.training)}${item(l.t('count.alerts'), c.alerts)}
    </dl>`;
}

function supervisionWords(l: TeamWords, s: WorkerSummary['supervision']): string {
  if (s.state === 'never') return l.t('supervision.never');
  const last = l.date(s.lastHeldOn);
  if (s.state === 'within') return l.t('supervision.within', { last, due: l.date(s.dueOn) });
  if (s.state === 'due-today') return l.t('supervision.due-today', { last });
  return l.t('supervision.overdue', { last, count: s.daysOverdue });
}

function trainingItemWords(l: TeamWords, t: TrainingState): string | undefined {
  if (t.state === 'missing') return l.t('training.missing', { title: t.item.title });
  if (t.state === 'expiring') return l.t('training.expiring', { title: t.item.title, date: l.date(t.expiresOn!), count: t.daysLeft! });
  if (t.state === 'expired') return l.t('training.expired', { title: t.item.title, date: l.date(t.expiresOn!) });
  return undefined;
}

function renderTraining(l: TeamWords, w: WorkerSummary): TemplateResult {
  const { items, missing, expiring, expired } = w.training;
  if (items.length === 0) return html`${l.t('training.none-required')}`;
  if (missing + expiring + expired === 0) return html`${l.t('training.all-done')}`;
  const issues = items.flatMap((t) => trainingItemWords(l, t) ?? []);
  return html`${l.t('training.summary', { missing, expiring, expired })}<ul class="training">${issues.map((words) => html`<li><bdi>${words}</bdi></li>`)}</ul>`;
}

/** One worker's card; `more` is what goes under the facts (the record buttons and form, for those who may record). */
export function renderWorker(l: TeamWords, w: WorkerSummary, more: TemplateResult | typeof nothing = nothing): TemplateResult {
  const id = w.worker.id;
  const fact = (label: string, value: TemplateResult | string, tone = '') => html`<div class=${tone}><dt>${label}</dt><dd>${value}</dd></div>`;
  const dna = w.dna.rate === undefined ? l.t('dna-none') : l.t('dna-rate', { percent: l.number(Math.round(w.dna.rate * 100)), count: w.dna.due });
  const late = w.supervision.state === 'overdue' || w.supervision.state === 'never';
  const training = w.training.missing + w.training.expired > 0;
  return html`<li class="worker ${needsAttention(w) ? 'attention' : ''}" data-worker=${id}>
    <article aria-labelledby="worker-${id}">
      <h3 id="worker-${id}"><bdi>${w.worker.name}</bdi> <span class="role">(${roleWords(l, w.worker.role)})</span></h3>
      <dl class="facts">
        ${fact(l.t('fact.caseload'), l.t('people', { count: w.caseload }))}
        ${fact(l.t('fact.contacts'), l.t('contacts', { week: l.number(w.attended.thisWeek), month: l.number(w.attended.last4Weeks) }))}
        ${fact(l.t('fact.dna'), dna)}
        ${fact(l.t('fact.tasks'), l.number(w.overdueTasks))}
        ${fact(l.t('fact.alerts'), l.t('alerts', { open: l.number(w.openAlerts), late: l.number(w.overdueAlerts) }), w.overdueAlerts ? 'warn' : '')}
        ${fact(l.t('fact.supervision'), supervisionWords(l, w.supervision), late ? 'warn' : '')}
        ${fact(l.t('fact.training'), renderTraining(l, w), training ? 'warn' : '')}
      </dl>
      ${more}
    </article>
  </li>`;
}
