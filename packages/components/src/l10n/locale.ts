// Where the active locale comes from (docs/adr/0014-localisation.md): the nearest <str-provider locale>, else the
// page's <html lang>, else en-GB. Per provider, so one page can hold a Welsh and an English subtree. Also the
// page-wide string registry (host overrides and added languages) and the loaded-translation cache.
import { createContext } from '@lit/context';
import { SOURCE_LOCALE, type Catalogue, type Message, type Messages, type StringOverrides, type Translation } from './catalogue.js';

/** What a <str-provider> gives the widgets below it. */
export interface LocaleSettings {
  /** A BCP 47 tag such as `cy` or `en-GB`; unset: the page's `lang`. */
  readonly locale?: string;
  readonly strings?: StringOverrides;
}

// A symbol from the global registry, like the client context, so two bundles of the kit agree on the key.
export const localeContext = createContext<LocaleSettings | undefined>(Symbol.for('strkit.locale'));

const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;
let pageStrings: Record<string, Record<string, Message>> = {};

/** Calls `fn` whenever the page's `lang` or the page-wide strings change; returns a function that stops it. */
export function watchPage(fn: () => void): () => void {
  listeners.add(fn);
  if (!observer && typeof MutationObserver === 'function') {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  return () => {
    listeners.delete(fn);
    if (!listeners.size) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/**
 * Page-wide strings for `locale`, keyed `<namespace>.<id>` (e.g. `sync-status.send-now`): overrides of shipped
 * strings, or a whole language the kit does not ship (a missing id falls back to the en-GB source). A
 * <str-provider>'s own `strings` win over these. Every widget on the page re-renders.
 */
export function registerStrings(locale: string, strings: Readonly<Record<string, Message>>): void {
  pageStrings = { ...pageStrings, [locale]: { ...pageStrings[locale], ...strings } };
  listeners.forEach((l) => l());
}

export const pageOverride = (locale: string, key: string): Message | undefined => pageStrings[locale]?.[key];

/** The locale the page asks for: `<html lang>`, else en-GB. */
export const pageLocale = (): string => (typeof document === 'object' && document.documentElement.lang) || SOURCE_LOCALE;

/**
 * The locale a catalogue can serve for `wanted`: the tag itself or its language (`cy-GB` → `cy`) if the catalogue
 * ships it or the page registered strings for it; English of any region → en-GB; anything else → en-GB.
 */
export function matchLocale(wanted: string, catalogue: Catalogue): string {
  const lower = wanted.toLowerCase();
  const language = lower.split('-')[0]!;
  for (const tag of [wanted, language]) {
    const shipped = Object.keys(catalogue.locales).find((l) => l.toLowerCase() === tag.toLowerCase());
    if (shipped) return shipped;
    const registered = Object.keys(pageStrings).find((l) => l.toLowerCase() === tag.toLowerCase());
    if (registered) return registered;
  }
  return SOURCE_LOCALE;
}

const loaded = new Map<string, Translation<Messages>>();
const loading = new Map<string, Promise<void>>();
const key = (c: Catalogue, locale: string) => `${c.ns}|${locale}`;

/** The loaded translation of a catalogue, if any (the source locale and registered-only languages have none). */
export const translationOf = <M extends Messages>(c: Catalogue<M>, locale: string): Translation<M> | undefined =>
  loaded.get(key(c, locale)) as Translation<M> | undefined;

/** Loads a catalogue's translation once (its own chunk); resolves at once when there is nothing to load. */
export function loadTranslation(c: Catalogue, locale: string): Promise<void> {
  const load = c.locales[locale];
  if (!load || loaded.has(key(c, locale))) return Promise.resolve();
  let p = loading.get(key(c, locale));
  if (!p) {
    p = load().then((m) => void loaded.set(key(c, locale), m.default));
    p.catch(() => loading.delete(key(c, locale)));
    loading.set(key(c, locale), p);
  }
  return p;
}
