import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { isStrError } from '../errors.js';
import { formatNhsDate, isUkLocalIso, londonDate, londonDateToEpoch, londonLocalToEpoch, londonOffsetMinutes, londonTime, londonWeekStart, resolveLondonLocal, toLondonIso, instantOf } from './time.js';

for (const zone of ['Europe/London', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Tokyo']) describe(`UK time, with the browser in ${zone}`, () => {
  before(async () => {
    await executeServerCommand('emulate-timezone', { timezoneId: zone });
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(zone);
  });
  after(() => executeServerCommand('emulate-timezone', { timezoneId: '' }));

  it('00:30 on a summer night in London is the right day and week', () => {
    const t = Date.parse('2026-06-01T00:30:00+01:00'); // Monday 1 June 2026, 23:30Z on Sunday
    expect(londonDate(t)).to.equal('2026-06-01');
    expect(londonTime(t)).to.equal('00:30');
    expect(londonWeekStart(t)).to.equal('2026-06-01');
    expect(londonWeekStart(t - 3_600_000)).to.equal('2026-05-25'); // 23:30 Sunday London: the week before
    expect(toLondonIso(t)).to.equal('2026-06-01T00:30:00+01:00');
  });
  it('knows BST and GMT offsets and the change-over days', () => {
    expect(londonOffsetMinutes(Date.parse('2026-01-15T12:00:00Z'))).to.equal(0);
    expect(londonOffsetMinutes(Date.parse('2026-07-15T12:00:00Z'))).to.equal(60);
    // 2026: clocks go forward 29 March 01:00 GMT, back 25 October 01:00 GMT.
    expect(londonOffsetMinutes(Date.parse('2026-03-29T00:59:00Z'))).to.equal(0);
    expect(londonOffsetMinutes(Date.parse('2026-03-29T01:00:00Z'))).to.equal(60);
    expect(londonOffsetMinutes(Date.parse('2026-10-25T00:59:00Z'))).to.equal(60);
    expect(londonOffsetMinutes(Date.parse('2026-10-25T01:00:00Z'))).to.equal(0);
  });
  it('converts UK wall-clock times to instants, gaps and overlaps included', () => {
    expect(londonLocalToEpoch(2026, 6, 3, 0, 30)).to.equal(Date.parse('2026-06-02T23:30:00Z'));
    expect(londonLocalToEpoch(2026, 12, 3, 0, 30)).to.equal(Date.parse('2026-12-03T00:30:00Z'));
    expect(londonLocalToEpoch(2026, 10, 25, 1, 30)).to.equal(Date.parse('2026-10-25T00:30:00Z')); // earlier of two
    expect(londonDateToEpoch('2026-06-03')).to.equal(Date.parse('2026-06-02T23:00:00Z'));
    expect(londonDateToEpoch('2026-02-30')).to.equal(undefined);
  });
  it('the repeated hour is two instants, chosen by the caller; the missing hour is refused in words, never moved', () => {
    // 25 October 2026: 01:30 happens in BST, then again in GMT.
    expect(resolveLondonLocal(2026, 10, 25, 1, 30)).to.deep.equal({ kind: 'repeated', first: Date.parse('2026-10-25T00:30:00Z'), second: Date.parse('2026-10-25T01:30:00Z') });
    expect(londonLocalToEpoch(2026, 10, 25, 1, 30, 'second')).to.equal(Date.parse('2026-10-25T01:30:00Z'));
    expect(toLondonIso(londonLocalToEpoch(2026, 10, 25, 1, 30, 'first'))).to.equal('2026-10-25T01:30:00+01:00');
    expect(toLondonIso(londonLocalToEpoch(2026, 10, 25, 1, 30, 'second'))).to.equal('2026-10-25T01:30:00+00:00');
    expect(resolveLondonLocal(2026, 10, 25, 2, 0)).to.deep.equal({ kind: 'exact', epoch: Date.parse('2026-10-25T02:00:00Z') });
    // 28 March 2027: no 01:00–01:59.
    expect(resolveLondonLocal(2027, 3, 28, 1, 30)).to.deep.equal({ kind: 'missing' });
    expect(resolveLondonLocal(2027, 3, 28, 2, 30)).to.deep.equal({ kind: 'exact', epoch: Date.parse('2027-03-28T01:30:00Z') });
    try {
      londonLocalToEpoch(2027, 3, 28, 1, 30);
      expect.fail('a missing time must be refused');
    } catch (e) {
      expect(isStrError(e, 'validation')).to.equal(true);
      expect((e as { details: { issues: { message: string }[] } }).details.issues[0]!.message).to.match(/^That time did not happen in the UK: the clocks went forward/);
    }
  });
  it('one stored form for a start: UK wall-clock time with the UK offset of that moment', () => {
    for (const ok of ['2026-06-03T10:00:00+01:00', '2026-12-03T10:00:00+00:00', '2026-10-25T01:30:00+01:00', '2026-10-25T01:30:00+00:00', '2026-06-03T10:00+01:00']) expect(isUkLocalIso(ok), ok).to.equal(true);
    for (const bad of ['2026-06-03T09:00:00Z', '2026-06-03T14:30:00+05:30', '2026-12-03T10:00:00+01:00', '2027-03-28T01:30:00+01:00', '2027-03-28T01:30:00+00:00', 'not a date']) expect(isUkLocalIso(bad), bad).to.equal(false);
  });
  it('formats dates NHS style', () => {
    expect(formatNhsDate('2026-06-03')).to.equal('3 June 2026');
    expect(formatNhsDate('2026-06-02T23:30:00Z')).to.equal('3 June 2026');
    expect(formatNhsDate(Date.parse('2026-12-31T23:59:00Z'))).to.equal('31 December 2026');
  });
  it('weeks start on Monday', () => {
    expect(londonWeekStart(Date.parse('2026-06-07T22:00:00Z'))).to.equal('2026-06-01'); // Sunday 23:00 BST
    expect(londonWeekStart(Date.parse('2026-06-07T23:00:00Z'))).to.equal('2026-06-08'); // Monday 00:00 BST
  });
});

describe('instantOf: an ISO date-time read as Date.parse reads it', () => {
  it('gives exactly Date.parse for the stored forms, edge cases and strings that are not date-times', () => {
    const cases = [
      '2026-06-03T10:30:00+01:00', '2026-01-15T09:00:00+00:00', '2026-06-03T09:30:00Z', '2026-06-03T09:30:00.123Z',
      '2026-06-03T10:30:00.999+01:00', '2024-02-29T12:00:00Z', '2026-02-29T12:00:00Z', '2026-02-30T12:00:00Z', '2026-04-31T00:00:00Z',
      '2026-12-31T23:59:59-05:30', '2026-06-03T24:00:00Z', '2026-06-03T23:60:00Z', '2026-06-03T10:30:60Z', '2026-13-03T10:30:00Z',
      '2026-00-03T10:30:00Z', '2026-06-00T10:30:00Z', '2026-06-03T10:30:00+24:00', '2026-06-03T10:30:00+14:00', '0099-06-03T10:30:00Z',
      '1970-01-01T00:00:00Z', '1969-12-31T23:59:59.999Z', '2026-06-03T10:30:00.12Z', '2026-06-03T10:30:00.1234Z', '2026-06-03T10:30:00',
      '2026-06-03 10:30:00Z', '2026-06-03T10:30:00+0100', '2026-06-03T1a:30:00Z', '2026-06-03T10:30:00z', '2026-06-03T10:30:00.a23Z',
      '2026-06-03', '', 'not a date', '2026-06-03T10:30:00+01:00 ', '+02026-06-03T10:30:00Z',
    ];
    for (const s of cases) expect(Object.is(instantOf(s), Date.parse(s)), s).to.equal(true);
    // And 5,000 instants from 1990 to 2060 written in each stored form, with UTC and UK offsets.
    let seed = 7;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(Date.parse('1990-01-01T00:00:00Z') + next() * 70 * 365.25 * 86_400_000);
      const iso = new Date(t).toISOString(); // 2026-06-03T09:30:00.123Z
      for (const s of [iso, iso.replace(/\.\d{3}/, ''), toLondonIso(t), toLondonIso(t).replace(/:(\d{2})([+-])/, ':$1.500$2')]) {
        expect(instantOf(s), s).to.equal(Date.parse(s));
      }
    }
  });
});
