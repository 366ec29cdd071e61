// What a host pays, measured as a vendor would: an app importing from the `npm pack` output, bundled by esbuild
// (minified), then gzip -9. Each case prints a per-dependency breakdown from esbuild's metafile.
// `node scripts/budgets.mjs` builds, packs and prints; `npm test` runs the same through scripts/test.mjs.
import { build as esbuild } from 'esbuild';
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
 */
export const CASES = [
  { name: 'isValidNhsNumber alone', code: `export { isValidNhsNumber } from '@strkit/sdk';`, kib: 1 },
  {
    name: 'createClient + memoryStore',
    code: `export { createClient, memoryStore } from '@strkit/sdk';`,
    kib: 31,
    absent: FHIR_MARKERS,
  },
  // Issue 17's splits into controllers and render modules (ADR 0008, 0010) read shared state objects whose property
  // names a minifier cannot shorten, where the old classes had #private fields: contact log 43.7 → 44.8, care plan
  // 38.4 → 40.0, first load 87.2 → 91.9. Issue 19's lazy loading and a zod-free input check must win this back.
  // Issue 18: the virtualizer loads with import() when a long history is first drawn, so it is left out of what loads up
  // front (measure() splits as a host's bundler does): contact log 45.4 → 36.7, first load 92.8 → 84.6.
  { name: 'one widget: define/str-contact-log.js', code: define('str-contact-log'), kib: 37 },
  { name: 'one widget: define/str-care-plan.js', code: define('str-care-plan'), kib: 41 },
  // The relapse split (issue 17, ADR 0011) cost <str-relapse-signs> about 1.5 KiB (40 → 41.4): the parts became
  // controllers and render modules the four elements share, and the trend draws its phone lists and the inbox its
  // links. A host that needs one job now loads far less: each of the four has its own line, just above what it weighs.
  { name: 'one widget: define/str-relapse-signs.js', code: define('str-relapse-signs'), kib: 42 },
  { name: 'one widget: define/str-relapse-check.js', code: define('str-relapse-check'), kib: 22 },
  { name: 'one widget: define/str-relapse-trend.js', code: define('str-relapse-trend'), kib: 15 },
  { name: 'one widget: define/str-relapse-plan.js', code: define('str-relapse-plan'), kib: 32 },
  { name: 'one widget: define/str-alert-inbox.js', code: define('str-alert-inbox'), kib: 15 },
  {
    name: 'first load: provider, contact log, care plan, relapse signs, createClient, indexedDbStore',
    code: ['str-provider', 'str-contact-log', 'str-care-plan', 'str-relapse-signs'].map(define).join('\n') +
      `\nexport { createClient } from '@strkit/sdk';\nexport { indexedDbStore } from '@strkit/sdk/indexeddb';`,
    kib: 85,
    absent: FHIR_MARKERS,
  },
];

/** Groups an esbuild output's bytes by package (the last node_modules segment), largest first. */
function breakdown(output) {
  const byPackage = new Map();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = m ? m[1] : '(app)';
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return [...byPackage].sort((a, b) => b[1] - a[1]);
}

/**
 * Bundles one case from the packed packages; returns gzip bytes, minified bytes, the breakdown and the text of what
 * loads up front: the entry and the chunks it imports statically. Code behind a dynamic `import()` (the contact log's
 * virtualizer, issue 18) is split into its own chunk, as a host's bundler does, and loads only when first needed.
 */
export async function measure(code) {
  const result = await esbuild({
    stdin: { contents: code, resolveDir: consumerDir, sourcefile: 'app.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: 'out',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint);
  const upFront = new Set();
  const walk = (k) => {
    if (upFront.has(k)) return;
    upFront.add(k);
    for (const i of outputs[k].imports) if (i.kind === 'import-statement' && outputs[i.path]) walk(i.path);
  };
  walk(entry);
  const files = result.outputFiles.filter((f) => [...upFront].some((k) => f.path.endsWith(`/${k}`) || f.path === k));
  const text = Buffer.concat(files.map((f) => Buffer.from(f.contents))).toString('utf8');
  const inputs = {};
  for (const k of upFront) for (const [path, v] of Object.entries(outputs[k].inputs)) inputs[path] = { bytesInOutput: (inputs[path]?.bytesInOutput ?? 0) + v.bytesInOutput };
  return { min: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length, breakdown: breakdown({ inputs }), text };
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
    console.log(`  ${c.name}: ${kib(m.gzip)} gzip (${kib(m.min)} min) of ${c.kib} KiB`);
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
