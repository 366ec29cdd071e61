import type { Actor, Role } from '../schemas/people.js';

// DESIGN.md, "Roles": the SDK enforces this table; the UI hides what a role may not do.
export type Action =
  | 'contact.log'
  | 'contact.correct-own'
  | 'contact.correct-any'
  | 'progress-note.add'
  | 'task.set-status-own'
  | 'care-plan.edit'
  | 'warning-sign-plan.edit'
  | 'sign-check.record'
  | 'alert.raise'
  | 'alert.acknowledge'
  | 'caseload.manage'
  /** See another worker's caseload summary (everyone sees their own). */
  | 'caseload.view-any'
  | 'read';

const WORKER: readonly Action[] = ['read', 'contact.log', 'contact.correct-own', 'progress-note.add', 'task.set-status-own', 'sign-check.record', 'alert.raise'];
const COORDINATOR: readonly Action[] = [...WORKER, 'contact.correct-any', 'care-plan.edit', 'warning-sign-plan.edit', 'alert.acknowledge', 'caseload.manage', 'caseload.view-any'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  'str-worker': WORKER,
  'peer-support-worker': WORKER,
  'care-coordinator': COORDINATOR,
  'team-lead': COORDINATOR,
  viewer: ['read'],
};

/** Whether a role may do an action. Never throws: an unknown role may do nothing. */
export function can(actor: Pick<Actor, 'role'> | undefined, action: Action): boolean {
  try {
    const role = actor?.role;
    const list = typeof role === 'string' && Object.prototype.hasOwnProperty.call(ROLE_PERMISSIONS, role) ? ROLE_PERMISSIONS[role] : undefined;
    return !!list && list.includes(action);
  } catch {
    return false; // an actor that cannot be read may do nothing
  }
}

/** May this actor correct or mark entered-in-error this record? Workers: only their own; co-ordinators and leads: any. */
export function canCorrect(actor: Actor | undefined, record: { createdBy: string; workerId?: string }): boolean {
  try {
    if (!actor || !record) return false;
    if (can(actor, 'contact.correct-any')) return true;
    return can(actor, 'contact.correct-own') && typeof actor.id === 'string' && (record.createdBy === actor.id || record.workerId === actor.id);
  } catch {
    return false;
  }
}
