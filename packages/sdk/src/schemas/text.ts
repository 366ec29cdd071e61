import * as z from 'zod/mini';
import { jitlessWhileBuilding } from './jitless.js';
import { TEXT_WORDS, hasNoControl, hasVisibleText, isOneLine, isWellFormed } from './text-rules.js';

const schemasBuilt = jitlessWhileBuilding();

/** Whether the text holds at least one character a reader can see (the rule for every required text field). */
export { hasVisibleText } from './text-rules.js';

const noControl = z.refine<string>(hasNoControl, { error: TEXT_WORDS.control });
const wellFormed = z.refine<string>(isWellFormed, { error: TEXT_WORDS.broken });

/** A required single-line field: trimmed, not blank, on one line, at most `max` characters. */
export const singleLine = (max: number, blankMessage = 'Enter a value') =>
  z.string({ error: blankMessage }).check(
    z.trim(),
    z.minLength(1, { error: blankMessage }),
    z.refine<string>((s) => s.length === 0 || hasVisibleText(s), { error: blankMessage }),
    z.maxLength(max, { error: TEXT_WORDS.singleLineMax(max) }),
    z.refine<string>(isOneLine, { error: TEXT_WORDS.oneLine }),
    noControl,
    wellFormed,
  );

/** Free text kept exactly as typed (no trimming); may be empty unless `required`. */
export const noteText = (max: number, required = false, blankMessage = 'Enter some text') =>
  z.string({ error: TEXT_WORDS.noteType }).check(
    ...(required ? [z.refine<string>(hasVisibleText, { error: blankMessage })] : []),
    z.maxLength(max, { error: TEXT_WORDS.noteMax(max) }),
    noControl,
    wellFormed,
  );

/** An id from the host system (worker, team, organisation): short, printable, trimmed. */
export const externalId = singleLine(128, TEXT_WORDS.id);

/** ISO 8601 date-time with an explicit offset, e.g. 2026-06-03T00:30:00+01:00. */
export const isoDateTime = z.iso.datetime({ offset: true, error: TEXT_WORDS.dateTime });

/** ISO 8601 calendar date, e.g. 2026-06-03. */
export const isoDate = z.iso.date({ error: TEXT_WORDS.date });

export const uuid = z.uuid({ error: TEXT_WORDS.uuid });

schemasBuilt();
