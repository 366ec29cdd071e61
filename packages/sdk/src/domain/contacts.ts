// Pure rules over contacts: the did-not-attend rate, totals for a week and a month, and the MHSDS care-contact export.
import { StrError } from '../errors.js';
import type { Contact } from '../schemas/contact.js';
import { addDays } from './care-plan.js';
import { instantOf, londonDate, londonDateToEpoch, londonLocalToEpoch, londonParts, londonTime, londonWeekStart } from './time.js';

/** DESIGN.md, "Definitions": shown beside the figure wherever it appears. */
export const DNA_RATE_DEFINITION =
  'Did not attend rate = contacts not attended (did not attend, or arrived late and could not be seen) ÷ contacts that were due (attended on time, arrived late but seen, did not attend, arrived late and could not be seen). Cancellations by the person or the service are left out.';

export interface DnaRate {
  /** Between 0 and 1; undefined when no contact was due. */
  readonly rate: number | undefined;
  readonly notAttended: number;
  readonly due: number;
}

/** (AttendStatus 3 + 7) / (5 + 6 + 3 + 7); cancellations (2, 4) and entered-in-error contacts excluded. */
export function didNotAttendRate(contacts: readonly Contact[]): DnaRate {
  let notAttended = 0;
  let due = 0;
  for (const c of contacts) {
    if (c.enteredInError) continue;
    if (c.attendance === '3' || c.attendance === '7') notAttended++;
    if (c.attendance === '5' || c.attendance === '6' || c.attendance === '3' || c.attendance === '7') due++;
  }
  return { rate: due === 0 ? undefined : notAttended / due, notAttended, due };
}

/** Attended: AttendStatus 5 (on time) or 6 (late but seen), as NHS England counts care contacts (DESIGN.md). */
export const isAttended = (c: Pick<Contact, 'attendance'>): boolean => c.attendance === '5' || c.attendance === '6';

/** DESIGN.md, "Definitions": shown beside the totals wherever they appear. */
export const CONTACT_TOTALS_DEFINITION =
  'Contacts and time count attended contacts only (attended on time, or arrived late but seen), as NHS England counts them. Did not attend (including arrived late and could not be seen) and cancellations by the person or the service are counted separately and add no time.';

export interface ContactTotals {
  /** Attended contacts (AttendStatus 5, 6). */
  readonly contacts: number;
  /** Minutes of attended contacts only. */
  readonly minutes: number;
  /** Did not attend, or arrived late and could not be seen (AttendStatus 3, 7). */
  readonly didNotAttend: number;
  /** Cancelled by the person or the service (AttendStatus 2, 4). */
  readonly cancelled: number;
}

/**
 * Attended contacts and their minutes in the UK week (Monday start) and UK calendar month containing `now`; contacts
 * not attended and cancellations counted apart and never added to time spent. Entered-in-error ones left out.
 */
export function contactTotals(contacts: readonly Contact[], now: Date): { week: ContactTotals; month: ContactTotals } {
  const t = now.getTime();
  // Boundaries once, then plain comparisons: cheap for thousands of contacts.
  // Weeks on UK calendar dates: the week ends at midnight starting next Monday, whatever the clocks did in between
  // (the autumn week is 169 hours long, the spring one 167).
  const monday = londonWeekStart(t);
  const weekStart = londonDateToEpoch(monday)!;
  const weekEnd = londonDateToEpoch(addDays(monday, 7))!;
  const { year, month } = londonParts(t);
  const monthStart = londonLocalToEpoch(year, month, 1);
  const monthEnd = month === 12 ? londonLocalToEpoch(year + 1, 1, 1) : londonLocalToEpoch(year, month + 1, 1);
  const empty = () => ({ contacts: 0, minutes: 0, didNotAttend: 0, cancelled: 0 });
  const out = { week: empty(), month: empty() };
  const add = (into: ReturnType<typeof empty>, c: Contact) => {
    if (isAttended(c)) {
      into.contacts++;
      into.minutes += c.durationMinutes;
    } else if (c.attendance === '3' || c.attendance === '7') into.didNotAttend++;
    else into.cancelled++;
  };
  for (const c of contacts) {
    if (c.enteredInError) continue;
    const s = instantOf(c.start);
    if (s > t) continue;
    if (s >= weekStart && s < weekEnd) add(out.week, c);
    if (s >= monthStart && s < monthEnd) add(out.month, c);
  }
  return out;
}

/** Ids the host's record system owns; STR Kit does not know them. */
export interface MhsdsContext {
  /** MHSDS ServiceRequestId of the referral the contacts belong to. */
  readonly serviceRequestId: string;
  /** MHSDS CareProfTeamLocalId of the team. */
  readonly careProfTeamLocalId: string;
  /** MHSDS OrgIDComm, the commissioner's ODS code, where the submission needs it. */
  readonly orgIdComm?: string;
}

/**
 * One MHSDS v6 MHS201 Care Contact row. Items and codes from docs/reference/mhsds-fhir.md (nhsengland/MHSDS,
 * commit dc7bf10). Left out because their code lists are not verified there: CareContSubj, CareContPatientTherMode,
 * ConsType; and items STR Kit does not capture (AdminCatCode, SiteIDOfTreat, cancellation dates and reasons, …).
 */
export interface MhsdsCareContactRow {
  readonly CareContactId: string;
  readonly ServiceRequestId: string;
  readonly CareProfTeamLocalId: string;
  readonly OrgIDComm: string;
  /** UK local date, YYYY-MM-DD. */
  readonly CareContDate: string;
  /** UK local time, HH:MM:SS. */
  readonly CareContTime: string;
  /**
   * Minutes (the unit is [U] in the reference file: check against your submission guidance), for attended contacts
   * only (AttendStatus 5, 6); empty for one that did not happen, whose planned duration is no time spent.
   */
  readonly ClinContDurOfCareCont: number | undefined;
  readonly ConsMechanismMH: string;
  readonly ActLocTypeCode: string;
  readonly AttendStatus: string;
  /** Y or N. */
  readonly PlannedCareContIndicator: 'Y' | 'N';
}

export const MHS201_COLUMNS: readonly (keyof MhsdsCareContactRow)[] = [
  'CareContactId', 'ServiceRequestId', 'CareProfTeamLocalId', 'OrgIDComm', 'CareContDate', 'CareContTime',
  'ClinContDurOfCareCont', 'ConsMechanismMH', 'ActLocTypeCode', 'AttendStatus', 'PlannedCareContIndicator',
];

const requireId = (value: unknown, field: string) => {
  if (typeof value !== 'string' || value.trim() === '' || /[\r\n]/.test(value)) {
    throw new StrError('validation', `MHSDS export needs ${field}`, false, { issues: [{ path: field, code: 'invalid', message: `Give the ${field} from your record system` }] });
  }
  return value.trim();
};

/** MHS201 rows for the contacts (entered-in-error ones left out), dates and times in UK local time. */
export function toMhsdsCareContacts(contacts: readonly Contact[], context: MhsdsContext): MhsdsCareContactRow[] {
  if (!Array.isArray(contacts)) throw new StrError('validation', 'toMhsdsCareContacts needs a list of contacts');
  let ctx: { serviceRequestId: string; team: string; orgIdComm: string };
  try {
    ctx = {
      serviceRequestId: requireId(context?.serviceRequestId, 'serviceRequestId'),
      team: requireId(context?.careProfTeamLocalId, 'careProfTeamLocalId'),
      orgIdComm: context?.orgIdComm === undefined ? '' : requireId(context.orgIdComm, 'orgIdComm'),
    };
  } catch (e) {
    if (e instanceof StrError) throw e;
    throw new StrError('validation', 'toMhsdsCareContacts: the context could not be read', false, {}, { cause: e });
  }
  return contacts
    .filter((c) => c && !c.enteredInError)
    .map((c) => {
      const t = Date.parse(c.start);
      if (Number.isNaN(t)) throw new StrError('validation', `contact ${String(c.id)} has no valid start`);
      return {
        CareContactId: c.id,
        ServiceRequestId: ctx.serviceRequestId,
        CareProfTeamLocalId: ctx.team,
        OrgIDComm: ctx.orgIdComm,
        CareContDate: londonDate(t),
        CareContTime: `${londonTime(t)}:${String(londonParts(t).second).padStart(2, '0')}`,
        ClinContDurOfCareCont: isAttended(c) ? c.durationMinutes : undefined,
        ConsMechanismMH: c.mechanism,
        ActLocTypeCode: c.locationType,
        AttendStatus: c.attendance,
        PlannedCareContIndicator: c.planned ? 'Y' : 'N',
      };
    });
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads Welsh and other non-ASCII names right ("Rhŷs", not "RhÅ·s"). */
  readonly bom?: boolean;
}

// A cell a spreadsheet could read as a formula or a control (OWASP "CSV injection"): =, +, -, @, tab, CR, LF, NUL.
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/** RFC 4180 CSV with a header row; every field quoted, so no value can break a row or start a formula cell. */
export function toCsv<R extends object>(rows: readonly R[], columns: readonly (keyof R & string)[], options: CsvOptions = {}): string {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return `"${(FORMULA_START.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
  };
  const body = [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
  return options?.bom === true ? `\uFEFF${body}` : body;
}
