import { StrError } from '../errors.js';

// UK local time, whatever the browser's own time zone. MHSDS dates and times are UK local; weeks start on Monday.
export const UK_TIME_ZONE = 'Europe/London';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function checkInstant(epochMs: number) {
  if (typeof epochMs !== 'number' || !Number.isFinite(epochMs) || Math.abs(epochMs) > 8.64e15) {
    throw new StrError('validation', 'Not a valid instant', false, { issues: [{ path: '', code: 'invalid', message: 'Enter a real date and time' }] });
  }
}

/** The offset by asking Intl (slow: a formatToParts call). */
function offsetFromIntl(epochMs: number): number {
  const get: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(new Date(epochMs))) if (p.type !== 'literal') get[p.type] = Number(p.value);
  const asUtc = Date.UTC(get.year!, get.month! - 1, get.day!, get.hour!, get.minute!, get.second!);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

// UK clocks change at 01:00 UTC, so the offset is usually the same for a whole 24-hour window starting at 01:00 UTC.
// Cache it per window, but only after checking both ends of the window agree: no time-zone rule is assumed.
const WINDOW = 86_400_000;
const offsetCache = new Map<number, number>();
function cachedOffset(epochMs: number): number {
  const w = Math.floor((epochMs - 3_600_000) / WINDOW);
  const hit = offsetCache.get(w);
  if (hit !== undefined) return hit;
  const start = w * WINDOW + 3_600_000;
  const a = offsetFromIntl(start);
  if (a === offsetFromIntl(start + WINDOW - 1)) {
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(w, a);
    return a;
  }
  return offsetFromIntl(epochMs);
}

/** The wall-clock fields in Europe/London at an instant. */
export function londonParts(epochMs: number): LocalParts {
  checkInstant(epochMs);
  const d = new Date(epochMs + cachedOffset(epochMs) * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** Minutes Europe/London is ahead of UTC at an instant (0 or 60). */
export function londonOffsetMinutes(epochMs: number): number {
  checkInstant(epochMs);
  return cachedOffset(epochMs);
}

/**
 * What a Europe/London wall-clock time means (docs/adr/0006-uk-local-time.md): one instant; two, when the clocks go
 * back and the hour is repeated (the first in BST, the second in GMT); or none, when they go forward and the hour is
 * missing. Callers that take a time from a person ask which one in the repeated hour, and refuse a missing time.
 */
export type LondonLocal =
  | { readonly kind: 'exact'; readonly epoch: number }
  | { readonly kind: 'repeated'; readonly first: number; readonly second: number }
  | { readonly kind: 'missing' };

export function resolveLondonLocal(year: number, month: number, day: number, hour = 0, minute = 0): LondonLocal {
  if (![year, month, day, hour, minute].every((n) => Number.isInteger(n))) {
    throw new StrError('validation', 'Not a valid local time', false, { issues: [{ path: '', code: 'invalid', message: 'Enter a real date and time' }] });
  }
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force a day either side cover both readings of a repeated time.
  const offsets = new Set([londonOffsetMinutes(asUtc - 86_400_000), londonOffsetMinutes(asUtc + 86_400_000)]);
  const matches = [...offsets]
    .map((o) => asUtc - o * 60_000)
    .filter((t) => {
      const p = londonParts(t);
      return p.year === year && p.month === month && p.day === day && p.hour === hour && p.minute === minute;
    })
    .sort((a, b) => a - b);
  if (matches.length === 0) return { kind: 'missing' };
  if (matches.length === 1) return { kind: 'exact', epoch: matches[0]! };
  return { kind: 'repeated', first: matches[0]!, second: matches[1]! };
}

/**
 * The instant of a Europe/London wall-clock time: in the repeated hour, the first (`which` chooses); a time in the
 * missing hour is refused with a `validation` StrError, never moved.
 */
export function londonLocalToEpoch(year: number, month: number, day: number, hour = 0, minute = 0, which: 'first' | 'second' = 'first'): number {
  const r = resolveLondonLocal(year, month, day, hour, minute);
  if (r.kind === 'exact') return r.epoch;
  if (r.kind === 'repeated') return which === 'second' ? r.second : r.first;
  throw new StrError('validation', 'That UK local time does not exist (the clocks went forward)', false, {
    issues: [{ path: '', code: 'missing-local-time', message: MISSING_TIME_MESSAGE }],
  });
}

/** Said when a time falls in the hour the UK clocks skip (01:00–01:59 on the last Sunday of March). */
export const MISSING_TIME_MESSAGE =
  'That time did not happen in the UK: the clocks went forward from 1am to 2am. Enter the time as the clock showed it, for example 2:30am for half an hour after they changed.';

/**
 * Whether an ISO date-time is in the one stored form of a contact's `start`: UK wall-clock time with the offset in
 * force in Europe/London at that instant (+00:00 in winter, +01:00 in summer), as `toLondonIso` writes it.
 */
export function isUkLocalIso(value: string): boolean {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/.exec(value);
  const t = Date.parse(value);
  if (!m || Number.isNaN(t)) return false;
  const off = londonOffsetMinutes(t);
  const want = `+${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
  return m[5] === want && londonDate(t) === m[1] && londonTime(t) === `${m[2]}:${m[3]}`;
}

/** Midnight at the start of a UK calendar date ("2026-06-03"), or undefined for a date that does not exist. */
export function londonDateToEpoch(date: string): number | undefined {
  if (typeof date !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  return londonLocalToEpoch(y, mo, d);
}

/** The decimal number in `s[from, from + width)`, or NaN if any of it is not an ASCII digit. */
function digits(s: string, from: number, width: number): number {
  let v = 0;
  for (let i = from; i < from + width; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return v;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), for years from 1000. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const DASH = 45, T = 84, COLON = 58, DOT = 46, PLUS = 43, MINUS = 45, Z = 90;

/** The offset in minutes of an ISO suffix at `at` ("Z", "+01:00", "-05:30"), or NaN if it is not one of those. */
function offsetAt(iso: string, at: number): number {
  const c = iso.charCodeAt(at);
  if (c === Z) return iso.length === at + 1 ? 0 : NaN;
  if ((c !== PLUS && c !== MINUS) || iso.length !== at + 6 || iso.charCodeAt(at + 3) !== COLON) return NaN;
  const minutes = digits(iso, at + 1, 2) * 60 + digits(iso, at + 4, 2);
  return c === MINUS ? -minutes : minutes;
}

/**
 * The instant of an ISO 8601 date-time, exactly as `Date.parse` gives it: the stored form ("2026-06-03T10:30:00+01:00",
 * "…Z", with or without three fraction digits) read digit by digit, anything else (a date that does not exist, an
 * hour 24, fewer or more fraction digits, years before 1000) by `Date.parse`. Thousands of contacts are ordered and counted by it, and it costs a fraction
 * of `Date.parse` (docs/adr/0022-first-rows-first.md).
 */
export function instantOf(iso: string): number {
  // A caller outside TypeScript may pass anything: no instant, as Date.parse says, rather than a TypeError.
  if (typeof iso !== 'string') return NaN;
  const shape = storedShape(iso);
  if (!shape) return Date.parse(iso);
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  const hour = digits(iso, 11, 2);
  const minute = digits(iso, 14, 2);
  const second = digits(iso, 17, 2);
  const ms = shape === 'fraction' ? digits(iso, 20, 3) : 0;
  const offset = offsetAt(iso, shape === 'fraction' ? 23 : 19);
  // NaN fails every comparison here, so a stray character also goes to Date.parse.
  const plain = year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59;
  if (!(plain && ms >= 0 && offset > -1440 && offset < 1440)) return Date.parse(iso);
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000 + ms;
}

/** Whether `iso` has the stored form's punctuation ("YYYY-MM-DDTHH:MM:SS", then ".fff" or not, then an offset). */
function storedShape(iso: string): 'whole' | 'fraction' | undefined {
  const n = iso.length;
  const shape = n === 20 || n === 25 ? 'whole' : n === 24 || n === 29 ? 'fraction' : undefined;
  const punctuated = iso.charCodeAt(4) === DASH && iso.charCodeAt(7) === DASH && iso.charCodeAt(10) === T && iso.charCodeAt(13) === COLON && iso.charCodeAt(16) === COLON;
  return punctuated && (shape === 'whole' || iso.charCodeAt(19) === DOT) ? shape : undefined;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The UK calendar date ("2026-06-03") of an instant. */
export function londonDate(epochMs: number): string {
  const p = londonParts(epochMs);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The UK wall-clock time ("00:30") of an instant. */
export function londonTime(epochMs: number): string {
  const p = londonParts(epochMs);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** ISO 8601 with the UK offset of that instant, e.g. "2026-06-03T00:30:00+01:00". */
export function toLondonIso(epochMs: number): string {
  const off = londonOffsetMinutes(epochMs);
  const sign = off < 0 ? '-' : '+';
  const p = londonParts(epochMs);
  return `${londonDate(epochMs)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** The Monday (UK date) of the week an instant falls in. */
export function londonWeekStart(epochMs: number): string {
  const p = londonParts(epochMs);
  const noonUtc = Date.UTC(p.year, p.month - 1, p.day, 12);
  const weekday = (new Date(noonUtc).getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(noonUtc - weekday * 86_400_000);
  return `${pad(monday.getUTCFullYear(), 4)}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** NHS style: "3 June 2026", for an instant (in UK time) or a calendar date. */
export function formatNhsDate(value: string | number): string {
  let y: number, m: number, d: number;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) [y, m, d] = value.split('-').map(Number) as [number, number, number];
  else {
    const p = londonParts(typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN);
    [y, m, d] = [p.year, p.month, p.day];
  }
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
