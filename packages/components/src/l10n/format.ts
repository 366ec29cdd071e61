// Dates, times, numbers, durations, lists and relative times for the active locale, through Intl. Where the browser's
// Intl has no data for the locale (Chromium ships none for Welsh, only its plural rules), the same words come from
// the shared catalogue (`words`), taken from CLDR, so every browser says the same. The UK time zone rules stay the
// SDK's own (docs/adr/0006-uk-local-time.md): the calendar date and wall-clock time of an instant come from
// `londonDate` / `londonTime`; Intl or the catalogue only name the month in the reader's language.
import { londonDate, londonTime } from '@strkit/sdk';
import type { Params } from './catalogue.js';
import type { CommonMessages } from './common.messages.js';

/** A shared-catalogue message in the active locale, filled in. */
export type Words = (id: keyof CommonMessages, params?: Params) => string;

const cache = new Map<string, unknown>();
const cached = <T>(key: string, make: () => T): T => {
  let v = cache.get(key) as T | undefined;
  if (v === undefined) cache.set(key, (v = make()));
  return v;
};

/** Whether this browser's Intl has data for `locale` (Chromium: not for Welsh). */
export const intlHas = (locale: string): boolean =>
  cached(`supported:${locale}`, () => Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 && Intl.RelativeTimeFormat.supportedLocalesOf([locale]).length > 0);

/** NHS style, "3 June 2026" (Welsh "3 Mehefin 2026"): the UK calendar date of an instant, or a calendar date. */
export function formatDate(locale: string, value: number | string, words: Words): string {
  const ymd = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : londonDate(typeof value === 'number' ? value : Date.parse(value));
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  if (!intlHas(locale)) return words('date-nhs', { day: String(d), month: words('months').split('|')[m - 1] ?? String(m), year: String(y) });
  const f = cached(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  return f.format(Date.UTC(y, m - 1, d, 12));
}

/** The UK wall-clock time, 24-hour "14:05" (the same digits in English and Welsh). */
export const formatTime = (epochMs: number): string => londonTime(epochMs);

export function formatNumber(locale: string, n: number): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(intlHas(locale) ? locale : 'en-GB')).format(n);
}

/** Whole minutes as the locale says them: "1 hour, 30 minutes" / "1 awr, 30 munud". */
export function formatDuration(locale: string, minutes: number, words: Words): string {
  const hours = Math.floor(minutes / 60);
  const mins = minutes % 60;
  const has = intlHas(locale);
  const unit = (u: 'hour' | 'minute', n: number) =>
    has
      ? cached(`unit:${u}:${locale}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' })).format(n)
      : words(u === 'hour' ? 'hours' : 'minutes', { count: n });
  if (hours === 0) return unit('minute', mins);
  if (mins === 0) return unit('hour', hours);
  return has ? formatList(locale, [unit('hour', hours), unit('minute', mins)], words, 'unit') : words('list-comma', { first: unit('hour', hours), rest: unit('minute', mins) });
}

/** "a, b and c" / "a, b a c". */
export function formatList(locale: string, items: readonly string[], words: Words, type: 'conjunction' | 'unit' = 'conjunction'): string {
  if (intlHas(locale)) return cached(`list:${type}:${locale}`, () => new Intl.ListFormat(locale, { type, style: 'long' })).format(items);
  if (items.length < 2) return items.join('');
  const pair = words('list-pair', { first: items.at(-2)!, last: items.at(-1)! });
  return items.slice(0, -2).reduceRight((rest, first) => words('list-comma', { first, rest }), pair);
}

/**
 * How long ago `from` was at `to`: "just now" under a minute (never "0 minutes ago"), then minutes under an hour,
 * hours under two days, then days. Always shown beside the absolute date and time, never alone (STYLE.md section 7).
 */
export function formatAgo(locale: string, from: number, to: number, words: Words): string {
  const ms = Math.max(0, to - from);
  if (ms < 60_000) return words('just-now');
  const mins = Math.max(1, Math.round(ms / 60_000));
  const hours = Math.round(mins / 60);
  const [n, unit] = mins < 60 ? [mins, 'minute' as const] : hours < 48 ? [hours, 'hour' as const] : [Math.round(hours / 24), 'day' as const];
  if (intlHas(locale)) return cached(`rtf:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'long' })).format(-n, unit);
  return words(unit === 'minute' ? 'minutes-ago' : unit === 'hour' ? 'hours-ago' : 'days-ago', { count: n });
}
