// Package checks on the `npm pack` tarballs (scripts/pack.mjs): publint (what the package.json promises is in the
// tarball and well formed) and Are the Types Wrong with the esm-only profile (every entry point, with its types,
// resolves under node16 ESM and bundler resolution). The packages are ESM only (STYLE.md), so CommonJS and node10
// resolution are out of scope by design.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { consumerDir } from './pack.mjs';

const root = resolve(import.meta.dirname, '..');
const tarball = (pkg) => resolve(consumerDir, 'tarballs', `strkit-${pkg}-0.1.0.tgz`);
// attw does not expand the `./define/*.js` pattern: name each define module.
const defines = readdirSync(resolve(root, 'packages/components/src/define')).filter((f) => f.endsWith('.ts')).map((f) => `./define/${f.replace(/\.ts$/, '.js')}`);

async function lintPublint(pkg) {
  const buffer = readFileSync(tarball(pkg));
  const { messages, pkg: json } = await publint({ pack: { tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) }, level: 'suggestion', strict: true });
  return messages.map((m) => `publint ${m.type}: ${formatMessage(m, json) ?? m.code}`);
}

function lintTypes(pkg) {
  const args = [resolve(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball(pkg), '--profile', 'esm-only', '--format', 'ascii'];
  if (pkg === 'components') args.push('--include-entrypoints', ...defines);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return r.status === 0 ? [] : [`attw --profile esm-only:\n${r.stdout}${r.stderr}`.trim()];
}

/** publint and attw on both tarballs; `check(name, ok)` records each. Expects scripts/pack.mjs to have packed. */
export async function runPackageLint(check) {
  for (const pkg of ['sdk', 'components']) {
    for (const [tool, run] of [['publint', lintPublint], ['attw --profile esm-only', lintTypes]]) {
      let problems;
      try {
        problems = await run(pkg);
      } catch (e) {
        problems = [`${tool} failed: ${e.message}`];
      }
      for (const p of problems) console.log(`  ${p}`);
      const name = `@strkit/${pkg}: ${tool} clean on the npm pack tarball`;
      console.log(`  ${problems.length ? '✗' : '✓'} ${name}`);
      check(name, problems.length === 0);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = 0;
  await runPackageLint((_, ok) => {
    if (!ok) failed++;
  });
  process.exit(failed ? 1 : 0);
}
