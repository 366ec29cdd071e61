// Makes every top-level constant of an SDK module that is built by code droppable by a host's bundler when the host
// never reads it: `const X = <init>` becomes `const X = /* @__PURE__ */ (() => (<init>))()`. Why: zod/mini schemas are
// built by calls (`z.object`, `.check(…)`, our `singleLine(…)`), object spreads (`{ ...EnvelopeShape }`) and property
// reads that a bundler must otherwise assume have effects, so one used export kept every schema of its module, and
// zod with them. Annotating each call by hand would mean hundreds of comments, and a spread cannot be annotated.
// Sound only because SDK modules keep a rule (ADR 0009): a top-level `const` initialiser has no effect but its value.
// Top-level statements are left alone (the jitless bracket's restore call), and so is every initialiser that is
// already side-effect free to a bundler (literals, names, functions).
import MagicString from 'magic-string';

const PURE = '/* @__PURE__ */ ';
const FUNCTIONS = new Set(['FunctionExpression', 'ArrowFunctionExpression', 'ClassExpression']);
const EFFECTFUL = new Set(['CallExpression', 'NewExpression', 'SpreadElement', 'MemberExpression', 'TaggedTemplateExpression']);

/** Whether a bundler would keep `node` for fear of effects: a call, `new`, spread or property read outside functions. */
function mayHaveEffects(node) {
  if (!node || typeof node.type !== 'string') return false;
  if (FUNCTIONS.has(node.type)) return false;
  if (EFFECTFUL.has(node.type)) return true;
  return Object.entries(node).some(([key, value]) =>
    key !== 'parent' && (Array.isArray(value) ? value.some(mayHaveEffects) : typeof value === 'object' && mayHaveEffects(value)));
}

/** @param {{ include: (id: string) => boolean }} options */
export function pureTopLevel({ include }) {
  return {
    name: 'strkit-pure-top-level',
    transform(code, id) {
      if (!include(id)) return null;
      const ast = this.parse(code);
      const s = new MagicString(code);
      for (const statement of ast.body) {
        const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
        if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
        for (const { init } of declaration.declarations) {
          if (mayHaveEffects(init)) s.prependLeft(init.start, `${PURE}(() => (`).appendRight(init.end, '))()');
        }
      }
      return s.hasChanged() ? { code: s.toString(), map: s.generateMap({ hires: true, source: id }) } : null;
    },
  };
}
