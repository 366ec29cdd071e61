// What <str-team> lists and counts (issue 22): pure functions of the SDK's team summary, so the element keeps the
// state and these the decisions.
import type { WorkerSummary } from '@strkit/sdk';

/** A worker needs the team lead's attention: supervision overdue or never recorded, training missing, expiring or expired, or an alert waiting past 24 hours. */
export const needsAttention = (w: WorkerSummary): boolean =>
  w.supervision.state === 'overdue' || w.supervision.state === 'never' || w.training.missing + w.training.expiring + w.training.expired > 0 || w.overdueAlerts > 0;

export interface TeamCounts {
  readonly workers: number;
  readonly supervision: number;
  readonly training: number;
  readonly alerts: number;
}

export function teamCounts(workers: readonly WorkerSummary[]): TeamCounts {
  return {
    workers: workers.length,
    supervision: workers.filter((w) => w.supervision.state === 'overdue' || w.supervision.state === 'never').length,
    training: workers.filter((w) => w.training.missing + w.training.expired > 0).length,
    alerts: workers.reduce((n, w) => n + w.overdueAlerts, 0),
  };
}
