import { expect } from '@open-wc/testing';
import { isStrError } from '../errors.js';
import { upgradeRecord, type MigrationTable } from './migrations.js';
import { RECORDS } from './registry.js';

describe('record schema upgrades', () => {
  it('leaves a current record as it is', () => {
    const r = { id: 'x', schemaVersion: RECORDS.contact.schemaVersion, note: 'n' };
    expect(upgradeRecord('contact', r)).to.equal(r);
  });

  it('runs each step in order from the stored version to the current one', () => {
    // A table as a future release would ship it: v1 → v2 renamed a field, v2 → v3 added a default.
    const target = RECORDS.contact.schemaVersion;
    const steps: string[] = [];
    const table: MigrationTable = {
      contact: Object.fromEntries(
        Array.from({ length: target }, (_, i) => [i, (r: Record<string, unknown>) => (steps.push(`${i}→${i + 1}`), { ...r, [`step${i}`]: true })]),
      ),
    };
    const out = upgradeRecord('contact', { id: 'x', schemaVersion: 0, note: 'kept' }, table) as Record<string, unknown>;
    expect(out.schemaVersion).to.equal(target);
    expect(out.note).to.equal('kept');
    expect(steps).to.deep.equal(Array.from({ length: target }, (_, i) => `${i}→${i + 1}`));
  });

  it('refuses a record from a newer STR Kit, and a gap in the steps, with a mapping error', () => {
    try {
      upgradeRecord('contact', { id: 'x', schemaVersion: 99 });
      expect.fail('should throw');
    } catch (e) {
      expect(isStrError(e, 'mapping')).to.equal(true);
    }
    try {
      upgradeRecord('contact', { id: 'x', schemaVersion: 0 }, {});
      expect.fail('should throw');
    } catch (e) {
      expect(isStrError(e, 'mapping')).to.equal(true);
    }
  });
});
