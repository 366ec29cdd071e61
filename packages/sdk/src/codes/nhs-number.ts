// NHS number check digit: modulus 11 with weights 10..2 over the first nine digits.
// Source: NHS Data Dictionary, "NHS NUMBER" (data element), validation rules. A remainder giving 10 is never valid.

const digitsOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : undefined;
};

/** The check digit for nine leading digits, or `undefined` when no check digit can make them valid. */
export function nhsNumberCheckDigit(firstNine: string): number | undefined {
  if (typeof firstNine !== 'string' || !/^\d{9}$/.test(firstNine)) return undefined;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? undefined : check;
}

/** True for a 10-digit NHS number (spaces or hyphens allowed between groups) with a valid check digit. */
export function isValidNhsNumber(value: unknown): boolean {
  const digits = digitsOf(value);
  if (!digits) return false;
  return nhsNumberCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/**
 * Numbers starting 999 are issued for testing and never belong to a person: STR Kit's demo data and tests use only these.
 * Source: NHS England, "NHS number" test data guidance (999 prefix reserved for test purposes).
 */
export function isTestRangeNhsNumber(value: unknown): boolean {
  const digits = digitsOf(value);
  return !!digits && digits.startsWith('999') && isValidNhsNumber(digits);
}

/** "999 123 4560" style, as NHS.UK shows it; unchanged input if it is not an NHS number. */
export function formatNhsNumber(value: string): string {
  const digits = digitsOf(value);
  return digits ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : typeof value === 'string' ? value : '';
}

/** Canonical storage form: ten digits, no spaces. */
export function normaliseNhsNumber(value: string): string {
  return digitsOf(value) ?? (typeof value === 'string' ? value : '');
}
