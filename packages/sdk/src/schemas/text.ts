import * as z from 'zod/mini';
import { jitlessWhileBuilding } from './jitless.js';

const schemasBuilt = jitlessWhileBuilding();

// FHIR strings forbid C0 control characters other than tab, CR and LF (R4 datatypes, "string").
// Unpaired surrogates are not Unicode scalar values: they cannot survive UTF-8, so they would change silently.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
// Something a reader can see: a code point that is not White_Space, not Default_Ignorable_Code_Point (U+200B, U+00AD,
// U+2060, U+3164 HANGUL FILLER, U+180E …) and not a control, format or non-spacing mark (Cc, Cf, Mn), which show
// nothing on their own. Unicode property escapes: https://www.unicode.org/reports/tr44/ (PropList, DerivedCoreProperties).
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}]/u;

/** Whether the text holds at least one character a reader can see (the rule for every required text field). */
export const hasVisibleText = (s: string): boolean => VISIBLE.test(s);

const noControl = z.refine<string>((s) => !FORBIDDEN_CONTROL.test(s), {
  error: 'Remove the invisible control characters from this text',
});
const wellFormed = z.refine<string>((s) => !LONE_SURROGATE.test(s), {
  error: 'This text contains a broken character; retype it',
});

/** A required single-line field: trimmed, not blank, on one line, at most `max` characters. */
export const singleLine = (max: number, blankMessage = 'Enter a value') =>
  z.string({ error: blankMessage }).check(
    z.trim(),
    z.minLength(1, { error: blankMessage }),
    z.refine<string>((s) => s.length === 0 || hasVisibleText(s), { error: blankMessage }),
    z.maxLength(max, { error: `Enter ${max} characters or fewer` }),
    z.refine<string>((s) => !LINE_BREAK.test(s), { error: 'Keep this on one line' }),
    noControl,
    wellFormed,
  );

/** Free text kept exactly as typed (no trimming); may be empty unless `required`. */
export const noteText = (max: number, required = false, blankMessage = 'Enter some text') =>
  z.string({ error: 'Enter text' }).check(
    ...(required ? [z.refine<string>(hasVisibleText, { error: blankMessage })] : []),
    z.maxLength(max, { error: `Enter ${max.toLocaleString('en-GB')} characters or fewer` }),
    noControl,
    wellFormed,
  );

/** An id from the host system (worker, team, organisation): short, printable, trimmed. */
export const externalId = singleLine(128, 'Enter an id');

/** ISO 8601 date-time with an explicit offset, e.g. 2026-06-03T00:30:00+01:00. */
export const isoDateTime = z.iso.datetime({ offset: true, error: 'Enter a date and time with a time zone offset' });

/** ISO 8601 calendar date, e.g. 2026-06-03. */
export const isoDate = z.iso.date({ error: 'Enter a real date' });

export const uuid = z.uuid({ error: 'Must be a UUID' });

schemasBuilt();
