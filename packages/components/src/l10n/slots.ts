// A message with markup in some of its places (a <time>, a <bdi>): the message is filled with markers where those go,
// then split, so the words stay one translatable sentence in any order and the markup is never built from text.
import type { Params } from './catalogue.js';

const MARK = '\u0001';

/** The marker a placeholder is filled with, to be replaced by `parts[name]` in {@link interleave}. */
export const slot = (name: string): string => `${MARK}${name}${MARK}`;

/** Markers for every name of `parts`, to pass as params: `l.t(id, { ...slots(parts), other: 'text' })`. */
export const slots = (parts: Readonly<Record<string, unknown>>): Params => Object.fromEntries(Object.keys(parts).map((k) => [k, slot(k)]));

/** The filled message as a list Lit renders: its text as text nodes, and each marker replaced by its part. */
export function interleave(filled: string, parts: Readonly<Record<string, unknown>>): unknown[] {
  return filled.split(new RegExp(`${MARK}(\\w+)${MARK}`)).map((piece, i) => (i % 2 ? parts[piece] : piece));
}
