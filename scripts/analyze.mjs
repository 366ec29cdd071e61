// Writes packages/components/custom-elements.json from the JSDoc (it must run inside the components workspace).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const r = spawnSync(
  process.execPath,
  [resolve(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', 'src/**/*.fixtures.ts', '--outdir', '.'],
  { cwd: resolve(root, 'packages/components'), stdio: ['ignore', 'ignore', 'inherit'] },
);
process.exit(r.status ?? 1);
