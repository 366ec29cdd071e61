import { StrError } from '../errors.js';
import { RECORDS, type RecordType } from './registry.js';

/** One step: a stored record at `schemaVersion` n becomes one at n + 1. Pure; never drops a field's content. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;
export type MigrationTable = Partial<Record<RecordType, Readonly<Record<number, Migration>>>>;

/**
 * The shipped migrations, by type and the version they upgrade from. Empty while every type is at version 1:
 * a change to a record's shape bumps its `schemaVersion` in the registry and adds the step here, with a test.
 */
export const MIGRATIONS: MigrationTable = {};

/**
 * Brings a stored record up to the current schema version of its type, one step at a time. Stores call this on every
 * read, so records written by an older STR Kit stay readable. A record from a newer STR Kit is refused, not guessed at.
 */
export function upgradeRecord(type: RecordType, stored: unknown, migrations: MigrationTable = MIGRATIONS): unknown {
  if (typeof stored !== 'object' || stored === null) return stored;
  let record = stored as Record<string, unknown>;
  const target = RECORDS[type].schemaVersion;
  let from = typeof record.schemaVersion === 'number' ? record.schemaVersion : 1;
  if (from > target) {
    throw new StrError('mapping', `${type} ${String(record.id)} was written by a newer STR Kit (schema ${from}, this one reads ${target})`, false, { type });
  }
  while (from < target) {
    const step = migrations[type]?.[from];
    if (!step) throw new StrError('mapping', `No migration for ${type} from schema version ${from}`, false, { type });
    record = { ...step(record), schemaVersion: from + 1 };
    from++;
  }
  return record;
}
