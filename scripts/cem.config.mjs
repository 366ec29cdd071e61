// Custom elements manifest analyzer config (run by scripts/analyze.mjs inside packages/components). The analyzer reads
// the sources; the plugin below makes the manifest describe the published package instead (ADR 0012):
// - tags: the kit registers through `defineElement('str-x', StrX)` (a free-tag guard), which the analyzer does not
//   know, so each such call in src/define/ becomes the element's definition and tag name;
// - public API only: private, protected, `#private`, static members and platform or Lit lifecycle callbacks go;
// - event types: each event takes the type its `HTMLElementEventMap` entry declares (e.g. `ContactSavedEvent`),
//   not the plain `CustomEvent` the analyzer guesses from `@fires`;
// - inheritance: members a base class in src/internal/ gives every element (`client`, `service-user-id`) are listed
//   on each element as its own; its superclass is the nearest class the package exports, or LitElement;
// - module paths of the shipped JS: the elements, as the package root exports them, in `dist/index.js`; each tag's
//   definition in `dist/define/<tag>.js`. Source modules are not published entry points and are left out.
// Every generator (editor data, JSX types, React wrappers) reads this manifest, so a new element appears in all of
// them once it has a define module and a root export, with no edit here.

const LIFECYCLE = new Set(['render', 'update', 'updated', 'firstUpdated', 'willUpdate', 'shouldUpdate', 'createRenderRoot', 'scheduleUpdate', 'performUpdate', 'getUpdateComplete']);
const ROOT = 'dist/index.js';

/** True for a member a host may use: public, per instance, not a callback the platform or Lit calls. */
const isPublicMember = (m) =>
  !m.static && (m.privacy ?? 'public') === 'public' && !/^[#_]/.test(m.name) && !m.name.endsWith('Callback') && !LIFECYCLE.has(m.name);

/** The names a module exports (values and types) from its `export { … } from` and `export type { … } from` lines. */
function exportedNames(ts, source) {
  const names = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const el of statement.exportClause.elements) names.push(el.name.text);
    }
  }
  return names;
}

/**
 * A base class the package does not export (internal/connected.ts: the client and person wiring) is not API: its
 * members stay listed on each element, flattened in by the analyzer, and the element names the nearest class a
 * consumer can import as its superclass (an exported element, or LitElement from 'lit'), and as where they come from.
 */
function flattenInheritance(elements, exported, declarations) {
  for (const d of elements) {
    while (d.superclass && !exported.has(d.superclass.name) && declarations.has(d.superclass.name)) d.superclass = declarations.get(d.superclass.name).d.superclass;
    const from = d.superclass && exported.has(d.superclass.name) ? { name: d.superclass.name, module: ROOT } : undefined;
    for (const item of [...(d.members ?? []), ...(d.attributes ?? []), ...(d.events ?? [])]) {
      if (!item.inheritedFrom || exported.has(item.inheritedFrom.name)) continue;
      if (from) item.inheritedFrom = from;
      else delete item.inheritedFrom;
    }
  }
}

export function publishedManifest() {
  const definitions = []; // { tag, className, file }
  const eventTypes = new Map(); // event name → type text
  let rootExports = [];
  return {
    name: 'strkit-published-manifest',
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind === ts.SyntaxKind.SourceFile && moduleDoc.path === 'src/index.ts') rootExports = exportedNames(ts, node);
      // defineElement('str-x', StrX) with a literal tag, as the define modules call it.
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineElement') {
        const [tag, ctor] = node.arguments;
        if (tag && ctor && ts.isStringLiteral(tag) && ts.isIdentifier(ctor)) definitions.push({ tag: tag.text, className: ctor.text, file: moduleDoc.path });
      }
      // declare global { interface HTMLElementEventMap { 'str-x-saved': XSavedEvent } }
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'HTMLElementEventMap') {
        for (const m of node.members) {
          if (ts.isPropertySignature(m) && m.type && (ts.isStringLiteral(m.name) || ts.isIdentifier(m.name))) eventTypes.set(m.name.text, m.type.getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest: cem }) {
      const declarations = new Map();
      for (const mod of cem.modules) for (const d of mod.declarations ?? []) declarations.set(d.name, { d, mod });
      const exported = new Set(rootExports);
      const root = { kind: 'javascript-module', path: ROOT, declarations: [], exports: rootExports.map((name) => ({ kind: 'js', name, declaration: { name, module: ROOT } })) };
      const unexported = [];
      for (const { tag, className } of definitions) {
        const found = declarations.get(className);
        if (!found) continue;
        found.d.tagName = tag;
        found.d.customElement = true;
        if (!exported.has(className)) unexported.push(found);
      }
      for (const name of rootExports) {
        const found = declarations.get(name);
        if (found) root.declarations.push(found.d);
      }
      for (const { d } of declarations.values()) {
        if (!d.customElement) continue;
        d.members = (d.members ?? []).filter(isPublicMember);
        for (const e of d.events ?? []) {
          const type = eventTypes.get(e.name);
          if (type) e.type = { text: type };
        }
      }
      const defines = definitions.map(({ tag, className, file }) => ({
        kind: 'javascript-module',
        path: file.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js'),
        declarations: [],
        exports: [{ kind: 'custom-element-definition', name: tag, declaration: { name: className, module: exported.has(className) ? ROOT : file } }],
      }));
      // An element the root does not export keeps its source path, so the manifest validator in `npm test` names it.
      cem.modules = [root, ...defines, ...unexported.map(({ d, mod }) => ({ kind: 'javascript-module', path: mod.path, declarations: [d], exports: [] }))];
      flattenInheritance(root.declarations, exported, declarations);
      // References into source modules (inheritance, mixins) now point at the root export, or at nothing.
      const relink = (value) => {
        if (Array.isArray(value)) return value.forEach(relink);
        if (!value || typeof value !== 'object') return;
        if (typeof value.module === 'string' && /^\/?src\//.test(value.module)) {
          if (exported.has(value.name)) value.module = ROOT;
          else delete value.module;
        }
        Object.values(value).forEach(relink);
      };
      for (const d of root.declarations) relink(d);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.fixtures.ts'],
  outdir: '.',
  litelement: true,
  plugins: [publishedManifest()],
};
