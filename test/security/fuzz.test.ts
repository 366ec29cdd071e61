// DESIGN.md: "Only the client and SDK helpers throw, and only StrError." fast-check throws every shape of input at
// every exported function and every client method, hostile objects included.
import { expect } from '@open-wc/testing';
import * as sdk from '@strkit/sdk';
import { createClient, isStrError, memoryDrafts, memoryStore } from '@strkit/sdk';
import fc from 'fast-check';
import { PERSON_ID } from '../helpers/fixtures.js';

const boom = () => {
  throw new RangeError('hostile');
};

/**
 * Objects that throw when touched: fc.anything() never makes these (TOOLCHAIN.md, pitfall 12). fast-check itself
 * probes generated values, so the arbitrary yields a marker and `materialise` builds the hostile object in the test.
 */
class Hostile {
  constructor(readonly kind: number, readonly key: string) {}
}
const hostile = fc.record({ kind: fc.integer({ min: 0, max: 4 }), key: fc.string() }).map(({ kind, key }) => new Hostile(kind, key));
const materialise = (v: unknown): unknown => {
  if (!(v instanceof Hostile)) return v;
  switch (v.kind) {
    case 0:
      return new Proxy({}, { get: boom, has: boom, ownKeys: boom, getPrototypeOf: boom, getOwnPropertyDescriptor: boom });
    case 1:
      return new Proxy([], { get: boom, ownKeys: boom });
    case 2:
      return Object.defineProperty({ serviceUserId: PERSON_ID }, v.key || 'note', { get: boom, enumerable: true });
    case 3:
      return { toString: boom, valueOf: boom, toJSON: boom, [Symbol.toPrimitive]: boom };
    default: {
      const o: Record<string, unknown> = { serviceUserId: PERSON_ID };
      o.self = o; // a cycle
      return o;
    }
  }
};

/** Nearly-valid contact input with one field replaced by anything at all. */
const almostContact = fc
  .record({ key: fc.constantFrom('serviceUserId', 'start', 'durationMinutes', 'mechanism', 'locationType', 'attendance', 'note', 'othersPresent', 'taskIds', 'id', 'planned', 'extra'), value: fc.anything() })
  .map(({ key, value }) => ({
    serviceUserId: PERSON_ID,
    start: '2026-06-03T10:00:00+01:00',
    durationMinutes: 30,
    mechanism: '01',
    locationType: 'A01',
    attendance: '5',
    note: 'n',
    [key]: value,
  }));

const anyInput = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true }) },
  { weight: 2, arbitrary: hostile },
  { weight: 2, arbitrary: almostContact },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
);
const anyArgs = fc
  .array(anyInput, { minLength: 0, maxLength: 3 })
  .map((args) => Object.assign(() => args.map(materialise), { [fc.toStringMethod]: () => fc.stringify(args) }));

async function onlyStrErrors(call: () => unknown): Promise<void> {
  let result: unknown;
  try {
    result = call();
    if (result && typeof (result as Promise<unknown>).then === 'function') await result;
  } catch (e) {
    if (!isStrError(e)) throw new Error(`threw a non-StrError: ${String((e as Error)?.name)}: ${String((e as Error)?.message)}`, { cause: e });
  }
}

const NOT_PLAIN_FUNCTIONS = new Set(['StrError']); // a class: `new` it, do not call it

describe('fuzz: nothing throws but StrError', () => {
  const helpers = Object.entries(sdk).filter(([name, v]) => typeof v === 'function' && !NOT_PLAIN_FUNCTIONS.has(name)) as [string, (...a: unknown[]) => unknown][];

  it('covers the exported helpers', () => {
    expect(helpers.map(([n]) => n)).to.include.members(['isValidNhsNumber', 'isValidSctId', 'createClient', 'parseRecord', 'formatNhsDate', 'labelOf', 'upgradeRecord', 'can']);
  });

  for (const [name, fn] of helpers) {
    if (name === 'indexedDbStore' || name === 'indexedDbDrafts') continue; // below, with cleanup
    it(`${name}(…anything)`, async () => {
      await fc.assert(fc.asyncProperty(anyArgs, (args) => onlyStrErrors(() => fn(...args()))), { numRuns: 150 });
    });
  }

  it('indexedDbStore / indexedDbDrafts with any options', async () => {
    await fc.assert(
      fc.asyncProperty(anyInput, async (input) => {
        for (const make of [sdk.indexedDbStore, sdk.indexedDbDrafts]) {
          await onlyStrErrors(() => {
            const s = make(materialise(input) as never);
            s.close?.();
          });
        }
      }),
      { numRuns: 50 },
    );
  });

  const client = createClient({ store: memoryStore(), drafts: memoryDrafts(), actor: { id: 'fuzz', role: 'care-coordinator' } });
  const namespaces = ['contacts', 'serviceUsers', 'workers', 'carePlans', 'goals', 'tasks', 'progressNotes', 'warningSignPlans', 'signChecks', 'alerts', 'careTeams', 'caseload', 'drafts'] as const;
  for (const ns of namespaces) {
    for (const [method, fn] of Object.entries(client[ns]) as [string, (...a: unknown[]) => unknown][]) {
      it(`client.${ns}.${method}(…anything)`, async () => {
        await fc.assert(fc.asyncProperty(anyArgs, (args) => onlyStrErrors(() => fn(...args()))), { numRuns: 200 });
      });
    }
  }
  for (const method of ['subscribe', 'can', 'signOut'] as const) {
    it(`client.${method}(…anything)`, async () => {
      await fc.assert(
        fc.asyncProperty(anyArgs, (args) =>
          onlyStrErrors(() => {
            const r = (client[method] as (...a: unknown[]) => unknown)(...args());
            if (typeof r === 'function') r(); // unsubscribe
            return method === 'signOut' ? undefined : r;
          }),
        ),
        { numRuns: 200 },
      );
    });
  }

  for (const store of [memoryStore()]) {
    for (const method of ['get', 'list', 'put', 'history'] as const) {
      it(`memoryStore().${method}(…anything)`, async () => {
        await fc.assert(fc.asyncProperty(anyArgs, (args) => onlyStrErrors(() => (store[method] as (...a: unknown[]) => unknown)(...args()))), { numRuns: 200 });
      });
    }
  }
});
