import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { validContact, validServiceUser } from '../records.fixtures.js';
import { ContactUpdateSchema, ContactInputSchema, ContactSchema } from './contact.js';
import { EnteredInErrorSchema } from './envelope.js';
import { parseOrThrow } from './parse.js';
import { ActorSchema, ServiceUserSchema, WorkerSchema } from './people.js';
import { isStrError } from '../errors.js';
import { noteText, singleLine } from './text.js';

const ok = (schema: z.ZodMiniType, v: unknown) => z.safeParse(schema, v).success;
const issues = (schema: z.ZodMiniType, v: unknown) => {
  const r = z.safeParse(schema, v);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('text rules (DESIGN.md, "Text")', () => {
  const line = singleLine(20, 'Enter a name');
  const note = noteText(30);

  it('trims single-line fields and refuses blanks with an actionable message', () => {
    expect(z.parse(line, '  Ada  ')).to.equal('Ada');
    expect(issues(line, '   ')).to.deep.equal([{ path: '', message: 'Enter a name' }]);
    expect(issues(line, '')).to.deep.equal([{ path: '', message: 'Enter a name' }]);
  });
  it('keeps notes exactly, whitespace and line breaks included', () => {
    const text = '  two\r\nlines\tand a tab  ';
    expect(z.parse(note, text)).to.equal(text);
    expect(z.parse(note, '')).to.equal('');
  });
  it('refuses C0 control characters other than tab, CR and LF', () => {
    for (const c of ['\u0000', '\u0007', '\u000b', '\u000c', '\u001b', '\u001f']) {
      expect(ok(note, `a${c}b`), JSON.stringify(c)).to.equal(false);
      expect(issues(note, `a${c}b`)[0]?.message).to.match(/control characters/);
    }
    for (const c of ['\t', '\r', '\n']) expect(ok(note, `a${c}b`)).to.equal(true);
  });
  it('refuses line breaks in single-line fields', () => {
    expect(issues(line, 'Ada\nLovelace')[0]?.message).to.equal('Keep this on one line');
  });
  it('refuses over-long text, saying the limit', () => {
    expect(issues(line, 'x'.repeat(21))[0]?.message).to.equal('Enter 20 characters or fewer');
    expect(ok(note, 'x'.repeat(30))).to.equal(true);
    expect(ok(note, 'x'.repeat(31))).to.equal(false);
  });
  it('accepts any well-formed Unicode and refuses broken surrogates', () => {
    for (const s of ['Ægir Łukasz', '李小龍', 'مرحبا', '👩🏽‍⚕️', 'e\u0301', '\u200b', '\ufeff']) expect(ok(note, s), s).to.equal(true);
    expect(ok(note, 'a\ud800b')).to.equal(false);
    expect(ok(note, 'a\udc00')).to.equal(false);
  });
  it('refuses required text made only of invisible characters (U+200B, U+00AD, U+2060, U+3164, U+180E, U+202E …)', () => {
    const required = noteText(30, true, 'Enter the sign');
    const invisible = ['\u200b', '\u00ad', '\u2060', '\u3164', '\u180e', '\u202e', '\ufeff', '\u034f', '\u0301', ' \u200b\u3000 ', '\u200d\u200c'];
    for (const s of invisible) {
      expect(issues(line, s), JSON.stringify(s)).to.deep.equal([{ path: '', message: 'Enter a name' }]);
      expect(issues(required, s), JSON.stringify(s)).to.deep.equal([{ path: '', message: 'Enter the sign' }]);
    }
    // Something visible beside them is kept exactly, invisible characters included.
    for (const s of ['a\u200b', 'Rhy\u0302s', '\u3164\uac00', '李', '👩🏽‍⚕️', '.']) {
      expect(z.parse(required, s), JSON.stringify(s)).to.equal(s);
      expect(ok(line, s), JSON.stringify(s)).to.equal(true);
    }
  });
});

describe('record schemas', () => {
  it('Contact: a valid contact passes', () => {
    expect(issues(ContactSchema, validContact())).to.deep.equal([]);
    expect(ok(ContactSchema, validContact({ othersPresent: [{ kind: 'interpreter' }, { kind: 'other', role: 'housing officer' }], interpreterLanguage: 'Polish' }))).to.equal(true);
  });
  const badContacts: [string, Record<string, unknown>, string][] = [
    ['id', { id: 'not-a-uuid' }, 'id'],
    ['start without offset', { start: '2026-06-03T10:00:00' }, 'start'],
    ['start not a date', { start: 'tomorrow' }, 'start'],
    ['zero minutes', { durationMinutes: 0 }, 'durationMinutes'],
    ['more than a day', { durationMinutes: 1441 }, 'durationMinutes'],
    ['fractional minutes', { durationMinutes: 12.5 }, 'durationMinutes'],
    ['unknown mechanism', { mechanism: '03' }, 'mechanism'],
    ['unknown location', { locationType: 'Z01' }, 'locationType'],
    ['unknown attendance', { attendance: '1' }, 'attendance'],
    ['note too long', { note: 'x'.repeat(10_001) }, 'note'],
    ['unknown other-present kind', { othersPresent: [{ kind: 'neighbour' }] }, 'othersPresent.0.kind'],
    ['blank worker', { workerId: '  ' }, 'workerId'],
    ['version empty', { version: '' }, 'version'],
  ];
  for (const [what, change, path] of badContacts) {
    it(`Contact: refuses ${what} at ${path}`, () => {
      const found = issues(ContactSchema, { ...validContact(), ...change });
      expect(found.map((i) => i.path)).to.include(path);
      for (const i of found) expect(i.message).to.be.a('string').and.not.equal('');
    });
  }
  it('Contact: a 10,000-character note is allowed', () => {
    expect(ok(ContactSchema, validContact({ note: 'x'.repeat(10_000) }))).to.equal(true);
  });
  it('ContactInput: refuses unknown fields instead of dropping them', () => {
    const { id: _id, version: _v, schemaVersion: _s, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, ...input } = validContact();
    expect(ok(ContactInputSchema, input)).to.equal(true);
    expect(ok(ContactInputSchema, { ...input, notes: 'typo' })).to.equal(false);
    expect(ok(ContactUpdateSchema, { serviceUserId: input.serviceUserId })).to.equal(false);
  });
  it('ContactInput: a start in another offset, or in the hour the UK clocks skip, is refused at start, never rewritten', () => {
    const { id: _id, version: _v, schemaVersion: _s, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, ...input } = validContact();
    for (const start of ['2026-06-03T09:00:00Z', '2026-06-03T14:30:00+05:30', '2027-03-28T01:30:00+01:00', '2026-12-03T10:00:00+01:00']) {
      expect(issues(ContactInputSchema, { ...input, start }).map((i) => i.path), start).to.deep.equal(['start']);
      expect(issues(ContactUpdateSchema, { start }).map((i) => i.path), start).to.deep.equal(['start']);
    }
    for (const start of ['2026-10-25T01:30:00+01:00', '2026-10-25T01:30:00+00:00']) expect(z.parse(ContactInputSchema, { ...input, start }).start).to.equal(start);
  });
  it('ContactInput: names each unknown field in the validation message, at its own path', () => {
    const { id: _id, version: _v, schemaVersion: _s, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, ...input } = validContact();
    try {
      parseOrThrow(ContactInputSchema, { ...input, notes: 'typo', colour: 'red' }, 'The contact');
      expect.fail('should throw');
    } catch (e) {
      expect(isStrError(e, 'validation')).to.equal(true);
      const err = e as { message: string; details: { issues: { path: string; message: string }[] } };
      expect(err.details.issues.map((i) => i.path)).to.deep.equal(['notes', 'colour']);
      expect(err.details.issues[0]!.message).to.equal('Remove the field “notes”: it is not one this record has');
      expect(err.message).to.include('notes').and.include('colour').and.not.include('typo').and.not.include('red');
    }
  });
  it('parseOrThrow names each wrong field in plain words, never zod\u2019s issue codes or the value', () => {
    const messageOf = (schema: z.ZodMiniType, value: unknown, what: string) => {
      try {
        parseOrThrow(schema, value, what);
      } catch (e) {
        return (e as Error).message;
      }
      return expect.fail('should throw');
    };
    expect(messageOf(ServiceUserSchema, validServiceUser({ nhsNumber: '9990000019' }), 'The person')).to.equal('The person is not valid: nhsNumber is not accepted');
    const { id: _id, version: _v, schemaVersion: _s, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, ...input } = validContact();
    const message = messageOf(ContactInputSchema, { ...input, durationMinutes: 'long', notes: 'typo' }, 'The contact');
    expect(message).to.equal('The contact is not valid: durationMinutes is missing or of the wrong type, notes is not a field of this record');
    expect(messageOf(ActorSchema, 'Ada', 'The actor')).to.equal('The actor is not valid: the value is missing or of the wrong type');
  });
  it('ServiceUser: NHS number is checked and stored as ten digits', () => {
    expect(z.parse(ServiceUserSchema, validServiceUser({ nhsNumber: '999 000 0018' })).nhsNumber).to.equal('9990000018');
    expect(issues(ServiceUserSchema, validServiceUser({ nhsNumber: '9990000019' }))[0]).to.deep.equal({
      path: 'nhsNumber',
      message: 'Enter a valid 10-digit NHS number',
    });
    expect(ok(ServiceUserSchema, validServiceUser({ displayName: ' ' }))).to.equal(false);
    expect(ok(ServiceUserSchema, validServiceUser({ birthDate: '2026-02-30' }))).to.equal(false);
    const { nhsNumber: _n, ...noNhs } = validServiceUser();
    expect(ok(ServiceUserSchema, noNhs)).to.equal(true);
  });
  it('Worker and Actor: a known role is required', () => {
    const base = { ...validServiceUser(), name: 'Sam' };
    expect(ok(WorkerSchema, { ...base, role: 'str-worker' })).to.equal(true);
    expect(ok(WorkerSchema, { ...base, role: 'admin' })).to.equal(false);
    expect(ok(ActorSchema, { id: 'w1', role: 'peer-support-worker' })).to.equal(true);
    expect(ok(ActorSchema, { id: '', role: 'str-worker' })).to.equal(false);
  });
  it('EnteredInError: needs a reason', () => {
    expect(ok(EnteredInErrorSchema, { reason: 'Wrong person', at: '2026-06-03T10:00:00Z', by: 'w1' })).to.equal(true);
    expect(issues(EnteredInErrorSchema, { reason: '   ', at: '2026-06-03T10:00:00Z', by: 'w1' })[0]?.message).to.equal(
      'Enter why this record was entered in error',
    );
  });
  it('parseOrThrow: a validation StrError with field issues, and no record content in the message', () => {
    try {
      parseOrThrow(ContactSchema, { ...validContact(), note: 'secret\u0000text', durationMinutes: 0 }, 'The contact');
      expect.fail('should throw');
    } catch (e) {
      expect(isStrError(e, 'validation')).to.equal(true);
      const err = e as { message: string; details: { issues: { path: string }[] } };
      expect(err.details.issues.map((i) => i.path).sort()).to.deep.equal(['durationMinutes', 'note']);
      expect(err.message).to.not.include('secret');
    }
  });
});
