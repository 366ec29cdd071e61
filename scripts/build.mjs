// `npm run build`: rollup (libraries, bundles, example page), the custom elements manifest, then a size report.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const step = (args, cwd = root) => {
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
// Start from empty output folders: chunk names carry a content hash, so an earlier build's chunks would otherwise stay
// in dist/ and ship in the npm tarball (the package lint's "no unreferenced chunk" check fails on them).
for (const dir of ['packages/sdk/dist', 'packages/components/dist', 'examples/dist']) rmSync(resolve(root, dir), { recursive: true, force: true });
step([resolve(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent']);
step([resolve(root, 'scripts/analyze.mjs')]);
step([resolve(root, 'scripts/size.mjs')]);
