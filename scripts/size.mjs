// Bundle-size report: minified and gzip bytes per built entry. `--json` prints the figures for tests and CI.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const ENTRIES = [
  ['@strkit/sdk (script-tag bundle)', 'packages/sdk/dist/bundle/strkit-sdk.min.js'],
  ['@strkit/components (script-tag bundle, SDK and lit inside)', 'packages/components/dist/bundle/strkit-components.min.js'],
  ['example EPR page', 'examples/dist/main.js'],
];

export function sizes() {
  return ENTRIES.filter(([, f]) => existsSync(resolve(root, f))).map(([name, f]) => {
    const buf = readFileSync(resolve(root, f));
    return { name, file: f, min: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = sizes();
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log('\nBundle sizes');
    console.log(`${'entry'.padEnd(62)} ${'min'.padStart(10)} ${'gzip'.padStart(10)}`);
    for (const r of rows) console.log(`${r.name.padEnd(62)} ${kb(r.min).padStart(10)} ${kb(r.gzip).padStart(10)}`);
  }
}
