// `npm run bench`: runs every bench/*.bench.ts in headless Chromium and prints one table.
// `npm run bench -- stores` runs only the files whose name contains "stores" (`fhir`: only fhir.bench.ts).
// A second word is passed to the benchmark as ?only=… (`npm run bench -- sync-fhir clean`: no fault battery).
// The machine's load average is printed with the figures (at the start and the end), so a reader knows how noisy they are.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromiumArgs, chromiumPath, NO_BROWSER_MESSAGE } from '../scripts/chromium.mjs';
import { startFhirServer } from '../scripts/fhir-server-process.mjs';

const root = resolve(import.meta.dirname, '..');
const filter = process.argv[2];
const only = process.argv[3] ?? '';
const all = readdirSync(resolve(root, 'bench')).filter((f) => f.endsWith('.bench.ts'));
// A filter that names a file exactly (`fhir` → fhir.bench.ts) selects that one: `fhir` must not also run the
// 13-minute sync-fhir.bench.ts. Otherwise every file whose name contains it.
const exact = all.filter((f) => f === `${filter}.bench.ts`);
const files = exact.length > 0 ? exact : all.filter((f) => !filter || f.includes(filter));
const executablePath = chromiumPath();
if (!executablePath) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

const server = await startDevServer({
  config: {
    rootDir: root,
    hostname: '127.0.0.1',
    port: 0,
    nodeResolve: { exportConditions: ['strkit-source', 'browser'] },
    plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: resolve(root, 'tsconfig.base.json') })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const port = server.server.address().port;
// Benchmarks that need a FHIR engine get its base URL as ?fhir=…
const engine = files.some((f) => f.includes('fhir')) ? await startFhirServer() : undefined;
const browser = await puppeteer.launch({ executablePath, headless: true, args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });

const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');
const loadAtStart = load();
const rows = [];
let failed = false;
for (const f of files) {
  process.stderr.write(`running bench/${f}… (${new Date().toISOString()})\n`);
  const page = await browser.newPage();
  // The JS heap, read exactly through the DevTools protocol after collecting garbage (performance.memory is rounded
  // and cached by Chromium, too coarse for a bare virtualizer's few hundred KB): bench/harness.ts heapAdded.
  const cdp = await page.createCDPSession();
  await page.exposeFunction('__strkitHeap', async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, embedderHeapUsedSize } = await cdp.send('Runtime.getHeapUsage');
    return { js: usedSize, dom: embedderHeapUsedSize ?? 0 };
  });
  await page.goto(`http://127.0.0.1:${port}/bench/page.html?file=/bench/${f}${engine ? `&fhir=${encodeURIComponent(engine.baseUrl)}` : ''}&only=${encodeURIComponent(only)}`);
  // Poll from here: one long in-page wait would outlast the protocol's call timeout on slow benchmarks.
  let result;
  while (!(result = await page.evaluate('window.__bench'))) await new Promise((r) => setTimeout(r, 2000));
  if (!result.ok) {
    failed = true;
    console.error(`bench/${f} failed:\n${result.error}`);
  } else rows.push(...result.rows);
  await page.close();
}
const version = await browser.version();
await browser.close();
await server.stop();
engine?.child.kill();

const fmt = (n, d = 1) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
const header = ['benchmark', 'median', 'per second', 'baseline (same run)', 'baseline median', 'ratio', 'target', 'runs'];
const table = rows.map((r) => [
  r.name,
  r.items ? `${fmt(r.candidateMs, r.candidateMs < 10 ? 2 : 1)} ms` : fmt(r.candidateMs, 2),
  r.items ? `${fmt((r.items / r.candidateMs) * 1000, 0)}` : '',
  r.baselineName,
  r.items ? `${fmt(r.baselineMs, r.baselineMs < 10 ? 2 : 1)} ms` : fmt(r.baselineMs, 2),
  `${fmt(r.ratio, 2)}×`,
  r.target ? `≤ ${fmt(r.target, 2)}× ${r.ratio <= r.target ? 'met' : 'MISSED'}` : '',
  String(r.runs),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`\n${version} · ${new Date().toISOString()} · load average (1, 5, 15 min) at start ${loadAtStart}, at end ${load()}`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line(row));
for (const r of rows.filter((x) => x.extra)) console.log(`  ${r.name}: ${r.extra}`);
process.exit(failed ? 1 : 0);
