// l10n/xliff/ holds every catalogue as XLIFF for translators (issue 20): this fails when a catalogue changed and the
// export was not made again (`npm run xliff`), so a translator never works from stale strings.
import { expect } from '@open-wc/testing';
import { ALL_CATALOGUES } from './catalogues.js';
import { xliffFiles, xliffOf } from './xliff.js';
import { COMMON } from '../../packages/components/src/l10n/common.messages.js';

describe('XLIFF export (l10n/xliff/)', () => {
  it('every catalogue’s XLIFF in the repository is what the catalogues give now', async () => {
    const files = await xliffFiles(ALL_CATALOGUES);
    expect(Object.keys(files).length, 'a file per catalogue and shipped language').to.be.at.least(ALL_CATALOGUES.length);
    for (const [name, xliff] of Object.entries(files)) {
      const res = await fetch(new URL(`/l10n/xliff/${name}`, location.origin));
      expect(res.status, `l10n/xliff/${name} exists (run npm run xliff)`).to.equal(200);
      expect(await res.text(), `l10n/xliff/${name} is in step with its catalogue (run npm run xliff)`).to.equal(xliff);
    }
  });

  it('is well-formed XLIFF 1.2: markup in a message is escaped, a plural has a unit per Welsh category', async () => {
    const cy = { 'just-now': 'eiliadau <b>& “yn ôl”</b>', minutes: { zero: 'z', one: 'o', two: 't', few: 'f', many: 'm', other: '{count} munud' } };
    const xliff = xliffOf({ ns: 'x', source: { 'just-now': 'just <now>', minutes: COMMON.source.minutes }, locales: {} }, 'cy', cy);
    const doc = new DOMParser().parseFromString(xliff, 'application/xml');
    expect(doc.querySelector('parsererror'), 'parses as XML').to.equal(null);
    const units = [...doc.querySelectorAll('trans-unit')].map((u) => [u.id, u.querySelector('source')!.textContent, u.querySelector('target')!.textContent]);
    expect(units).to.deep.equal([
      ['just-now', 'just <now>', 'eiliadau <b>& “yn ôl”</b>'],
      ['minutes[zero]', '{count} minutes', 'z'],
      ['minutes[one]', '{count} minute', 'o'],
      ['minutes[two]', '{count} minutes', 't'],
      ['minutes[few]', '{count} minutes', 'f'],
      ['minutes[many]', '{count} minutes', 'm'],
      ['minutes[other]', '{count} minutes', '{count} munud'],
    ]);
  });
});
