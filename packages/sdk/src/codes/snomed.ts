// SNOMED CT identifier (SCTID) checks. Source: SNOMED CT Technical Implementation Guide, 6.1 "SCTID" and 6.4
// "Check digit" (Verhoeff): 6 to 18 digits, no leading zero, partition identifier in the 2nd and 3rd digits from the
// right, a Verhoeff check digit last. Reference: docs/reference/mhsds-fhir.md notes NHS Digital's own code carries
// a typo (1035441000000100) that fails this check, so every SNOMED id we accept is checked.

// Verhoeff tables (dihedral group D5 multiplication, permutation, inverse).
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
] as const;
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
] as const;

/** True when the digit string (check digit included) passes the Verhoeff check. */
export function verhoeffValid(digits: string): boolean {
  if (typeof digits !== 'string' || !/^\d+$/.test(digits)) return false;
  let c = 0;
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    const digit = Number(digits[n - 1 - i]);
    c = D[c]![P[i % 8]![digit]!]!;
  }
  return c === 0;
}

/** Partition identifiers: short format 00-05 (International release), long format 10-15 (extensions). */
const PARTITIONS: Record<string, 'concept' | 'description' | 'relationship' | 'other'> = {
  '00': 'concept', '01': 'description', '02': 'relationship', '03': 'other', '04': 'other', '05': 'other',
  '10': 'concept', '11': 'description', '12': 'relationship', '13': 'other', '14': 'other', '15': 'other',
};

export type SctIdKind = 'concept' | 'description' | 'relationship' | 'other';

/** The kind of component an SCTID names, or `undefined` if it is not a valid SCTID (never throws). */
export function sctIdKind(value: unknown): SctIdKind | undefined {
  if (typeof value !== 'string' || !/^[1-9]\d{5,17}$/.test(value)) return undefined;
  const kind = PARTITIONS[value.slice(-3, -1)];
  if (!kind || !verhoeffValid(value)) return undefined;
  return kind;
}

export const isValidSctId = (value: unknown): boolean => sctIdKind(value) !== undefined;
export const isValidConceptId = (value: unknown): boolean => sctIdKind(value) === 'concept';
