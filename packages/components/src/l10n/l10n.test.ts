// The localisation mechanism (docs/adr/0014-localisation.md): plural forms by Intl.PluralRules, messages filled as
// plain text, Intl formats for the active locale with the SDK's UK time rules, and every translation complete.
import { expect } from '@open-wc/testing';
import { fill, placeholdersOf, pluralCategory, type Catalogue, type Message } from './catalogue.js';
import { COMMON } from './common.messages.js';
import { formatAgo, formatDate, formatDuration, formatList, formatNumber, type Words } from './format.js';
import { RULE_MESSAGES } from './rules.messages.js';
import { CONTACT_LOG_MESSAGES } from '../contact-log/contact-log.messages.js';
import { CARE_PLAN_MESSAGES } from '../care-plan/care-plan.messages.js';
import { SYNC_STATUS_MESSAGES } from '../sync-status/sync-status.messages.js';
import { ALERT_INBOX_MESSAGES } from '../relapse-signs/alert-inbox.messages.js';
import { RELAPSE_CHECK_MESSAGES } from '../relapse-signs/relapse-check.messages.js';
import { RELAPSE_PLAN_MESSAGES } from '../relapse-signs/relapse-plan.messages.js';
import { RELAPSE_MESSAGES } from '../relapse-signs/relapse-shared.messages.js';
import { RELAPSE_SIGNS_MESSAGES } from '../relapse-signs/relapse-signs.messages.js';
import { RELAPSE_TREND_MESSAGES } from '../relapse-signs/relapse-trend.messages.js';

/** Every catalogue the kit ships; a converted widget adds its own here. */
const CATALOGUES: readonly Catalogue[] = [COMMON, RULE_MESSAGES, SYNC_STATUS_MESSAGES, CONTACT_LOG_MESSAGES, CARE_PLAN_MESSAGES, RELAPSE_MESSAGES, RELAPSE_CHECK_MESSAGES, RELAPSE_TREND_MESSAGES, RELAPSE_PLAN_MESSAGES, ALERT_INBOX_MESSAGES, RELAPSE_SIGNS_MESSAGES];

/** The shared words of a locale, as the controller gives them to the formatters. */
const wordsOf = async (locale: 'en-GB' | 'cy'): Promise<Words> => {
  const t: Readonly<Record<string, Message>> = locale === 'cy' ? (await COMMON.locales.cy!()).default : COMMON.source;
  return (id, params) => fill(locale, t[id]!, params);
};

describe('l10n: plurals and messages', () => {
  it('Welsh has six plural categories: 0 zero, 1 one, 2 two, 3 few, 6 many, 11 other', () => {
    expect([0, 1, 2, 3, 6, 11].map((n) => pluralCategory('cy', n))).to.deep.equal(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect([0, 1, 2].map((n) => pluralCategory('en-GB', n))).to.deep.equal(['other', 'one', 'other']);
  });

  it('Welsh 4, 5 and 7 to 10 take the singular noun as after 6 (the glossary’s rule); 11 and above, and fractions, “o” and the plural', () => {
    expect([4, 5, 7, 8, 9, 10].map((n) => pluralCategory('cy', n))).to.deep.equal(['many', 'many', 'many', 'many', 'many', 'many']);
    expect([11, 12, 20, 100, 1000000, 4.5].map((n) => pluralCategory('cy', n))).to.deep.equal(['other', 'other', 'other', 'other', 'other', 'other']);
    expect(pluralCategory('cy-GB', 7)).to.equal('many');
    expect([4, 7, 10].map((n) => pluralCategory('en-GB', n)), 'English unchanged').to.deep.equal(['other', 'other', 'other']);
    const days: Message = { zero: '{count} diwrnod', one: '{count} diwrnod', two: '{count} ddiwrnod', few: '{count} diwrnod', many: '{count} diwrnod', other: '{count} o ddiwrnodau' };
    expect([4, 7, 10, 11].map((count) => fill('cy', days, { count }))).to.deep.equal(['4 diwrnod', '7 diwrnod', '10 diwrnod', '11 o ddiwrnodau']);
  });

  it('fills the plural form for count, numbers in the locale, and keeps markup as text', () => {
    const m: Message = { one: '{count} change <b>{who}</b>', other: '{count} changes {who}' };
    expect(fill('en-GB', m, { count: 1, who: '<img src=x>' })).to.equal('1 change <b><img src=x></b>');
    expect(fill('en-GB', m, { count: 12345, who: 'x' })).to.equal('12345 changes x');
    expect(fill('en-GB', m, { count: 12345, who: 'x' }, (n) => formatNumber('en-GB', n))).to.equal('12,345 changes x');
    expect(fill('cy', { zero: 'dim', one: 'un', other: '{count} arall' }, { count: 6 })).to.equal('6 arall');
  });

  it('leaves a placeholder with no value visible rather than dropping words', () => {
    expect(fill('en-GB', 'Saved at {time}', {})).to.equal('Saved at {time}');
  });

  it('the Welsh unsynced-changes sentence for 0, 1, 2, 3, 6 and 11', async () => {
    const cy = (await SYNC_STATUS_MESSAGES.locales.cy!()).default;
    const say = (n: number) => fill('cy', cy.unsynced, { count: n });
    expect(say(0)).to.equal('Does dim newid wedi’i gadw ar y ddyfais hon heb gyrraedd y system gofnodion.');
    expect(say(1)).to.equal('Mae 1 newid wedi’i gadw ar y ddyfais hon a heb gyrraedd y system gofnodion eto.');
    for (const n of [2, 3, 6]) expect(say(n)).to.equal(`Mae ${n} newid wedi’u cadw ar y ddyfais hon a heb gyrraedd y system gofnodion eto.`);
    expect(say(11)).to.equal('Mae 11 o newidiadau wedi’u cadw ar y ddyfais hon a heb gyrraedd y system gofnodion eto.');
    expect(fill('cy', cy.attention, { count: 11 })).to.equal('Mae 11 o newidiadau angen eich sylw:');
  });
});

describe('l10n: every shipped translation is complete', () => {
  for (const c of CATALOGUES) {
    for (const [locale, load] of Object.entries(c.locales)) {
      it(`${c.ns} in ${locale}: every id, the same placeholders, a form for every plural category`, async () => {
        const t = (await load()).default as Readonly<Record<string, Message>>;
        const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        expect(Object.keys(t).sort()).to.deep.equal(Object.keys(c.source).sort());
        for (const [id, source] of Object.entries(c.source)) {
          const m = t[id]!;
          expect(placeholdersOf(m), `${c.ns}.${id} placeholders`).to.deep.equal(placeholdersOf(source));
          if (typeof source === 'string') expect(typeof m, `${c.ns}.${id} is a plain message`).to.equal('string');
          else for (const cat of categories) expect(typeof m === 'object' && typeof m[cat], `${c.ns}.${id} has "${cat}"`).to.equal('string');
          const forms = typeof m === 'string' ? [m] : Object.values(m);
          for (const f of forms) expect(f.trim(), `${c.ns}.${id} is not blank`).to.not.equal('');
        }
      });
    }
  }
});

describe('l10n: dates, numbers, durations, lists and relative times', () => {
  it('NHS-style dates in English and Welsh, on the UK calendar date (BST evening stays that day)', async () => {
    const [en, cy] = [await wordsOf('en-GB'), await wordsOf('cy')];
    const lateBst = Date.parse('2026-06-03T23:30:00Z'); // 00:30 on 4 June in the UK
    expect(formatDate('en-GB', lateBst, en)).to.equal('4 June 2026');
    expect(formatDate('cy', lateBst, cy)).to.equal('4 Mehefin 2026');
    expect(formatDate('cy', '2026-12-25', cy)).to.equal('25 Rhagfyr 2026');
  });

  it('numbers, durations and lists for the locale', async () => {
    const [en, cy] = [await wordsOf('en-GB'), await wordsOf('cy')];
    expect(formatNumber('en-GB', 10000)).to.equal('10,000');
    expect(formatDuration('en-GB', 90, en)).to.equal('1 hour, 30 minutes');
    expect(formatDuration('en-GB', 1, en)).to.equal('1 minute');
    expect(formatDuration('cy', 90, cy)).to.equal('1 awr, 30 munud');
    expect(formatDuration('cy', 2, cy)).to.equal('2 funud');
    expect(formatList('en-GB', ['a', 'b', 'c'], en)).to.equal('a, b and c');
    expect(formatList('cy', ['a', 'b', 'c'], cy)).to.equal('a, b a c');
  });

  it('"just now" under a minute, never "0 minutes ago"; then minutes, hours and days in the locale', async () => {
    const [en, cy] = [await wordsOf('en-GB'), await wordsOf('cy')];
    const t = Date.parse('2026-06-05T10:00:00Z');
    expect(formatAgo('en-GB', t, t + 59_000, en)).to.equal('just now');
    expect(formatAgo('en-GB', t, t, en)).to.equal('just now');
    expect(formatAgo('en-GB', t, t + 60_000, en)).to.equal('1 minute ago');
    expect(formatAgo('en-GB', t, t + 3 * 3_600_000, en)).to.equal('3 hours ago');
    expect(formatAgo('en-GB', t, t + 2 * 86_400_000, en)).to.equal('2 days ago');
    expect(formatAgo('cy', t, t + 30_000, cy)).to.equal('eiliadau yn ôl');
    expect(formatAgo('cy', t, t + 2 * 86_400_000, cy)).to.equal('2 ddiwrnod yn ôl');
    expect(formatAgo('cy', t, t + 11 * 60_000, cy)).to.equal('11 munud yn ôl');
  });
});
