/**
 * The one error type the SDK throws. Check it with {@link isStrError}, not `instanceof`: a page may load two copies
 * of the SDK (a vendor bundle and ours), and a brand survives that where a class identity does not.
 * Messages hold ids and codes, never record content; choose UI copy from `code`.
 */
export type StrErrorCode =
  | 'validation'
  | 'forbidden'
  | 'unauthenticated'
  | 'not-found'
  | 'conflict'
  | 'storage'
  | 'transport'
  | 'mapping'
  /** The caller aborted (an `AbortSignal`): the element moved on to another person or actor. Nothing was changed. */
  | 'aborted';

/** One problem with one field, as a person can act on it: `path` names the field, `message` says what to do. */
export interface FieldIssue {
  readonly path: string;
  readonly code: string;
  /** What to do, in English: the default words. */
  readonly message: string;
  /**
   * The values `message` is made from, so a widget can say it in the reader's language (issue 20): `maximum` or
   * `minimum` (with `origin`: string, number, array) for a limit, `format` for a wrong form, `key` for an unknown
   * field. Never the value that was given.
   */
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface StrErrorDetails {
  readonly issues?: readonly FieldIssue[];
  readonly status?: number;
  /** For `conflict`: the version the store holds now. */
  readonly currentVersion?: string;
  readonly type?: string;
  readonly id?: string;
  /** For a throttled or busy `transport`: how long the record system asked us to wait (`Retry-After`). */
  readonly retryAfterMs?: number;
  /** A machine-readable cause, e.g. `quota` for a full device. */
  readonly reason?: string;
  /** The record system's own words for a refusal (a FHIR OperationOutcome's text), to show as written. */
  readonly outcome?: string;
}

const BRAND = Symbol.for('strkit.error');

export class StrError extends Error {
  override name = 'StrError';
  readonly [BRAND] = true;
  constructor(
    readonly code: StrErrorCode,
    message: string,
    readonly retryable = false,
    readonly details: StrErrorDetails = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export const isStrError = (e: unknown, code?: StrErrorCode): e is StrError => {
  try {
    return (
      typeof e === 'object' &&
      e !== null &&
      (e as Record<symbol, unknown>)[BRAND] === true &&
      (code === undefined || (e as StrError).code === code)
    );
  } catch {
    return false; // a hostile proxy: not ours
  }
};

/** Wraps anything thrown below the SDK surface; a StrError passes through unchanged. */
export function toStrError(e: unknown, code: StrErrorCode, message: string, retryable = false): StrError {
  if (isStrError(e)) return e;
  return new StrError(code, message, retryable, {}, { cause: e });
}

/**
 * Wraps a pure helper for the public API: whatever it is given, it returns or throws a StrError (`code` for anything
 * that is not one already), so a host never meets a TypeError from bad input.
 */
export function guarded<A extends unknown[], R>(name: string, code: StrErrorCode, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (e) {
      if (isStrError(e)) throw e;
      throw new StrError(code, `${name}: the input is not something it can read`, false, {}, { cause: e });
    }
  };
}
