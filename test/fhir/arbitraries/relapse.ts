// fast-check arbitraries of relapse-sign records (moved from relapse-fhir.test.ts, shared with definitions.test.ts).
import {
  AlertSchema, FUNCTIONING_AREAS, FUNCTIONING_LEVELS, NOT_ASKED, SignCheckSchema, WarningSignPlanSchema, type Alert, type SignCheck, type WarningSignPlan,
} from '@strkit/sdk';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { ALERT_OWNER_KINDS } from '../../../packages/sdk/src/schemas/relapse.js';

export const utc = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString());
export const date = utc.map((s) => s.slice(0, 10));
export const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
export const lineText = (max: number) => text(max).map((s) => s.trim()).filter((s) => s.length > 0 && !/[\r\n\u2028\u2029]/.test(s));
export const words = fc.oneof(text(200), fc.array(text(40), { maxLength: 3 }).map((l) => ` ${l.join('\n')} `)).filter((s) => s.trim().length > 0);
export const actorId = fc.oneof(fc.constantFrom('worker-1', 'cc-2'), lineText(20));
export const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
export const envelope = {
  id: fc.uuid({ version: 4 }), version: fc.uuid({ version: 4 }), schemaVersion: fc.constant(1), createdAt: utc, createdBy: actorId, updatedAt: utc, updatedBy: actorId,
  enteredInError: opt(fc.record({ reason: lineText(80), at: utc, by: actorId })),
};
export const clean = <T>(schema: z.ZodMiniType) => (a: fc.Arbitrary<unknown>) => a.map((r) => JSON.parse(JSON.stringify(r)) as T).filter((r) => z.safeParse(schema, r).success);

export const planArb = clean<WarningSignPlan>(WarningSignPlanSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), coordinatorId: actorId,
  signs: fc.uniqueArray(fc.record({ id: fc.uuid({ version: 4 }), text: words, stage: fc.constantFrom('early', 'middle', 'late'), response: words }), { maxLength: 6, selector: (s) => s.id }),
  contacts: fc.array(fc.record({ who: lineText(40), how: words }), { maxLength: 2 }),
  rule: fc.record({ lateSignAtLeast: fc.integer({ min: 1, max: 3 }), risePercent: fc.integer({ min: 1, max: 200 }), risePoints: fc.integer({ min: 1, max: 20 }), repeatRating: fc.integer({ min: 1, max: 3 }), repeatChecks: fc.integer({ min: 2, max: 5 }) }),
  agreedBaseline: opt(fc.record({ total: fc.integer({ min: 0, max: 60 }).map((n) => n / 2), fromCheckIds: fc.array(fc.uuid({ version: 4 }), { maxLength: 3 }), signIds: opt(fc.array(fc.uuid({ version: 4 }), { maxLength: 3 })) })),
  agreedOn: opt(date), reviewOn: opt(date),
}));
export const checkArb = clean<SignCheck>(SignCheckSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), planId: fc.uuid({ version: 4 }), planVersion: fc.uuid({ version: 4 }), at: utc, workerId: actorId,
  ratings: fc.dictionary(fc.uuid({ version: 4 }), fc.constantFrom(0, 1, 2, 3, NOT_ASKED), { maxKeys: 6 }),
  functioning: fc.dictionary(fc.constantFrom(...FUNCTIONING_AREAS.map((a) => a.code)), fc.record({ level: fc.constantFrom(...FUNCTIONING_LEVELS.map((l) => l.code)), note: opt(words) }), { maxKeys: 5 }),
  observations: text(200), personsView: text(200), markedWell: fc.boolean(),
}));
export const alertArb = clean<Alert>(AlertSchema)(fc.record({
  ...envelope, serviceUserId: fc.uuid({ version: 4 }), checkId: fc.uuid({ version: 4 }), reason: words, note: text(100), raisedBy: actorId, raisedAt: utc,
  status: fc.constantFrom('open', 'acknowledged'), acknowledged: opt(fc.record({ by: actorId, at: utc, action: words })),
  owner: opt(fc.record({ kind: fc.constantFrom(...ALERT_OWNER_KINDS), id: actorId })),
}));
