import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { validContact } from '../records.fixtures.js';
import { isStrError } from '../errors.js';
import { contactTotals, didNotAttendRate, MHS201_COLUMNS, toCsv, toMhsdsCareContacts } from './contacts.js';

const ctx = { serviceRequestId: 'SR-0001', careProfTeamLocalId: 'CMHT-NORTH' };

describe('did-not-attend rate (DESIGN.md definition)', () => {
  it('is (3 + 7) / (5 + 6 + 3 + 7), cancellations and entered-in-error left out', () => {
    const codes = ['5', '5', '6', '3', '7', '2', '4', '4'] as const;
    const contacts = codes.map((attendance) => validContact({ attendance }));
    contacts.push(validContact({ attendance: '3', enteredInError: { reason: 'duplicate', at: '2026-06-03T10:00:00Z', by: 'w1' } }));
    expect(didNotAttendRate(contacts)).to.deep.equal({ rate: 2 / 5, notAttended: 2, due: 5 });
    expect(didNotAttendRate([validContact({ attendance: '2' })]).rate).to.equal(undefined);
  });
});

describe('contact totals (UK week from Monday, UK month)', () => {
  it('counts contacts and minutes this week and this month', () => {
    const now = new Date('2026-06-05T12:00:00Z'); // Friday
    const contacts = [
      validContact({ start: '2026-06-01T00:30:00+01:00', durationMinutes: 10 }), // Monday 00:30 UK: this week
      validContact({ start: '2026-05-31T23:30:00+01:00', durationMinutes: 20 }), // Sunday: last week, last month
      validContact({ start: '2026-06-03T10:00:00+01:00', durationMinutes: 30 }),
      validContact({ start: '2026-06-06T10:00:00+01:00', durationMinutes: 40 }), // future: not counted
    ];
    expect(contactTotals(contacts, now)).to.deep.equal({ week: { contacts: 2, minutes: 40, didNotAttend: 0, cancelled: 0 }, month: { contacts: 2, minutes: 40, didNotAttend: 0, cancelled: 0 } });
  });

  it('"This week" on Sunday 25 October 2026, when the clocks go back, counts every contact of that week', () => {
    const now = new Date('2026-10-25T21:00:00Z'); // Sunday 21:00 GMT
    const week = ['2026-10-19T00:15:00+01:00', '2026-10-22T10:00:00+01:00', '2026-10-25T01:30:00+01:00', '2026-10-25T01:30:00+00:00', '2026-10-25T20:00:00+00:00'];
    const before = '2026-10-18T23:45:00+01:00'; // Sunday before: last week
    const contacts = [...week, before].map((start) => validContact({ start, durationMinutes: 10 }));
    expect(contactTotals(contacts, now).week).to.deep.equal({ contacts: 5, minutes: 50, didNotAttend: 0, cancelled: 0 });
    // And the spring week, an hour short: from Monday 22 March to 23:30 on Sunday 28 March 2027.
    const spring = ['2027-03-21T23:30:00+00:00', '2027-03-22T09:00:00+00:00', '2027-03-28T23:30:00+01:00'].map((start) => validContact({ start }));
    expect(contactTotals(spring, new Date('2027-03-28T22:45:00Z')).week.contacts).to.equal(2);
  });

  it('counts attended contacts (AttendStatus 5, 6) and their minutes only; DNA and cancellations apart, adding no time', () => {
    const now = new Date('2026-06-05T12:00:00Z');
    // The case: 9 contacts of 30 minutes, 4 of them attended (120 minutes), not 9 and 270.
    const codes = ['5', '5', '6', '6', '3', '7', '2', '4', '4'] as const;
    const contacts = codes.map((attendance, i) => validContact({ attendance, durationMinutes: 30, start: `2026-06-0${1 + (i % 4)}T10:00:00+01:00` }));
    const want = { contacts: 4, minutes: 120, didNotAttend: 2, cancelled: 3 };
    expect(contactTotals(contacts, now)).to.deep.equal({ week: want, month: want });
  });
});

for (const zone of ['Europe/London', 'Pacific/Auckland', 'America/Los_Angeles']) {
  describe(`MHSDS MHS201 export, browser in ${zone}`, () => {
    before(() => executeServerCommand('emulate-timezone', { timezoneId: zone }));
    after(() => executeServerCommand('emulate-timezone', { timezoneId: '' }));

    it('a contact at 00:30 on a summer night in London has the UK date and time', () => {
      const c = validContact({ start: '2026-06-02T23:30:00Z', durationMinutes: 45, mechanism: '02', locationType: 'A01', attendance: '5', planned: false });
      expect(toMhsdsCareContacts([c], { ...ctx, orgIdComm: '15N' })).to.deep.equal([
        {
          CareContactId: c.id, ServiceRequestId: 'SR-0001', CareProfTeamLocalId: 'CMHT-NORTH', OrgIDComm: '15N',
          CareContDate: '2026-06-03', CareContTime: '00:30:00', ClinContDurOfCareCont: 45, ConsMechanismMH: '02',
          ActLocTypeCode: 'A01', AttendStatus: '5', PlannedCareContIndicator: 'N',
        },
      ]);
    });
  });
}

describe('MHSDS export rules', () => {
  it('leaves out entered-in-error contacts and needs the host ids', () => {
    const ok = validContact();
    const wrong = validContact({ enteredInError: { reason: 'wrong person', at: '2026-06-03T10:00:00Z', by: 'w1' } });
    expect(toMhsdsCareContacts([ok, wrong], ctx).map((r) => r.CareContactId)).to.deep.equal([ok.id]);
    for (const bad of [{}, { serviceRequestId: 'SR' }, { ...ctx, careProfTeamLocalId: ' ' }, { ...ctx, orgIdComm: 'a\nb' }]) {
      try {
        toMhsdsCareContacts([ok], bad as never);
        expect.fail('should throw');
      } catch (e) {
        expect(isStrError(e, 'validation')).to.equal(true);
      }
    }
  });

  it('gives a duration (ClinContDurOfCareCont) for attended contacts only; empty for DNA and cancellations', () => {
    const codes = ['5', '6', '3', '7', '2', '4'] as const;
    const rows = toMhsdsCareContacts(codes.map((attendance) => validContact({ attendance, durationMinutes: 45 })), ctx);
    expect(rows.map((r) => [r.AttendStatus, r.ClinContDurOfCareCont])).to.deep.equal([['5', 45], ['6', 45], ['3', undefined], ['7', undefined], ['2', undefined], ['4', undefined]]);
    const lines = toCsv(rows, MHS201_COLUMNS).split('\r\n');
    const at = MHS201_COLUMNS.indexOf('ClinContDurOfCareCont');
    expect(lines.slice(1, 7).map((l) => l.split(',')[at])).to.deep.equal(['"45"', '"45"', '""', '""', '""', '""']);
  });

  it('writes RFC 4180 CSV with every field quoted and formulas defused', () => {
    const rows = toMhsdsCareContacts([validContact({ start: '2026-01-15T09:05:00Z' })], { serviceRequestId: '=HYPERLINK("x")', careProfTeamLocalId: 'Team "A", north' });
    const csv = toCsv(rows, MHS201_COLUMNS);
    const [header, line] = csv.split('\r\n');
    expect(header).to.equal(MHS201_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(line).to.include(`"'=HYPERLINK(""x"")"`);
    expect(line).to.include('"Team ""A"", north"');
    expect(line).to.include('"2026-01-15","09:05:00"');
    expect(csv.endsWith('\r\n')).to.equal(true);
  });

  it('defuses a leading LF and NUL as well, and offers a UTF-8 byte order mark for Excel', () => {
    const rows = [{ a: '\n=1+1', b: '\u0000@SUM(A1)', c: 'Rhŷs' }];
    const csv = toCsv(rows, ['a', 'b', 'c']);
    expect(csv.split('\r\n')[1]).to.equal(`"'\n=1+1","'\u0000@SUM(A1)","Rhŷs"`);
    expect(csv.charCodeAt(0)).to.equal(0x22);
    const withBom = toCsv(rows, ['a', 'b', 'c'], { bom: true });
    expect(withBom.charCodeAt(0)).to.equal(0xfeff);
    expect(withBom.slice(1)).to.equal(csv);
    expect(new TextEncoder().encode(withBom).slice(0, 3)).to.deep.equal(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
