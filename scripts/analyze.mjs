// Writes packages/components/custom-elements.json from the JSDoc (it must run inside the components workspace), as
// scripts/cem.config.mjs shapes it: the published package's public API, event types and shipped module paths.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const r = spawnSync(
  process.execPath,
  [resolve(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--config', resolve(root, 'scripts/cem.config.mjs')],
  { cwd: resolve(root, 'packages/components'), stdio: ['ignore', 'ignore', 'inherit'] },
);
process.exit(r.status ?? 1);
