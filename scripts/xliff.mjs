// `npm run xliff`: writes every catalogue as XLIFF 1.2 to l10n/xliff/ (en-GB source, the shipped translation as
// target) for translators (docs/i18n/README.md, "For a translator"). The catalogues are TypeScript: esbuild bundles
// test/l10n/xliff.ts with them for Node first. test/l10n/xliff.test.ts fails when the files are out of step.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = resolve(import.meta.dirname, '..');
const out = join(repo, 'l10n', 'xliff');
const tmp = join(repo, '.tmp', 'xliff');
mkdirSync(tmp, { recursive: true });
const bundle = join(tmp, `export-${process.pid}.mjs`);
await build({
  stdin: {
    contents: "import { ALL_CATALOGUES } from './test/l10n/catalogues.ts'; import { xliffFiles } from './test/l10n/xliff.ts'; export default () => xliffFiles(ALL_CATALOGUES);",
    resolveDir: repo,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: bundle,
  logLevel: 'warning',
});
try {
  const files = await (await import(pathToFileURL(bundle).href)).default();
  mkdirSync(out, { recursive: true });
  for (const old of readdirSync(out)) if (old.endsWith('.xlf') && !(old in files)) rmSync(join(out, old));
  for (const [name, xliff] of Object.entries(files)) writeFileSync(join(out, name), xliff);
  console.log(`l10n/xliff/: ${Object.keys(files).length} files (${Object.keys(files).join(', ')})`);
} finally {
  rmSync(bundle, { force: true });
}
