import { expect } from '@open-wc/testing';
import { searchKey, textMatches } from './search.js';

describe('note search', () => {
  const composed = 'Saw Rh\u0177s at the library.'; // ŷ as one character
  const decomposed = 'Saw Rhy\u0302s at the library.'; // y + combining circumflex

  it('"Rhys" finds "Rhŷs" written either way, and "Rhŷs" (either way) finds "Rhys"', () => {
    for (const note of [composed, decomposed, 'Saw Rhys at the library.', 'SAW RHŶS']) {
      for (const q of ['Rhys', 'rhys', 'Rh\u0177s', 'Rhy\u0302s', 'RHYS']) expect(textMatches(note, q), `${JSON.stringify(q)} in ${JSON.stringify(note)}`).to.equal(true);
    }
    expect(textMatches(composed, 'Rhian')).to.equal(false);
    expect(textMatches('Siân went to Ffion’s', 'sian')).to.equal(true);
    expect(textMatches('anything', '   ')).to.equal(true);
  });

  it('compares in one folded form; the stored text is never changed', () => {
    expect(searchKey(composed)).to.equal(searchKey(decomposed));
    expect(composed).to.equal('Saw Rh\u0177s at the library.');
  });
});
