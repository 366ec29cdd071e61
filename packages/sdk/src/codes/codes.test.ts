import { expect } from '@open-wc/testing';
import { ContactSchema } from '../schemas/contact.js';
import { ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, CONSULTATION_MECHANISMS, labelOf } from './mhsds.js';
import { formatNhsNumber, isTestRangeNhsNumber, isValidNhsNumber, nhsNumberCheckDigit } from './nhs-number.js';
import { isValidConceptId, isValidSctId, sctIdKind, verhoeffValid } from './snomed.js';
import { validContact } from '../records.fixtures.js';
import * as z from 'zod/mini';

const accepts = (field: 'mechanism' | 'locationType' | 'attendance', code: string) =>
  z.safeParse(ContactSchema, { ...validContact(), [field]: code }).success;

describe('MHSDS v6 code lists (docs/reference/mhsds-fhir.md)', () => {
  it('ConsMechanismMH has exactly the v6 codes', () => {
    expect(CONSULTATION_MECHANISMS.map((c) => c.code)).to.deep.equal(['01', '02', '04', '05', '09', '10', '11', '12', '13', '98']);
  });
  it('ActLocTypeCode has the 46 codes of the reference', () => {
    expect(ACTIVITY_LOCATION_TYPES).to.have.length(46);
    expect(new Set(ACTIVITY_LOCATION_TYPES.map((c) => c.code)).size).to.equal(46);
    expect(labelOf(ACTIVITY_LOCATION_TYPES, 'A01')).to.equal("Patient's home");
    expect(labelOf(ACTIVITY_LOCATION_TYPES, 'E02')).to.equal('Ward');
  });
  it('AttendStatus accepts 2-7 only', () => {
    expect(ATTEND_STATUSES.map((c) => c.code).sort()).to.deep.equal(['2', '3', '4', '5', '6', '7']);
  });

  for (const [field, list, unknown] of [
    ['mechanism', CONSULTATION_MECHANISMS, ['03', '06', '1', '99', '']],
    ['locationType', ACTIVITY_LOCATION_TYPES, ['A05', 'a01', 'Z99', '']],
    ['attendance', ATTEND_STATUSES, ['1', '8', '05', '']],
  ] as const) {
    it(`the contact schema accepts every listed ${field} code and refuses unknown ones`, () => {
      for (const c of list) expect(accepts(field, c.code), c.code).to.equal(true);
      for (const c of unknown) expect(accepts(field, c), c).to.equal(false);
    });
  }
  it('labelOf never throws on odd input', () => {
    expect(labelOf(CONSULTATION_MECHANISMS, 1)).to.equal(undefined);
    expect(labelOf(CONSULTATION_MECHANISMS, null)).to.equal(undefined);
  });
});

describe('NHS number (modulus 11)', () => {
  it('accepts published valid test numbers', () => {
    // 943 476 5919 is NHS Digital's documented example; the 999 numbers are synthetic test-range numbers.
    for (const n of ['9434765919', '943 476 5919', '9990000018', '999-000-0026']) expect(isValidNhsNumber(n), n).to.equal(true);
  });
  it('refuses wrong check digits, wrong lengths and non-strings', () => {
    for (const n of ['9434765918', '943476591', '94347659190', 'abcdefghij', '', 9434765919, null, undefined]) {
      expect(isValidNhsNumber(n), String(n)).to.equal(false);
    }
  });
  it('refuses a number whose check digit would be 10', () => {
    // 000000006x: sum = 6 * 2 = 12, 11 - (12 % 11) = 10 → no valid number.
    expect(nhsNumberCheckDigit('000000006')).to.equal(undefined);
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`000000006${d}`)).to.equal(false);
  });
  it('knows the 999 test range and formats 3-3-4', () => {
    expect(isTestRangeNhsNumber('9990000018')).to.equal(true);
    expect(isTestRangeNhsNumber('9434765919')).to.equal(false);
    expect(formatNhsNumber('9990000018')).to.equal('999 000 0018');
  });
});

describe('SNOMED CT identifiers (Verhoeff, partition, length)', () => {
  const published = [
    '185317003', '307321000000107', '270420001', '431957001', '185316007', '89301000000108', '788002001',
    '92191000000105', '893251000000101', '92151000000102', '92221000000103',
  ];
  it('accepts every concept id in the reference file', () => {
    for (const id of published) expect(isValidConceptId(id), id).to.equal(true);
  });
  it("refuses NHS Digital's typo 1035441000000100 (fails Verhoeff)", () => {
    expect(isValidSctId('1035441000000100')).to.equal(false);
  });
  it('refuses each published id with any single digit changed', () => {
    for (const id of published) {
      for (let i = 0; i < id.length; i++) {
        const d = (Number(id[i]) + 1) % 10;
        const changed = id.slice(0, i) + d + id.slice(i + 1);
        expect(isValidSctId(changed), changed).to.equal(false);
      }
    }
  });
  it('checks length, leading zero and partition', () => {
    expect(isValidSctId('12345')).to.equal(false); // too short
    expect(isValidSctId('0185317003')).to.equal(false); // leading zero
    expect(isValidSctId('1234567890123456789')).to.equal(false); // 19 digits
    expect(sctIdKind('185317003')).to.equal('concept');
    // A valid Verhoeff number with partition "99" is still not an SCTID.
    let found = '';
    for (let d = 0; d <= 9 && !found; d++) if (verhoeffValid(`12399${d}`)) found = `12399${d}`;
    expect(found).to.not.equal('');
    expect(isValidSctId(found)).to.equal(false);
    expect(isValidSctId(185317003)).to.equal(false);
  });
});
