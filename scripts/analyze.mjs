// Writes packages/components/custom-elements.json from the JSDoc (it must run inside the components workspace), as
// scripts/cem.config.mjs shapes it: the published package's public API, event types and shipped module paths. Then
// generates the editor data, JSX types and React wrappers from it (scripts/integrations.mjs).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { generateIntegrations } from './integrations.mjs';

const root = resolve(import.meta.dirname, '..');
const r = spawnSync(
  process.execPath,
  [resolve(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--config', resolve(root, 'scripts/cem.config.mjs')],
  { cwd: resolve(root, 'packages/components'), stdio: ['ignore', 'ignore', 'inherit'] },
);
if (r.status !== 0) process.exit(r.status ?? 1);
await generateIntegrations();
