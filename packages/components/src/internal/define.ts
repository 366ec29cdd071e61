/** The version of this copy of @strkit/components (kept equal to package.json by a test). */
export const STRKIT_COMPONENTS_VERSION = '0.1.0';

const VERSION = Symbol.for('strkit.version');
const WARNED = Symbol.for('strkit.define-warned');
type Tagged = CustomElementConstructor & { [VERSION]?: string };

/**
 * Register `tag` unless the page already has it. A page that loads two copies of STR Kit (two bundles, or two
 * versions through a host's dependencies) must keep working on the first copy, not throw `NotSupportedError`;
 * the host is told once per page, naming both versions, so it can remove one.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag) as Tagged | undefined;
  if (!existing) {
    Object.defineProperty(ctor, VERSION, { value: STRKIT_COMPONENTS_VERSION });
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  const g = globalThis as { [WARNED]?: true };
  if (g[WARNED]) return;
  g[WARNED] = true;
  const first = existing[VERSION] ? `STR Kit ${existing[VERSION]}` : 'another script';
  // eslint-disable-next-line no-console -- the one console call of the kit: the host must learn of the second copy
  console.warn(
    `STR Kit ${STRKIT_COMPONENTS_VERSION}: <${tag}> is already defined by ${first}, so this copy's elements were not registered and the first copy's are used. Load one copy of @strkit/components per page.`,
  );
}
