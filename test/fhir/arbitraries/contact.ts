// fast-check arbitraries of contacts and service users (moved from mapping.test.ts, shared with definitions.test.ts).
import {
  ACTIVITY_LOCATION_TYPES, ATTEND_STATUSES, CONSULTATION_MECHANISMS, ContactSchema, OTHER_PRESENT_KINDS, ServiceUserSchema, nhsNumberCheckDigit,
  type Contact, type ServiceUser,
} from '@strkit/sdk';
import fc from 'fast-check';
import * as z from 'zod/mini';

export const OFFSETS = ['Z', '+00:00', '+01:00', '-05:00', '+05:30', '-09:30', '+14:00'];

export const instant = fc
  .tuple(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom(...OFFSETS), fc.boolean())
  .map(([t, off, withMs]) => {
    const mins = off === 'Z' ? 0 : (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6)));
    return new Date(t + mins * 60_000).toISOString().slice(0, withMs ? 23 : 19) + off;
  });
export const utc = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString());
export const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
export const lineText = (max: number) => text(max).map((s) => s.trim()).filter((s) => s.length > 0 && !/[\r\n\u2028\u2029]/.test(s));
export const noteText = fc.oneof(text(400), fc.array(text(60), { maxLength: 5 }).map((lines) => lines.join('\r\n\t')));
export const actorId = fc.oneof(fc.constantFrom('worker-1', 'lead-7'), lineText(20));
export const nhsNumber = fc.integer({ min: 0, max: 999_999 }).map((n) => {
  for (let s = n; ; s = (s + 1) % 1_000_000) {
    const nine = `999${String(s).padStart(6, '0')}`;
    const c = nhsNumberCheckDigit(nine);
    if (c !== undefined) return `${nine}${c}`;
  }
});
export const envelope = {
  id: fc.uuid({ version: 4 }),
  version: fc.uuid({ version: 4 }),
  schemaVersion: fc.constant(1),
  createdAt: utc,
  createdBy: actorId,
  updatedAt: utc,
  updatedBy: actorId,
};
export const enteredInError = fc.option(fc.record({ reason: lineText(100), at: utc, by: actorId }), { nil: undefined });

export const contactArb: fc.Arbitrary<Contact> = fc
  .record({
    ...envelope,
    enteredInError,
    serviceUserId: fc.uuid({ version: 4 }),
    workerId: actorId,
    start: instant,
    durationMinutes: fc.integer({ min: 1, max: 1440 }),
    mechanism: fc.constantFrom(...CONSULTATION_MECHANISMS.map((c) => c.code)),
    locationType: fc.constantFrom(...ACTIVITY_LOCATION_TYPES.map((c) => c.code)),
    attendance: fc.constantFrom(...ATTEND_STATUSES.map((c) => c.code)),
    planned: fc.boolean(),
    othersPresent: fc.array(fc.record({ kind: fc.constantFrom(...OTHER_PRESENT_KINDS), role: fc.option(lineText(40), { nil: undefined }) }), { maxLength: 4 }),
    interpreterLanguage: fc.option(lineText(30), { nil: undefined }),
    taskIds: fc.array(fc.uuid({ version: 4 }), { maxLength: 3 }),
    note: noteText,
  })
  .map((c) => JSON.parse(JSON.stringify(c)) as Contact) // drop undefined optionals, as stored records have none
  .filter((c) => z.safeParse(ContactSchema, c).success);

export const serviceUserArb: fc.Arbitrary<ServiceUser> = fc
  .record({
    ...envelope,
    enteredInError,
    displayName: lineText(60),
    nhsNumber: fc.option(nhsNumber, { nil: undefined }),
    birthDate: fc.option(fc.integer({ min: Date.UTC(1930, 0, 1), max: Date.UTC(2010, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10)), { nil: undefined }),
    careCoordinatorId: fc.option(actorId, { nil: undefined }),
  })
  .map((p) => JSON.parse(JSON.stringify(p)) as ServiceUser)
  .filter((p) => z.safeParse(ServiceUserSchema, p).success);
