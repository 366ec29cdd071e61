import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { formatNhsDate, londonDate, londonDateToEpoch, londonLocalToEpoch, londonOffsetMinutes, londonTime, londonWeekStart, toLondonIso } from './time.js';

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
    expect(londonLocalToEpoch(2026, 3, 29, 1, 30)).to.equal(Date.parse('2026-03-29T01:30:00Z')); // gap: 02:30 BST
    expect(londonDateToEpoch('2026-06-03')).to.equal(Date.parse('2026-06-02T23:00:00Z'));
    expect(londonDateToEpoch('2026-02-30')).to.equal(undefined);
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
