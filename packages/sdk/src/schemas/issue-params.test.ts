// Field issues carry the limit or form they are about (issue 20), so a widget can say them in the reader's language
// from `code` and `params`; the English `message` stays the default. Never the value that was given.
import { expect } from '@open-wc/testing';
import { validContact } from '../records.fixtures.js';
import { isStrError, type FieldIssue } from '../errors.js';
import { ContactSchema } from './contact.js';
import { inputIssues } from './input-check.js';
import { parseOrThrow } from './parse.js';

const issuesOf = (value: unknown): readonly FieldIssue[] => {
  try {
    parseOrThrow(ContactSchema, value, 'The contact');
  } catch (e) {
    if (isStrError(e, 'validation')) return e.details.issues ?? [];
    throw e;
  }
  return [];
};
const at = (issues: readonly FieldIssue[], path: string) => issues.find((i) => i.path === path);

describe('field issues carry a code and parameters for a widget to say in any language (issue 20)', () => {
  it('a limit: the minimum or maximum and what it limits', () => {
    expect(at(issuesOf({ ...validContact(), durationMinutes: 0 }), 'durationMinutes')).to.deep.include({ code: 'too_small', params: { minimum: 1, origin: 'number' } });
    expect(at(issuesOf({ ...validContact(), durationMinutes: 1441 }), 'durationMinutes')).to.deep.include({ code: 'too_big', params: { maximum: 1440, origin: 'number' } });
    const long = 'Walked to the shops. '.repeat(1000);
    const note = at(issuesOf({ ...validContact(), note: long }), 'note')!;
    expect(note.code).to.equal('too_big');
    expect(note.params).to.deep.include({ origin: 'string' });
    expect(note.params!.maximum).to.be.a('number').and.lessThan(long.length);
    expect(JSON.stringify(note.params)).to.not.include('Walked');
  });

  it('the input check: an unknown field names its key, and a limit gives the same parameters', () => {
    const { id: _i, version: _v, schemaVersion: _s, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, ...input } = validContact();
    const unknown = inputIssues('contact', { ...input, colour: 'red' });
    expect(at(unknown, 'colour'), JSON.stringify(unknown)).to.deep.include({ code: 'unrecognized_keys', params: { key: 'colour' } });
    const fromInput = inputIssues('contact', { durationMinutes: 0 });
    expect(at(fromInput, 'durationMinutes'), JSON.stringify(fromInput)).to.deep.include({ params: { minimum: 1, origin: 'number' } });
  });
});
