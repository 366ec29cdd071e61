// The text rules every schema applies, free of zod, so the zod schemas (text.ts) and the zod-free input check
// (input-check.ts) test text with the same code and say the same words.

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
export const hasNoControl = (s: string): boolean => !FORBIDDEN_CONTROL.test(s);
export const isWellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);
export const isOneLine = (s: string): boolean => !LINE_BREAK.test(s);

export const TEXT_WORDS = {
  control: 'Remove the invisible control characters from this text',
  broken: 'This text contains a broken character; retype it',
  oneLine: 'Keep this on one line',
  singleLineMax: (max: number) => `Enter ${max} characters or fewer`,
  noteMax: (max: number) => `Enter ${max.toLocaleString('en-GB')} characters or fewer`,
  noteType: 'Enter text',
  id: 'Enter an id',
  dateTime: 'Enter a date and time with a time zone offset',
  date: 'Enter a real date',
  uuid: 'Must be a UUID',
} as const;
