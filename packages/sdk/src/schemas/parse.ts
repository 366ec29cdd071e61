import * as z from 'zod/mini';
import { StrError, type FieldIssue } from '../errors.js';
import { fieldIssuesOf } from './check-engine.js';
import { RECORDS, isRecordType, type RecordOf, type RecordType } from './registry.js';

/** zod issues → field issues a person can act on. Messages are ours, never the input's content. */
export const toFieldIssues = (error: z.core.$ZodError): FieldIssue[] => fieldIssuesOf(error.issues.map((i) => ({ ...i, ...paramsOf(i) })));

/** The limit or form an issue is about, for words in another language (issue 20); never the value given. */
function paramsOf(i: z.core.$ZodIssue): { params?: FieldIssue['params'] } {
  if (i.code === 'too_big') return { params: { maximum: Number(i.maximum), origin: i.origin } };
  if (i.code === 'too_small') return { params: { minimum: Number(i.minimum), origin: i.origin } };
  if (i.code === 'invalid_format') return { params: { format: i.format } };
  return {};
}

/** zod's issue codes in plain words, for the error's message (the field issues carry words for the person). */
const CODE_WORDS: Readonly<Record<string, string>> = {
  invalid_type: 'is missing or of the wrong type',
  too_big: 'is too long or too large',
  too_small: 'is too short or too small',
  invalid_format: 'is not in the expected format',
  invalid_value: 'is not one of the allowed values',
  unrecognized_keys: 'is not a field of this record',
  invalid_union: 'matches none of the allowed forms',
  invalid_key: 'has a key that is not allowed',
  invalid_element: 'has an entry that is not allowed',
  not_multiple_of: 'is not a whole step',
  custom: 'is not accepted',
};

/** "durationMinutes is missing or of the wrong type": the field's path and what is wrong, never the value. */
const inWords = (i: FieldIssue) => `${i.path || 'the value'} ${CODE_WORDS[i.code] ?? 'is not valid'}`;

/**
 * Parses `value` with `schema` or throws a `validation` StrError with field issues. Never throws anything else:
 * a hostile input (a throwing getter, a proxy) becomes a validation error too.
 */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  let result: ReturnType<typeof z.safeParse<S>>;
  try {
    result = z.safeParse(schema, value);
  } catch (cause) {
    throw new StrError('validation', `${what} could not be read`, false, { issues: [{ path: '', code: 'unreadable', message: 'This value could not be read' }] }, { cause });
  }
  if (!result.success) {
    const issues = toFieldIssues(result.error);
    throw new StrError('validation', `${what} is not valid: ${issues.map(inWords).join(', ')}`, false, { issues });
  }
  return result.data;
}

export function parseRecord<T extends RecordType>(type: T, value: unknown): RecordOf<T> {
  if (!isRecordType(type)) {
    throw new StrError('validation', 'Unknown record type', false, { issues: [{ path: 'type', code: 'invalid', message: 'Use a record type the SDK knows' }] });
  }
  return parseOrThrow(RECORDS[type].schema, value, `The ${type} record`) as RecordOf<T>;
}
