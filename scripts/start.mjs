// `npm start`: the example page from the TypeScript sources, rebuilt on every change, on 127.0.0.1 under the same
// strict CSP and Trusted Types as ever (scripts/serve.mjs). esbuild bundles examples/main.ts with the `strkit-source`
// export condition, so no package is built first: the page is up in seconds, not after a full production build
// (`npm run build` still makes that). Reload the page to see a change. `--fhir` also starts the FHIR engine.
import { context } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, '.tmp/start/dist');
mkdirSync(dist, { recursive: true });

let first = true;
let built;
const firstBuild = new Promise((ok) => (built = ok));
const report = {
  name: 'report',
  setup(build) {
    let t0 = 0;
    build.onStart(() => void (t0 = performance.now()));
    build.onEnd((result) => {
      const ms = Math.round(performance.now() - t0);
      if (result.errors.length) console.log(`Build failed (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}); fix and save to rebuild.`);
      else console.log(first ? `Built the example page from sources in ${ms} ms.` : `Rebuilt in ${ms} ms: reload the page.`);
      first = false;
      built();
    });
  },
};

const ctx = await context({
  entryPoints: [resolve(root, 'examples/main.ts')],
  outfile: resolve(dist, 'main.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  // es2022 lowers the Lit decorators (the nearest tsconfig turns on experimentalDecorators).
  target: 'es2022',
  conditions: ['strkit-source'],
  sourcemap: true,
  logLevel: 'warning',
  plugins: [report],
});
// watch() makes the first build itself, then one on every change.
await ctx.watch();
await firstBuild;

// The server serves /dist/ from this build instead of examples/dist/ (the production build's output).
process.env.STRKIT_EXAMPLE_DIST = dist;
await import('./serve.mjs');
process.on('exit', () => void ctx.dispose());
