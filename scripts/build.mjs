// `npm run build`: rollup (libraries, bundles, example page), the custom elements manifest, then a size report.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const step = (args, cwd = root) => {
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step([resolve(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent']);
step([resolve(root, 'scripts/analyze.mjs')]);
step([resolve(root, 'scripts/size.mjs')]);
