import { StrError } from '../errors.js';
import { RECORDS, isRecordType, type RecordType } from './registry.js';

/** One step: a stored record at `schemaVersion` n becomes one at n + 1. Pure; never drops a field's content. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;
export type MigrationTable = Partial<Record<RecordType, Readonly<Record<number, Migration>>>>;

/**
 * The shipped migrations, by type and the version they upgrade from. A change to a record's shape bumps its
 * `schemaVersion` in the registry and adds the step here, with a test.
 */
export const MIGRATIONS: MigrationTable = {
  // 1 → 2 added the optional agreed contact frequency: a plan from before it is a plan with none agreed.
  carePlan: { 1: (plan) => plan },
  // 1 → 2 added the optional reason for a change: a team from before it gives none.
  careTeam: { 1: (team) => team },
};

/**
 * Brings a stored record up to the current schema version of its type, one step at a time. Stores call this on every
 * read, so records written by an older STR Kit stay readable. A record from a newer STR Kit is refused, not guessed at.
 */
export function upgradeRecord(type: RecordType, stored: unknown, migrations: MigrationTable = MIGRATIONS): unknown {
  if (!isRecordType(type)) throw new StrError('validation', 'Unknown record type', false, { type: String(typeof type) });
  if (typeof stored !== 'object' || stored === null) return stored;
  let record = stored as Record<string, unknown>;
  const target = RECORDS[type].schemaVersion;
  let from: number;
  try {
    from = typeof record.schemaVersion === 'number' ? record.schemaVersion : 1;
  } catch (cause) {
    throw new StrError('mapping', `A stored ${type} could not be read`, false, { type }, { cause });
  }
  if (!Number.isInteger(from)) throw new StrError('mapping', `A stored ${type} has no valid schema version`, false, { type });
  if (from > target) {
    throw new StrError('mapping', `A ${type} was written by a newer STR Kit (schema ${from}, this one reads ${target})`, false, { type, reason: 'newer-version' });
  }
  while (from < target) {
    const step = migrations[type]?.[from];
    if (!step) throw new StrError('mapping', `No migration for ${type} from schema version ${from}`, false, { type });
    try {
      record = { ...step(record), schemaVersion: from + 1 };
    } catch (cause) {
      throw new StrError('mapping', `Upgrading ${type} from schema version ${from} failed`, false, { type }, { cause });
    }
    from++;
  }
  return record;
}
