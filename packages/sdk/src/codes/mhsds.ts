// MHSDS v6 code lists used on a care contact (MHS201).
// Source: docs/reference/mhsds-fhir.md, checked 2026-11-22 against nhsengland/MHSDS (commit dc7bf10, 2025-07-03)
// and the NHS Data Dictionary archive (June 2026 release). Codes are exact; labels are the data dictionary's, shortened
// only where the reference file shortens them.

export interface CodedValue<C extends string = string> {
  readonly code: C;
  readonly label: string;
}

/**
 * CONSULTATION MECHANISM (MENTAL HEALTH), MHSDS item ConsMechanismMH. [V]
 * 03 and 06 were valid only to v4.1 and are deliberately absent.
 */
export const CONSULTATION_MECHANISMS = [
  { code: '01', label: 'Face to face' },
  { code: '02', label: 'Telephone' },
  { code: '04', label: 'Talk type for a person unable to speak' },
  { code: '05', label: 'Email' },
  { code: '09', label: 'Text message (asynchronous)' },
  { code: '10', label: 'Instant messaging (synchronous)' },
  { code: '11', label: 'Video consultation' },
  { code: '12', label: 'Message board (asynchronous)' },
  { code: '13', label: 'Chat room (synchronous)' },
  { code: '98', label: 'Other' },
] as const satisfies readonly CodedValue[];
export type ConsultationMechanism = (typeof CONSULTATION_MECHANISMS)[number]['code'];

/** NHS England counts these mechanisms as direct attended contacts (reference file, ConsMechanismMH). */
export const DIRECT_CONTACT_MECHANISMS: readonly ConsultationMechanism[] = ['01', '02', '04', '11'];

/**
 * ACTIVITY LOCATION TYPE CODE, MHSDS item ActLocTypeCode; the same list as UK Core's
 * UKCore-EncounterLocationTypeEngland value set. [V]
 */
export const ACTIVITY_LOCATION_TYPES = [
  { code: 'A01', label: "Patient's home" },
  { code: 'A02', label: "Carer's home" },
  { code: 'A03', label: "Patient's workplace" },
  { code: 'A04', label: 'Other patient-related' },
  { code: 'B01', label: 'Primary care health centre' },
  { code: 'B02', label: 'Polyclinic' },
  { code: 'C01', label: 'GP practice' },
  { code: 'C02', label: 'Dental practice' },
  { code: 'C03', label: 'Ophthalmic practitioner premises' },
  { code: 'D01', label: 'Walk-in centre' },
  { code: 'D02', label: 'Out of hours centre' },
  { code: 'D03', label: 'Emergency community dental' },
  { code: 'E01', label: 'Outpatient clinic' },
  { code: 'E02', label: 'Ward' },
  { code: 'E03', label: 'Day hospital' },
  { code: 'E04', label: 'Emergency care / minor injuries' },
  { code: 'E99', label: 'Other hospital departments' },
  { code: 'F01', label: 'Hospice' },
  { code: 'G01', label: 'Care home without nursing' },
  { code: 'G02', label: 'Care home with nursing' },
  { code: 'G03', label: "Children's home" },
  { code: 'G04', label: 'Integrated care home' },
  { code: 'H01', label: 'Day centre' },
  { code: 'J01', label: 'Resource centre' },
  { code: 'K01', label: "Sure Start children's centre" },
  { code: 'K02', label: 'Child development centre' },
  { code: 'L01', label: 'School' },
  { code: 'L02', label: 'FE college' },
  { code: 'L03', label: 'University' },
  { code: 'L04', label: 'Nursery' },
  { code: 'L05', label: 'Other childcare premises' },
  { code: 'L06', label: 'Training establishment' },
  { code: 'L99', label: 'Other educational' },
  { code: 'M01', label: 'Prison' },
  { code: 'M02', label: 'Probation premises' },
  { code: 'M03', label: 'Police station/custody' },
  { code: 'M04', label: 'Young offender institution' },
  { code: 'M05', label: 'Immigration removal centre' },
  { code: 'M06', label: 'YOI 15-17' },
  { code: 'M07', label: 'YOI 18-21' },
  { code: 'N01', label: 'Street or public open space' },
  { code: 'N02', label: 'Other publicly accessible area/building' },
  { code: 'N03', label: 'Voluntary or charitable agency premises' },
  { code: 'N04', label: 'Dispensing optician' },
  { code: 'N05', label: 'Dispensing pharmacy' },
  { code: 'X01', label: 'Other' },
] as const satisfies readonly CodedValue[];
export type ActivityLocationType = (typeof ACTIVITY_LOCATION_TYPES)[number]['code'];

/**
 * ATTENDANCE STATUS, MHSDS v6 item AttendStatus (replaced AttendOrDNACode). [P]: codes verified (v6 validity accepts
 * 2-7 only), labels partly verified against the data dictionary.
 */
export const ATTEND_STATUSES = [
  { code: '5', label: 'Attended on time (or before the professional was ready)' },
  { code: '6', label: 'Arrived late but was seen' },
  { code: '7', label: 'Arrived late and could not be seen' },
  { code: '2', label: 'Cancelled by, or on behalf of, the patient' },
  { code: '3', label: 'Did not attend, no warning given' },
  { code: '4', label: 'Cancelled or postponed by the provider' },
] as const satisfies readonly CodedValue[];
export type AttendStatus = (typeof ATTEND_STATUSES)[number]['code'];

/** Looks up a code's label; `undefined` for a code not on the list (never throws). */
export function labelOf(list: readonly CodedValue[], code: unknown): string | undefined {
  if (typeof code !== 'string') return undefined;
  try {
    return Array.isArray(list) ? list.find((c) => c?.code === code)?.label : undefined;
  } catch {
    return undefined; // not a code list
  }
}
