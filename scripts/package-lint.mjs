// Package checks on the `npm pack` tarballs (scripts/pack.mjs): publint (what the package.json promises is in the
// tarball and well formed) and Are the Types Wrong with the esm-only profile (every entry point, with its types,
// resolves under node16 ESM and bundler resolution). The packages are ESM only (STYLE.md), so CommonJS and node10
// resolution are out of scope by design. The components' custom elements manifest is validated too (lintManifest).
import { validateCem } from '@wc-toolkit/cem-validator';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * The manifest as published: @wc-toolkit/cem-validator with every rule an error (tag names, module and definition
 * paths of the built JS, every type an element's API names exported), except the schema version (the analyzer, 0.11.0,
 * writes 1.0.0); then what the validator leaves out: each module path is a file in the tarball, elements list public
 * instance members only (inherited ones included, from classes a consumer can import), and every event names its own
 * type, not a bare `CustomEvent` (ADR 0012).
 */
export async function lintManifest() {
  const dir = resolve(consumerDir, 'node_modules/@strkit/components');
  const cem = JSON.parse(readFileSync(resolve(dir, 'custom-elements.json'), 'utf8'));
  // The validator accepts only paths without `@`, so it reads a copy of the packed package.json.
  const packageJsonPath = resolve(consumerDir, 'components-package.json');
  writeFileSync(packageJsonPath, readFileSync(resolve(dir, 'package.json')));
  const problems = [];
  const rule = 'error';
  try {
    await validateCem(cem, {
      packageJsonPath,
      rules: {
        packageJson: { packageType: rule, main: rule, module: rule, types: rule, exports: rule, customElementsProperty: rule, publishedCem: rule },
        manifest: { schemaVersion: 'off', modulePath: rule, definitionPath: rule, typeDefinitionPath: rule, exportTypes: rule, tagName: rule },
      },
    });
  } catch (e) {
    problems.push(`cem-validator: ${e.message}`);
  }
  for (const mod of cem.modules) {
    if (!existsSync(resolve(dir, mod.path))) problems.push(`manifest module ${mod.path} is not in the tarball`);
    for (const d of mod.declarations ?? []) {
      if (!d.customElement) continue;
      problems.push(...inheritanceProblems(d, cem));
      for (const m of d.members ?? []) {
        if (m.static || (m.privacy ?? 'public') !== 'public' || /^[#_]/.test(m.name)) problems.push(`${d.name}.${m.name} is not public API but is in the manifest`);
      }
      for (const e of d.events ?? []) {
        if (!e.type?.text || e.type.text === 'CustomEvent') problems.push(`${d.name} event ${e.name} has no detail type in the manifest`);
      }
    }
  }
  return [...problems, ...everyElementEverywhere(dir, cem)];
}

/**
 * Inheritance names only what a consumer can import (another package's class, or one the root exports), and every
 * element but the provider lists `.client`, which it inherits from internal/connected.ts (scripts/cem.config.mjs).
 */
function inheritanceProblems(d, cem) {
  const rootNames = new Set(cem.modules.find((m) => m.path === 'dist/index.js')?.exports?.map((e) => e.name) ?? []);
  const problems = [];
  const inherited = [...(d.members ?? []), ...(d.attributes ?? []), ...(d.events ?? [])].map((x) => x.inheritedFrom);
  for (const ref of [d.superclass, ...inherited]) {
    if (ref && !ref.package && !(ref.module === 'dist/index.js' && rootNames.has(ref.name))) problems.push(`${d.name} inherits from ${ref.name} (${ref.module ?? 'no module'}), which the package does not export`);
  }
  if (d.tagName !== 'str-provider' && !d.members?.some((m) => m.name === 'client')) problems.push(`${d.name} does not list its client property`);
  return problems;
}

/**
 * Each define module in the sources is an element in the packed manifest, exported from the root, with a React
 * wrapper, VS Code data and a web-type: elements are split and added by others, and a define call the manifest plugin
 * cannot read (a tag that is not a literal) would otherwise drop an element from everything generated.
 */
function everyElementEverywhere(dir, cem) {
  const problems = [];
  const read = (path) => (existsSync(resolve(dir, path)) ? readFileSync(resolve(dir, path), 'utf8') : '');
  const [wrappers, vscode, webTypes] = ['dist/react/index.d.ts', 'dist/editor/vscode.html-custom-data.json', 'dist/editor/web-types.json'].map(read);
  const pkg = JSON.parse(read('package.json'));
  const types = webTypes ? JSON.parse(webTypes) : {};
  if (types.name !== pkg.name || types.version !== pkg.version) problems.push(`web-types name ${types.name}@${types.version}, not ${pkg.name}@${pkg.version}`);
  for (const path of defines.map((d) => d.replace(/^\.\//, 'dist/'))) {
    const def = cem.modules.find((m) => m.path === path)?.exports?.find((e) => e.kind === 'custom-element-definition');
    if (!def) {
      problems.push(`${path}: no element definition in the manifest`);
      continue;
    }
    if (def.declaration.module !== 'dist/index.js') problems.push(`<${def.name}>: ${def.declaration.name} is not exported from the package root`);
    if (!wrappers.includes(`export declare const ${def.declaration.name}:`)) problems.push(`<${def.name}>: no React wrapper`);
    if (!vscode.includes(`"name": "${def.name}"`)) problems.push(`<${def.name}>: not in the VS Code custom data`);
    if (!webTypes.includes(`"name": "${def.name}"`)) problems.push(`<${def.name}>: not in the web-types`);
  }
  return problems;
}

/**
 * Chunks in the components tarball that no module imports: a stale build's leftovers (names carry a content hash), which
 * would ship to every vendor. Each chunk's file name must appear in some other JavaScript file of the package.
 */
export function unreferencedChunks(dir = resolve(consumerDir, 'node_modules/@strkit/components/dist')) {
  const js = (d) => readdirSync(d, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.js')).map((e) => resolve(e.parentPath, e.name));
  const files = js(dir).map((path) => ({ path, name: path.split('/').pop(), text: readFileSync(path, 'utf8') }));
  const chunks = existsSync(resolve(dir, 'chunks')) ? js(resolve(dir, 'chunks')) : [];
  return chunks.map((c) => c.split('/').pop()).filter((name) => !files.some((f) => f.name !== name && f.text.includes(`/${name}`)));
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
  let problems;
  try {
    problems = await lintManifest();
  } catch (e) {
    problems = [`manifest check failed: ${e.message}`];
  }
  for (const p of problems) console.log(`  ${p}`);
  const stale = unreferencedChunks();
  for (const c of stale) console.log(`  dist/chunks/${c}: imported by no module (a stale build's chunk)`);
  check('@strkit/components: every chunk in the tarball is imported by a module', stale.length === 0);
  const name = '@strkit/components: custom elements manifest valid (cem-validator, shipped paths, public API, event types, every element generated)';
  console.log(`  ${problems.length ? '✗' : '✓'} ${name}`);
  check(name, problems.length === 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = 0;
  await runPackageLint((_, ok) => {
    if (!ok) failed++;
  });
  process.exit(failed ? 1 : 0);
}
