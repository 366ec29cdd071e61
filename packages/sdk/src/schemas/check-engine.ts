// A zod-free checker with zod/mini's parse rules, for the input checks the widgets run before they send anything
// (docs/adr/0015-zod-free-input-check.md). It mirrors only what the input schemas use, and does it the way zod 4
// does: which checks still run after an earlier issue (`continue`, `when`), issue order, paths, the array size cap
// and the message each issue takes (the check's own, else its schema's, else "Invalid input"). The equivalence test
// (input-check.test.ts) compares it with the zod schemas over many inputs, so the two cannot drift apart unseen.
import type { FieldIssue } from '../errors.js';

/** One issue as zod reports it; `cont` is zod's `continue`: true lets later checks run, false stops even `when` ones. */
export interface Issue {
  path: PropertyKey[];
  readonly code: string;
  readonly message: string;
  readonly keys?: readonly string[];
  readonly cont?: boolean;
  /** The limit or form the issue is about, as zod reports it (issue 20: words in any language); never the value. */
  readonly params?: FieldIssue['params'];
}
export interface Payload {
  value: unknown;
  readonly issues: Issue[];
}
export interface Checker {
  run(p: Payload): void;
  /** `z.optional`: an absent key is not checked at all. */
  readonly optional?: boolean;
  /** The values a literal or enum allows (a discriminated union picks its option by them). */
  readonly values?: ReadonlySet<unknown>;
}
export interface Check {
  /** zod's `when`: the check runs after a non-fatal issue if this says so (length checks). */
  readonly when?: (p: Payload) => boolean;
  readonly max?: number;
  check(p: Payload, message: string): void;
}

const INVALID = 'Invalid input';
const add = (p: Payload, code: string, message: string, cont?: boolean, path: PropertyKey[] = [], params?: FieldIssue['params']) => {
  p.issues.push({ path, code, message, ...(cont === undefined ? {} : { cont }), ...(params ? { params } : {}) });
};
/** zod's `origin` of a length issue: what was measured. */
const lengthOrigin = (p: Payload) => (typeof p.value === 'string' ? 'string' : Array.isArray(p.value) ? 'array' : 'unknown');
const aborted = (issues: readonly Issue[], from = 0) => issues.slice(from).some((i) => i.cont !== true);
const explicitlyAborted = (issues: readonly Issue[]) => issues.some((i) => i.cont === false);
const prefixed = (key: PropertyKey, issues: readonly Issue[]) => issues.map((i) => ({ ...i, path: [key, ...i.path] }));
const fresh = (value: unknown): Payload => ({ value, issues: [] });
const isObject = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** zod's `util.isPlainObject`, which records use. */
function isPlainObject(o: unknown): o is Record<PropertyKey, unknown> {
  if (!isObject(o)) return false;
  const ctor = o.constructor as unknown;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prot = (ctor as { prototype?: unknown }).prototype;
  if (!isObject(prot)) return false;
  return Object.prototype.hasOwnProperty.call(prot, 'isPrototypeOf');
}

function runChecks(p: Payload, checks: readonly Check[], message: string) {
  let isAborted = aborted(p.issues);
  for (const ch of checks) {
    if (ch.when) {
      if (explicitlyAborted(p.issues) || !ch.when(p)) continue;
    } else if (isAborted) continue;
    const before = p.issues.length;
    ch.check(p, message);
    if (!isAborted) isAborted = aborted(p.issues, before);
  }
}

/** A schema: its own parse, then its checks, as zod's `_zod.run` does. */
const typed = (parse: (p: Payload, message: string) => void, error: string | undefined, checks: readonly Check[] = []): Checker => ({
  run(p) {
    const message = error ?? INVALID;
    parse(p, message);
    runChecks(p, checks, message);
  },
});

// Checks.
const hasLength = (p: Payload) => p.value !== null && p.value !== undefined && (p.value as { length?: unknown }).length !== undefined;
/** zod 4.6 counts a string in code points (a surrogate pair is one), anything else by its `length`. */
function lengthOf(p: Payload): number {
  const v = p.value as { length: number };
  if (typeof v !== 'string') return v.length;
  let n = v.length;
  for (let i = 0; i < v.length - 1; i++) {
    if ((v.charCodeAt(i) & 0xfc00) === 0xd800 && (v.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}
export const maxLength = (max: number, error?: string): Check => ({
  when: hasLength,
  max,
  check: (p, m) => !(lengthOf(p) <= max) && add(p, 'too_big', error ?? m, true, [], { maximum: max, origin: lengthOrigin(p) }),
});
export const minLength = (min: number, error?: string): Check => ({
  when: hasLength,
  check: (p, m) => !(lengthOf(p) >= min) && add(p, 'too_small', error ?? m, true, [], { minimum: min, origin: lengthOrigin(p) }),
});
export const trim = (): Check => ({ check: (p) => void (p.value = (p.value as string).trim()) });
export const refine = <T>(ok: (value: T) => boolean, error?: string, path: PropertyKey[] = []): Check => ({
  check: (p, m) => !ok(p.value as T) && add(p, 'custom', error ?? m, true, path),
});
export const gte = (min: number, error?: string): Check => ({
  check: (p, m) => !(min <= (p.value as number)) && add(p, 'too_small', error ?? m, true, [], { minimum: min, origin: 'number' }),
});
export const lte = (max: number, error?: string): Check => ({
  check: (p, m) => !(max >= (p.value as number)) && add(p, 'too_big', error ?? m, true, [], { maximum: max, origin: 'number' }),
});
const pattern = (re: RegExp, format: string): Check => ({ check: (p, m) => !re.test(p.value as string) && add(p, 'invalid_format', m, true, [], { format }) });
const safeInt: Check = {
  check(p, m) {
    const v = p.value as number;
    if (!Number.isInteger(v)) add(p, 'invalid_type', m, false);
    else if (v > 0 ? v > Number.MAX_SAFE_INTEGER : v < Number.MIN_SAFE_INTEGER)
      add(p, v > 0 ? 'too_big' : 'too_small', m, true, [], v > 0 ? { maximum: Number.MAX_SAFE_INTEGER, origin: 'int' } : { minimum: Number.MIN_SAFE_INTEGER, origin: 'int' });
  },
};

// Schemas.
export const string = (error?: string, ...checks: Check[]) =>
  typed((p, m) => typeof p.value !== 'string' && add(p, 'invalid_type', m), error, checks);
/** `format` is zod's name for the pattern (`uuid`, `date`, `datetime`), carried in the issue's params. */
export const stringFormat = (re: RegExp, format: string, error?: string, ...checks: Check[]) => string(error, pattern(re, format), ...checks);
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
export const number = (error?: string, ...checks: Check[]) => typed((p, m) => !isNumber(p.value) && add(p, 'invalid_type', m), error, checks);
export const int = (error?: string, ...checks: Check[]) => number(error, safeInt, ...checks);
export const boolean = (error?: string) => typed((p, m) => typeof p.value !== 'boolean' && add(p, 'invalid_type', m), error);

/** `z.enum` and `z.literal`: one of these values. */
export const oneOf = (list: readonly unknown[], error?: string): Checker => {
  const values = new Set(list);
  return { ...typed((p, m) => !values.has(p.value) && add(p, 'invalid_value', m), error), values };
};
/** `z.union`: the first option that takes the value, else one issue. */
export const union = (options: readonly Checker[], error?: string) =>
  typed((p, m) => {
    for (const o of options) {
      const r = fresh(p.value);
      o.run(r);
      if (!r.issues.length) return void (p.value = r.value);
    }
    add(p, 'invalid_union', m);
  }, error);
export const optional = (inner: Checker): Checker => ({ run: (p) => p.value !== undefined && inner.run(p), optional: true });
export const nullable = (inner: Checker): Checker => ({ run: (p) => p.value !== null && inner.run(p) });

/** `z.array`; an array over its `maxLength` is refused whole before its items are read, as zod 4.6 does. */
export const array = (item: Checker, ...checks: Check[]) => {
  const caps = checks.filter((c) => c.max !== undefined);
  return typed((p, m) => {
    const input = p.value;
    if (!Array.isArray(input)) return add(p, 'invalid_type', m);
    const over = caps.find((c) => input.length > c.max! && c.when!(p));
    if (over) {
      over.check(p, m);
      p.issues[p.issues.length - 1] = { ...p.issues[p.issues.length - 1]!, cont: false };
      return;
    }
    p.value = input.map((v, i) => {
      const r = fresh(v);
      item.run(r);
      p.issues.push(...prefixed(i, r.issues));
      return r.value;
    });
  }, undefined, checks);
};

/** `z.object` (`strict`: `z.strictObject`, which names every unknown key, inherited ones too). */
export const object = (shape: Readonly<Record<string, Checker>>, strict = false, error?: string): Checker =>
  typed((p, m) => {
    const input = p.value;
    if (!isObject(input)) return add(p, 'invalid_type', m);
    const out: Record<string, unknown> = {};
    for (const [key, el] of Object.entries(shape)) {
      const r = fresh(input[key]);
      el.run(r);
      const present = key in input;
      if (!present && el.optional) continue;
      p.issues.push(...prefixed(key, r.issues));
      if (!present && !el.optional && !r.issues.length) add(p, 'invalid_type', INVALID, undefined, [key]);
      out[key] = r.value;
    }
    const unknown: string[] = [];
    if (strict) for (const key in input) if (!Object.prototype.hasOwnProperty.call(shape, key)) unknown.push(key);
    if (unknown.length) p.issues.push({ path: [], code: 'unrecognized_keys', message: INVALID, keys: unknown, cont: true });
    p.value = out;
  }, error);

/** `z.discriminatedUnion`: the option whose `key` literal matches, else one issue at that key. */
export const discriminatedUnion = (key: string, options: readonly Checker[], error?: string): Checker => {
  const message = error ?? INVALID;
  const pick = (v: unknown) => options.find((o) => (o as { shape?: Record<string, Checker> }).shape?.[key]?.values?.has(v));
  return {
    run(p) {
      if (!isObject(p.value)) return add(p, 'invalid_type', message);
      const option = pick(p.value[key]);
      if (option) return option.run(p);
      add(p, 'invalid_union', message, undefined, [key]);
    },
  };
};
/** An object option of a discriminated union, which keeps its shape so the union can pick it. */
export const variant = (shape: Readonly<Record<string, Checker>>): Checker => ({ ...object(shape), shape } as Checker);

const NUMERIC = /^-?\d+(?:\.\d+)?$/;
/** `z.record` / `z.partialRecord` over own enumerable keys (symbols too); an enum key set names unknown keys. */
export const record = (keyOf: Checker, value: Checker) =>
  typed((p, m) => {
    const input = p.value;
    if (!isPlainObject(input)) return add(p, 'invalid_type', m);
    const unknown: string[] = [];
    for (const key of Reflect.ownKeys(input)) {
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
      let k = fresh(key);
      keyOf.run(k);
      if (k.issues.length && typeof key === 'string' && NUMERIC.test(key)) {
        const retry = fresh(Number(key));
        keyOf.run(retry);
        if (!retry.issues.length) k = retry;
      }
      if (k.issues.length) {
        if (keyOf.values) unknown.push(key as string);
        else add(p, 'invalid_key', INVALID, undefined, [key]);
        continue;
      }
      const r = fresh(input[key]);
      value.run(r);
      p.issues.push(...prefixed(key, r.issues));
    }
    if (unknown.length) p.issues.push({ path: [], code: 'unrecognized_keys', message: INVALID, keys: unknown, cont: true });
  }, undefined);

const pathOf = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === 'symbol' ? p.description ?? '?' : String(p))).join('.');

/** Issues → field issues a person can act on; an unknown field is named, one issue each, at its own path. */
export function fieldIssuesOf(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly code: string; readonly message: string; readonly keys?: readonly string[]; readonly params?: FieldIssue['params'] }[],
): FieldIssue[] {
  return issues.flatMap((i): FieldIssue[] =>
    i.code === 'unrecognized_keys'
      ? (i.keys ?? []).map((key) => ({ path: pathOf([...i.path, key]), code: i.code, message: `Remove the field “${key}”: it is not one this record has`, params: { key } }))
      : [{ path: pathOf(i.path), code: i.code, message: i.message, ...(i.params ? { params: i.params } : {}) }],
  );
}
