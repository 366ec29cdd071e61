// The message catalogue (docs/adr/0014-localisation.md): ids, an en-GB source per namespace, translations loaded on
// demand, and messages filled in as plain text (never HTML: a translation or an override can never inject markup).

/** A message with one form per plural category the language has (`Intl.PluralRules`); `other` is always there. */
export type PluralMessage = { readonly other: string } & Partial<Readonly<Record<Intl.LDMLPluralRule, string>>>;
export type Message = string | PluralMessage;

/** A namespace's en-GB source messages: id → message. */
export type Messages = Readonly<Record<string, Message>>;

/**
 * A translation of a namespace: every id of the source, a plain message where the source has one and plural forms
 * where the source has them. Typed, so a translation missing an id (or giving a string for a plural) fails `tsc`.
 */
export type Translation<M extends Messages> = { readonly [K in keyof M]: M[K] extends string ? string : PluralMessage };

/** The values a message's `{name}` placeholders take; `count` chooses a plural form. */
export type Params = Readonly<Record<string, string | number>>;

/**
 * One namespace: its id prefix (host overrides use `<ns>.<id>`), the en-GB source, and a loader per shipped locale.
 * A loader is a dynamic `import()`, so a bundler makes each translation its own chunk: Welsh loads only when chosen.
 */
export interface Catalogue<M extends Messages = Messages> {
  readonly ns: string;
  readonly source: M;
  readonly locales: Readonly<Record<string, () => Promise<{ readonly default: Translation<M> }>>>;
}

/** Host overrides: locale → (`<ns>.<id>` → message). Documented in docs/i18n/README.md. */
export type StringOverrides = Readonly<Record<string, Readonly<Record<string, Message>>>>;

/** The source locale: the language every catalogue is written in. */
export const SOURCE_LOCALE = 'en-GB';

export const defineCatalogue = <M extends Messages>(c: Catalogue<M>): Catalogue<M> => c;

/**
 * The catalogues one widget draws its words from, as one: e.g. the words the relapse elements share and the element's
 * own (relapse-shared.messages.ts, relapse-check.messages.ts), so each element ships only the words it shows. Each
 * keeps its namespace (overrides are `<ns>.<id>`); an id is looked up in the first catalogue that has it.
 */
export interface Catalogues<M extends Messages> {
  readonly list: readonly Catalogue[];
  /** Types only: the ids of all of them. */
  readonly ids?: M;
}

type SourceOf<C> = C extends Catalogue<infer M> ? M : never;
type AllOf<U> = (U extends unknown ? (u: U) => void : never) extends (all: infer A) => void ? A : never;

export const joinCatalogues = <C extends readonly Catalogue[]>(...list: C): Catalogues<AllOf<SourceOf<C[number]>> & Messages> => ({ list });

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The plural category of `n` in `locale` (e.g. Welsh: 0 zero, 1 one, 2 two, 3 few, 6 many, 11 other). Welsh 4, 5 and
 * 7 to 10 are CLDR's `other`, but with digits the noun after them stays singular as after 6 (docs/i18n/glossary-cy.md,
 * "Grammar the catalogues follow"), and only from 11 does a catalogue use "o" and the plural: so they are `many`.
 */
export function pluralCategory(locale: string, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const category = rules.select(n);
  return category === 'other' && Number.isInteger(n) && n >= 4 && n <= 10 && /^cy\b/i.test(locale) ? 'many' : category;
}

/** The placeholders of a message (every form of a plural), sorted: a translation must use the same ones. */
export function placeholdersOf(message: Message): string[] {
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const f of forms) for (const m of f.matchAll(/\{(\w+)\}/g)) names.add(m[1]!);
  return [...names].sort();
}

/**
 * Fills a message in: the plural form for `params.count` (falling back to `other`), then each `{name}` replaced by
 * its value (numbers in the locale's digits and grouping). A placeholder with no value stays visible as `{name}`, so
 * a mistake shows rather than silently dropping words.
 */
export function fill(locale: string, message: Message, params: Params = {}, number = (n: number) => String(n)): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = typeof params.count === 'number' ? params.count : Number.NaN;
    text = (Number.isNaN(count) ? undefined : message[pluralCategory(locale, count)]) ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : typeof v === 'number' ? number(v) : v;
  });
}
