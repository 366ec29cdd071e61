// What a host pays, measured as a vendor would: an app importing from the `npm pack` output, bundled by esbuild
// (minified, code splitting on, so a lazy import() is a chunk loaded on first use), then gzip -9 per file. Each case
// prints a per-dependency breakdown of its first load from esbuild's metafile.
// `node scripts/budgets.mjs` builds, packs and prints; `npm test` runs the same through scripts/test.mjs.
import { build as esbuild } from 'esbuild';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { consumerDir, build, packAndUnpack } from './pack.mjs';

// String literals only the FHIR adapter's code holds (fhir-store.ts, http.ts, systems.ts), so they survive minifying.
const FHIR_MARKERS = ['if-none-exist', 'application/fhir+json', 'https://fhir.nhs.uk/Id/nhs-number'];

const define = (tag) => `import '@strkit/components/define/${tag}.js';`;

/**
 * Each case: what the app imports, its gzip budget in KiB, and strings that must not be in the output. Each budget is
 * just above what the per-module build reaches (before → after in docs/adr/0009-sdk-entry-points.md): the issue's
 * aims, 30 KiB a widget and 45 KiB the first load, wait for lazy loading of the virtualizer and secondary views.
 * Raised once when issue 17 landed: every widget now checks input with the SDK's own `inputIssues` (the contact log
 * too, which brings zod and the schemas into it: 30.5 → 43.6 KiB) and shares the full-device guard, and batch pushes
 * (issue 16) grew the client. A zod-free input check or a lazily loaded one is how the contact log gets back to 31.
 * Issue 16's robustness added the IndexedDB layout module (device marker, layout-1 outbox migration) and the notice
 * of records made by a newer STR Kit: relapse signs 40.1, first load 88.2 → 41 and 89.
 * Issue 17's size limits (docs/adr/0013-size-limits.md) build the client from module functions over its core, whose
 * member names a minifier cannot shorten, and validation messages say in words what is wrong: createClient 30 → 31.
 * Issue 19 (docs/adr/0015-zod-free-input-check.md): the widgets check input without zod, and every budget below is set
 * just above what that build measures. The issue's aims are still missed, and why:
 * - one widget ≤ 30 KiB: contact log 33.6 (the virtualizer, 5.6 KiB of it, loads even for three contacts until issue 18
 *   makes it a lazy import; the rest is the widget's own code, 13.3, and Lit), care plan 32.0 (its review view is
 *   still in the first load), relapse signs 33.0 (the plan editor loads on first use; the trend, about 1.4 KiB, does
 *   not yet). relapse check, trend, plan and inbox are within it.
 * - first load ≤ 45 KiB: 91.8. It holds `createClient`, which parses every write and read with zod (about 10 KiB) and
 *   carries the client, rules and stores (26 KiB), and the components' own code (40 KiB); the zod-free checker adds
 *   2.8 KiB here on top of zod. Meeting it needs the client off zod, lazy views and a lighter contact log together.
 */
export const CASES = [
  { name: 'isValidNhsNumber alone', code: `export { isValidNhsNumber } from '@strkit/sdk';`, kib: 1 },
  {
    name: 'createClient + memoryStore',
    code: `export { createClient, memoryStore } from '@strkit/sdk';`,
    // Issue 20: rule reasons and field issues carry codes and params for words in any language: 30.6 → 31.5.
    // Issue 21 (ADR 0023): client.caseload.summary and its rules (about 4 KiB gzip on their own): 35.5 measured. A lazy
    // import() of them was measured and is worse: esbuild makes every import() target an entry before tree-shaking,
    // so the code it shares stays in every app's first load (isValidNhsNumber alone 0.3 → 6.9, each widget +4.6–6.2).
    // A separate entry point would take summary off the client (the lead's choice, in the ADR).
    // Issue 22 (ADR 0025): the three staff record types in the registry every store parses: 35.5 → 36.2. Their
    // client namespaces and the team summary (about 2.5 KiB gzip) are `teamClient(client)`, outside createClient.
    // Issue 23 (ADR 0027): key contacts and referrals in the registry: 37.2. Their write schemas, rules and namespaces
    // are `pathwayClient(client)`'s, outside createClient.
    kib: 37.3,
    absent: FHIR_MARKERS,
  },
  // Issue 17's splits into controllers and render modules (ADR 0008, 0010) read shared state objects whose property
  // names a minifier cannot shorten, where the old classes had #private fields: contact log 43.7 → 44.8, care plan
  // 38.4 → 40.0, first load 87.2 → 91.9. Issue 19's lazy loading and a zod-free input check must win this back.
  // Issue 19 (ADR 0015): the widgets check input with a zod-free checker, so no widget carries zod: contact log
  // 44.8 → 36.8, care plan 40.0 → 32.0, relapse signs 41.6 → 33.6, relapse plan 31.7 → 23.7.
  // Measured with code splitting since, as a vendor's bundler does: what an `import()` loads is a chunk fetched on
  // first use, reported beside the first load. Issue 18: the contact log's virtualizer is such an import, loaded when
  // a history is first drawn.
  // Issue 18's first rows (ADR 0022): starts read by instantOf, not Date.parse, and no re-sort of an ordered list:
  // contact log 29.3 → 30.1, first load 89.8 → 90.5.
  // Issue 20's localisation (ADR 0020): each widget now carries its en-GB catalogue, the l10n machinery (LocaleController,
  // Intl formats, the shared words) and a lazy loader per language (Welsh is a chunk fetched only when asked for).
  // Raised then to contact log 30.5 → 34.5, relapse signs 35 → 41, check 23 → 28.5, trend 15 → 20.5, plan 22 → 27,
  // inbox 15 → 19.5, first load 92 → 99, issue 19's first load 87 → 93. (Before that build the first-load lines measured
  // a Welsh chunk, not the app: esbuild lists every lazy import() as an entry point; `measure` now finds the app.)
  // Won back since (ADR 0020, "Revision"): the one relapse catalogue is split per element with a shared `relapse`
  // one, so an element no longer ships the other elements' English; the plan editor's skip link joins the plan's
  // catalogue; the controller drops duration() and list(), which no widget uses. Measured before → after, gzip KiB:
  // relapse check 28.0 → 26.3, trend 20.2 → 17.7, plan 26.6 → 24.4, inbox 19.3 → 16.7, relapse signs 40.7 → 40.7,
  // contact log 34.0 → 33.8, care plan 34.2 → 34.0, first load 98.7 → 98.4, issue 19's first load 92.8 → 90.9; each
  // budget set just above. Still over the pre-localisation budgets, and why: every widget carries the l10n machinery
  // and the `common` words (2.2 KiB, measured for the care plan above) and its own en-GB words, which the budgets
  // before issue 20 had no room for:
  // check +3.3 over 23, trend +2.7 over 15, plan +2.4 over 22, inbox +1.7 over 15, contact log +3.3 over 30.5.
  // <str-relapse-signs> (+5.7 over 35) shows every view, so it carries all six relapse catalogues; the first loads
  // (+6.4 over 92, +3.9 over 87) carry all of that at once. The rule catalogue's en-GB sentences repeat the SDK's
  // English `text` (the rules chunk is 2.8 KiB minified with its code): sharing them needs the SDK to export them.
  // The care plan's conversion needs list() ("agreed with the person and Jo"), so it is back: +0.1 each, contact log 34.5.
  { name: 'one widget: define/str-contact-log.js', code: define('str-contact-log'), kib: 34.5 },
  // Issue 19 (ADR 0019): the care plan's forms load after the plan is drawn: 32.6 → 31.9 (96.2 → 90.6 KiB min; +2.6 KiB
  // gzip fetched then). Their "Loading the form…" is localised, which brings the l10n machinery (LocaleController,
  // formats, the common words: 2.2 KiB) into the care plan ahead of its own conversion (issue 20), which needs it
  // anyway: 34.1 on this branch. Once the care plan is converted the two share it and the forms' saving stands.
  // Issue 20: the care plan's own words converted (its en-GB catalogue with ids, Said status words, the Welsh loader; the lazy forms' words joined it): 34.2 → 36.4.
  { name: 'one widget: define/str-care-plan.js', code: define('str-care-plan'), kib: 37 },
  // The relapse split (issue 17, ADR 0011) cost <str-relapse-signs> about 1.5 KiB (40 → 41.4): the parts became
  // controllers and render modules the four elements share, and the trend draws its phone lists and the inbox its
  // links. A host that needs one job now loads far less: each of the four has its own line, just above what it weighs.
  { name: 'one widget: define/str-relapse-signs.js', code: define('str-relapse-signs'), kib: 41 },
  // Issue 18's per-sign guards and issue 17's shared base class: relapse check 21.7 → 22.1.
  // The Welsh plural rule for 4 to 10 (catalogue.ts `pluralCategory`), in every widget's l10n machinery: 26.51 (from just under 26.5).
  { name: 'one widget: define/str-relapse-check.js', code: define('str-relapse-check'), kib: 26.6 },
  { name: 'one widget: define/str-relapse-trend.js', code: define('str-relapse-trend'), kib: 18 },
  // The plan editor loads on first use (issue 19, ADR 0011): relapse plan 23.7 → 21.2 (+4.1 KiB when editing starts),
  // relapse signs 33.6 → 33.0 (+2.8); the editor's helpers shared with the check stay in the first load.
  { name: 'one widget: define/str-relapse-plan.js', code: define('str-relapse-plan'), kib: 25 },
  { name: 'one widget: define/str-alert-inbox.js', code: define('str-alert-inbox'), kib: 17 },
  // Issue 21's caseload: the SDK's caseload rules come with the client it is given, not with the element.
  { name: 'one widget: define/str-caseload.js', code: define('str-caseload'), kib: 17.5 },
  // Issue 22 (ADR 0025): the team lead's view, read-only so far: 37.7. Unlike the caseload, whose summary comes through
  // the client it is given, it imports `teamSummary` (kept off createClient so a worker's first load does not carry
  // it), and with it the SDK's summary rules, the registry and zod (10.6 KiB), which a page with createClient has anyway.
  // Recording supervision and training from its cards: the buttons, drafts and all the forms' words (en-GB source),
  // components 7.6 → 11.3; the forms' checks and drawing load when one is first opened (6.5 KiB gzip with the rest).
  // The staff writes and their zod-free check are SDK code, which esbuild keeps in the first load wherever they are
  // imported, even from a lazy chunk (as measured for createClient above): SDK 13.0 → 16.2. 37.9 → 45.4 in all. A
  // separate SDK entry point for the team lead's writes (like `@strkit/sdk/indexeddb`) would take about 3 KiB back.
  // Reallocating from a card (ADR 0026): its button, draft and words, 45.4 → 46.4 (its checks load with the forms);
  // the review's fixes (a later open wins, drafts kept across a change of actor, escaped selectors): 46.8.
  // Issue 23's two record types in the registry the team summary reads through (ADR 0027): 47.6.
  { name: 'one widget: define/str-team.js', code: define('str-team'), kib: 47.7 },
  // Issue 23's care pathway (ADR 0027): it imports pathwayClient, whose writes parse with the SDK's zod schemas, and the
  // zod-free pathway check for its forms; with its en-GB words: 36.7 at its first commit (zod 6.7 of it, which a page with
  // createClient has anyway). Changing a contact and recording a referral's progress (their forms, checks and words): 38.2.
  // An independent review's fixes (a draft keeps only what was typed, a form closes when its record changes, the person
  // is checked before a save): 38.7.
  { name: 'one widget: define/str-care-pathway.js', code: define('str-care-pathway'), kib: 39 },
  {
    name: 'first load: provider, contact log, care plan, relapse signs, createClient, indexedDbStore',
    code: ['str-provider', 'str-contact-log', 'str-care-plan', 'str-relapse-signs'].map(define).join('\n') +
      `\nexport { createClient } from '@strkit/sdk';\nexport { indexedDbStore } from '@strkit/sdk/indexeddb';`,
    // The zod-free checker adds about 2.8 KiB here (91.9 → 94.7), where createClient brings zod anyway (ADR 0015).
    // Issue 19 (ADR 0019): the care plan's forms after first paint, 89.8 → 88.8 measured without their localised
    // loading words, 90.9 with them (the l10n machinery, 2.1 KiB, which the care plan's conversion brings anyway).
    // zod and the record schemas are still here (about 10 KiB zod + 4 KiB schemas gzip): see ADR 0019 for the way out.
    // Issue 18's instantOf (ADR 0022): +0.7. Issue 20: 99, then 98.4 once the relapse catalogue was split (above); the
    // care plan's conversion (its catalogue and words): +4.3, measured on its own branch as 98.7 → 103.0.
    // Issue 21's caseload summary on the client (ADR 0023): +3.3 on its own branch (98.7 → 102.0). All three together
    // (node scripts/budgets.mjs after merging them): 106.5. Issue 22's staff record types in the registry: 107.0.
    // Issue 23's key contacts and referrals in the registry (ADR 0027): 108.1.
    kib: 108.2,
    absent: FHIR_MARKERS,
  },
  {
    // The first load as issue 19 defines it: the relapse check, the element a worker opens most, not the whole
    // <str-relapse-signs>. Added by issue 19 (ADR 0019) at 85.3 KiB; the aim is 45. Issue 20: 93, then 90.9 (above);
    // the care plan's conversion: +3.8 (92.8 → 96.6 on its own branch).
    name: 'first load (issue 19): provider, contact log, care plan, relapse check, createClient, indexedDbStore',
    code: ['str-provider', 'str-contact-log', 'str-care-plan', 'str-relapse-check'].map(define).join('\n') +
      `\nexport { createClient } from '@strkit/sdk';\nexport { indexedDbStore } from '@strkit/sdk/indexeddb';`,
    // Issue 21's caseload summary (ADR 0023): +3.3 on its own branch (92.8 → 96.1). All three together: 98.2.
    // Issue 22's staff record types in the registry (ADR 0025): 98.8. The care team's reason, the Welsh 4–10 rule and
    // the caseload's "new to you" (ADR 0026), each a few dozen bytes in the client or the l10n machinery: 99.1.
    // Issue 23's key contacts and referrals in the registry every store parses (ADR 0027): 99.9.
    kib: 100,
    absent: FHIR_MARKERS,
  },
];

/** Groups esbuild outputs' bytes by package (the last node_modules segment), largest first. */
function breakdown(outputs) {
  const byPackage = new Map();
  for (const output of outputs) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const key = m ? m[1] : '(app)';
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage].sort((a, b) => b[1] - a[1]);
}

/**
 * Bundles one case from the packed packages as a vendor's app would, with code splitting: what a dynamic `import()`
 * loads becomes a chunk fetched on first use. The first load is the entry and every chunk it imports statically, each
 * file gzipped on its own as a browser fetches it; the rest is reported as loaded on demand. Returns gzip and
 * minified bytes of the first load, the lazy chunks, the breakdown of the first load, and all the text (for `absent`).
 */
export async function measure(code) {
  const result = await esbuild({
    stdin: { contents: code, resolveDir: consumerDir, sourcefile: 'app.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: resolve(consumerDir, 'measure'),
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const meta = result.metafile.outputs;
  const files = new Map(result.outputFiles.map((f) => [relative(process.cwd(), f.path), f.contents]));
  // The app itself: every lazy import() is an entry point in esbuild's metafile too (the Welsh catalogues, the forms).
  const entry = Object.keys(meta).find((k) => meta[k].entryPoint?.endsWith('app.js') && k.endsWith('.js'));
  const first = new Set();
  const visit = (k) => {
    if (first.has(k)) return;
    first.add(k);
    for (const i of meta[k].imports) if (i.kind === 'import-statement' && meta[i.path]) visit(i.path);
  };
  visit(entry);
  const sizeOf = (keys) => keys.reduce((a, k) => ({ min: a.min + files.get(k).length, gzip: a.gzip + gzipSync(files.get(k), { level: 9 }).length }), { min: 0, gzip: 0 });
  const js = Object.keys(meta).filter((k) => k.endsWith('.js'));
  const lazy = js.filter((k) => !first.has(k));
  return {
    ...sizeOf([...first]),
    lazy: { chunks: lazy.length, ...sizeOf(lazy) },
    breakdown: breakdown([...first].map((k) => meta[k])),
    text: js.map((k) => Buffer.from(files.get(k)).toString('utf8')).join('\n'),
  };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** Measures every case; `check(name, ok)` records each result. Never skips: a failed build or pack is a failure. */
export async function runBudgets(check, { rebuild = true } = {}) {
  try {
    if (rebuild) build();
    packAndUnpack();
  } catch (e) {
    console.log(`  ${e.message}`);
    check('packages build and pack for the budgets', false);
    return;
  }
  for (const c of CASES) {
    let m;
    try {
      m = await measure(c.code);
    } catch (e) {
      console.log(`  ${c.name}: esbuild failed: ${e.message}`);
      check(`${c.name}: bundles from the packed packages`, false);
      continue;
    }
    const later = m.lazy.chunks ? `; on first use, ${m.lazy.chunks} more chunk${m.lazy.chunks === 1 ? '' : 's'}: ${kib(m.lazy.gzip)} gzip` : '';
    console.log(`  ${c.name}: ${kib(m.gzip)} gzip (${kib(m.min)} min) of ${c.kib} KiB${later}`);
    // Each package's share of the minified output, and the same share of the gzip figure (gzip is not additive).
    for (const [pkg, bytes] of m.breakdown) console.log(`      ${pkg.padEnd(28)} ${kib(bytes).padStart(10)} min  ~${kib((m.gzip * bytes) / m.min).padStart(9)} gzip`);
    check(`${c.name} within ${c.kib} KiB gzip (is ${kib(m.gzip)})`, m.gzip <= c.kib * 1024);
    for (const marker of c.absent ?? []) {
      const found = m.text.includes(marker);
      if (found) console.log(`      carries FHIR adapter code: "${marker}"`);
      check(`${c.name} carries no FHIR adapter code (${marker})`, !found);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = 0;
  await runBudgets((name, ok) => {
    if (!ok) {
      failed++;
      console.log(`  ✗ ${name}`);
    }
  }, { rebuild: !process.argv.includes('--no-build') });
  process.exit(failed ? 1 : 0);
}
