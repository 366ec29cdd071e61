// Library builds (ESM + .d.ts, dependencies external), one minified self-contained bundle per package for a
// <script type="module"> tag, and the example EPR page. Order matters: the SDK builds first, since the others read it.
// STRKIT_BUILD=packages leaves out the example page (the budgets and consumer tests in `npm test` need only the packages).
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pureTopLevel } from './scripts/rollup-pure-top-level.mjs';

const abs = (p) => resolve(import.meta.dirname, p);
const defines = readdirSync(abs('packages/components/src/define')).filter((f) => f.endsWith('.ts'));

const ts = (pkg, outDir, declarations) =>
  typescript({
    tsconfig: abs(`packages/${pkg}/tsconfig.json`),
    outDir,
    declaration: declarations,
    declarationMap: declarations,
    sourceMap: true,
    noEmitOnError: true,
  });

// Lit templates and styles keep their source indentation unless minified; spaces collapse to one, never to none,
// so text either side of an inline element keeps its gap.
const minifyTemplates = () =>
  minifyHTML({
    include: ['packages/components/src/**/*.ts'],
    failOnError: true,
    options: { minifyOptions: { conservativeCollapse: true } },
  });

const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

// The SDK's public entry points (ADR 0009), each a subpath export of @strkit/sdk.
const sdkEntries = ['index', 'codes', 'indexeddb', 'fhir'];

const configs = [
  {
    input: Object.fromEntries(sdkEntries.map((name) => [name, abs(`packages/sdk/src/${name}.ts`)])),
    external: [/^zod/, /^idb/],
    // One output file per source module, not one flattened file, so a host's bundler keeps only the modules it uses
    // (with `sideEffects: false`) and drops FHIR mapping from a memory-store app (ADR 0009).
    output: { dir: abs('packages/sdk/dist'), format: 'esm', sourcemap: true, preserveModules: true, preserveModulesRoot: abs('packages/sdk/src') },
    plugins: [ts('sdk', abs('packages/sdk/dist'), true), pureTopLevel({ include: (id) => id.startsWith(abs('packages/sdk/src/')) })],
    onwarn,
  },
  {
    input: {
      index: abs('packages/components/src/index.ts'),
      ...Object.fromEntries(defines.map((f) => [`define/${f.replace(/\.ts$/, '')}`, abs(`packages/components/src/define/${f}`)])),
    },
    external: [/^lit/, /^@lit\//, /^@lit-labs\//, /^@strkit\//, /^zod/, /^idb/],
    output: { dir: abs('packages/components/dist'), format: 'esm', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [minifyTemplates(), ts('components', abs('packages/components/dist'), true)],
    onwarn,
  },
  {
    input: abs('packages/sdk/src/index.ts'),
    output: { file: abs('packages/sdk/dist/bundle/strkit-sdk.min.js'), format: 'esm', sourcemap: true, inlineDynamicImports: true },
    plugins: [nodeResolve({ browser: true }), ts('sdk', abs('packages/sdk/dist/bundle'), false), terser()],
    onwarn,
  },
  {
    // Everything a script tag needs: all elements defined, lit and the SDK inside.
    input: abs('packages/components/src/bundle.ts'),
    // The virtualizer loads its layout with a dynamic import: one file means inlining it.
    output: { file: abs('packages/components/dist/bundle/strkit-components.min.js'), format: 'esm', sourcemap: true, inlineDynamicImports: true },
    plugins: [minifyTemplates(), nodeResolve({ browser: true }), ts('components', abs('packages/components/dist/bundle'), false), terser()],
    onwarn,
  },
  {
    input: abs('examples/main.ts'),
    output: { file: abs('examples/dist/main.js'), format: 'esm', sourcemap: true, inlineDynamicImports: true },
    plugins: [
      minifyTemplates(),
      nodeResolve({ browser: true }),
      typescript({ tsconfig: abs('examples/tsconfig.json'), outDir: abs('examples/dist'), sourceMap: true, noEmitOnError: true }),
      terser(),
    ],
    onwarn,
  },
];

export default process.env.STRKIT_BUILD === 'packages' ? configs.filter((c) => c.input !== abs('examples/main.ts')) : configs;
