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
  /** Read staff records (supervision, training): which ones is domain/staff.ts's, by who is asking. */
  | 'staff.read'
  /** Record a supervision: team leads any, co-ordinators as the supervisor (domain/staff.ts). */
  | 'supervision.record'
  /** Record training: team leads any worker's, workers their own (domain/staff.ts). */
  | 'training.record'
  /** Add, change and confirm a person's key contacts and anyone's referrals (docs/adr/0027-care-pathway.md). */
  | 'pathway.edit'
  /** Suggest a key contact or a change to one, for the care co-ordinator to confirm. */
  | 'pathway.suggest'
  /** Add a referral one made oneself, and record its progress (domain/pathway.ts). */
  | 'referral.add'
  | 'read';

const CARE: readonly Action[] = ['read', 'contact.log', 'contact.correct-own', 'progress-note.add', 'task.set-status-own', 'sign-check.record', 'alert.raise', 'staff.read', 'pathway.suggest', 'referral.add'];
const WORKER: readonly Action[] = [...CARE, 'training.record'];
const COORDINATOR: readonly Action[] = [...CARE, 'contact.correct-any', 'care-plan.edit', 'warning-sign-plan.edit', 'alert.acknowledge', 'caseload.manage', 'caseload.view-any', 'supervision.record', 'pathway.edit'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  'str-worker': WORKER,
  'peer-support-worker': WORKER,
  'care-coordinator': COORDINATOR,
  'team-lead': [...COORDINATOR, 'training.record'],
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
