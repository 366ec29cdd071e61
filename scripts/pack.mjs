// Both packages as a vendor receives them: `npm pack` tarballs unpacked into .tmp/consumer/node_modules/@strkit/.
// Budgets and consumer tests read only from there, so they see exactly the published files, `exports` and `files`.
// Third-party dependencies (lit, zod, idb, …) resolve from the repository's node_modules, one level up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const consumerDir = resolve(root, '.tmp/consumer');
const PACKAGES = ['sdk', 'components'];

const runOrThrow = (cmd, args, options = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} failed (exit ${r.status}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r.stdout;
};

/**
 * Builds the libraries, script-tag bundles and the components' custom-elements.json (which the package exports),
 * not the example page, so nothing is measured stale, skipped or packed without a file it names.
 */
export function build() {
  // A build over an older one leaves its chunks behind, to be packed and fail the "no unreferenced chunk" check.
  for (const pkg of PACKAGES) rmSync(resolve(root, `packages/${pkg}/dist`), { recursive: true, force: true });
  runOrThrow(process.execPath, [resolve(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], {
    env: { ...process.env, STRKIT_BUILD: 'packages' },
    stdio: 'inherit',
  });
  runOrThrow(process.execPath, [resolve(root, 'scripts/analyze.mjs')], { stdio: 'inherit' });
}

/** Packs both packages and unpacks each tarball as node_modules/@strkit/<name> of the consumer directory. */
export function packAndUnpack() {
  const tarballs = resolve(consumerDir, 'tarballs');
  rmSync(consumerDir, { recursive: true, force: true });
  mkdirSync(tarballs, { recursive: true });
  for (const pkg of PACKAGES) {
    const out = JSON.parse(runOrThrow('npm', ['pack', '--json', '--silent', '--pack-destination', tarballs], { cwd: resolve(root, 'packages', pkg) }));
    const dest = resolve(consumerDir, 'node_modules/@strkit', pkg);
    mkdirSync(dest, { recursive: true });
    runOrThrow('tar', ['-xzf', resolve(tarballs, out[0].filename), '-C', dest, '--strip-components=1']);
  }
  const unpacked = readdirSync(resolve(consumerDir, 'node_modules/@strkit'));
  if (!PACKAGES.every((p) => unpacked.includes(p) && existsSync(resolve(consumerDir, 'node_modules/@strkit', p, 'package.json')))) {
    throw new Error(`npm pack did not yield both packages (got ${unpacked.join(', ')})`);
  }
  return consumerDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--no-build')) build();
  console.log(packAndUnpack());
}
