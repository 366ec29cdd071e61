import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { SOURCE_LOCALE, fill, type Catalogue, type Catalogues, type Message, type Messages, type Params } from './catalogue.js';
import { COMMON } from './common.messages.js';
import type { UnreadableWords } from '../internal/unreadable-notice.js';
import { formatAgo, formatDate, formatList, formatNumber, formatTime, type Words } from './format.js';
import { loadTranslation, localeContext, matchLocale, pageLocale, pageOverride, translationOf, watchPage, type LocaleSettings } from './locale.js';

/**
 * A widget's words in the active locale (docs/i18n/README.md shows how a widget converts). It follows the nearest
 * <str-provider locale>, else the page's `lang`, loads the translation (its own chunk) and re-renders the host when
 * the locale, a provider's strings or the page's strings change. Until a translation has loaded, the host keeps the
 * words it had, and `lang` names the language they are in: put `lang=${l.lang}` on the widget's root element.
 */
export class LocaleController<M extends Messages> implements ReactiveController {
  readonly #host: ReactiveElement;
  /** The widget's catalogues (one, or several joined: catalogue.ts `joinCatalogues`). */
  readonly #catalogues: readonly Catalogue[];
  readonly #context: ContextConsumer<typeof localeContext, ReactiveElement>;
  #settings: LocaleSettings | undefined;
  #locale = SOURCE_LOCALE;
  #unwatch: (() => void) | undefined;
  #wanted = 0;
  readonly #words: Words = (id, params) => this.#fill(COMMON, id, params);

  constructor(host: ReactiveElement, catalogue: Catalogue<M> | Catalogues<M>) {
    this.#host = host;
    this.#catalogues = 'list' in catalogue ? catalogue.list : [catalogue];
    this.#context = new ContextConsumer(host, {
      context: localeContext,
      subscribe: true,
      callback: (v) => {
        this.#settings = v;
        this.#choose();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.#unwatch = watchPage(() => this.#choose());
    this.#settings = this.#context.value;
    this.#choose();
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  /** The language of the words shown now (a BCP 47 tag): the widget root's `lang`. */
  get lang(): string {
    return this.#locale;
  }

  /** A message of the widget's namespace (or of the first of its catalogues that has the id), filled in; plain text. */
  t(id: keyof M & string, params?: Params): string {
    return this.#fill<Messages>(this.#catalogues.find((c) => id in c.source) ?? this.#catalogues[0]!, id, params);
  }

  /** "this contact", "y dasg hon": a record named by its type. */
  thisRecord(type: string): string {
    const id = `this.${type}` in COMMON.source ? (`this.${type}` as keyof typeof COMMON.source) : 'this.other';
    return this.#fill(COMMON, id);
  }

  /** The notice's sentences when records were left out (internal/unreadable-notice.ts), by count. */
  unreadable(): UnreadableWords {
    return { newer: (count) => this.#fill(COMMON, 'unreadable-newer', { count }), other: (count) => this.#fill(COMMON, 'unreadable-other', { count }) };
  }

  date(value: number | string): string {
    return formatDate(this.#locale, value, this.#words);
  }

  time(epochMs: number): string {
    return formatTime(epochMs);
  }

  /** "3 June 2026 at 14:05" in the active locale. */
  dateTime(epochMs: number): string {
    return this.#fill(COMMON, 'date-at-time', { date: this.date(epochMs), time: this.time(epochMs) });
  }

  number(n: number): string {
    return formatNumber(this.#locale, n);
  }

  /** "A, B and C" in the locale (the care plan's "agreed with" names). */
  list(items: readonly string[]): string {
    return formatList(this.#locale, items, this.#words);
  }

  /** How long ago, "just now" under a minute; show it beside the absolute time, never alone. */
  ago(from: number, to: number): string {
    return formatAgo(this.#locale, from, to, this.#words);
  }

  #fill<N extends Messages>(c: Catalogue<N>, id: keyof N & string, params?: Params): string {
    const key = `${c.ns}.${id}`;
    const message: Message =
      this.#settings?.strings?.[this.#locale]?.[key] ?? pageOverride(this.#locale, key) ?? translationOf(c, this.#locale)?.[id] ?? c.source[id]!;
    return fill(this.#locale, message, params, (n) => this.number(n));
  }

  /** Picks the locale; shows it once its translations (the widget's and the shared ones) have loaded. */
  #choose(): void {
    const wanted = matchLocale(this.#settings?.locale || pageLocale(), this.#catalogues[0]!);
    const turn = ++this.#wanted;
    void Promise.all([...this.#catalogues, COMMON].map((c) => loadTranslation(c, wanted))).then(
      () => {
        if (turn !== this.#wanted) return;
        this.#locale = wanted;
        this.#host.requestUpdate();
      },
      () => {
        // The chunk could not load (offline, a bad deploy): keep the words shown, in their own language.
      },
    );
  }
}
