import * as z from 'zod/mini';

/**
 * Build our schemas with zod's `jitless` on, then give the host back exactly the zod configuration it had.
 *
 * Why: a zod object schema decides at construction whether to compile a fast parser with `new Function`, probing
 * for eval first; a strict CSP reports even that caught probe. zod keeps its configuration on `globalThis`, shared by
 * every copy on the page, so setting it for good would change the host's own zod. Schemas built while `jitless` is
 * on never probe and never compile, whatever the configuration is later. Each module that builds object schemas
 * calls this first and the returned function after its last schema.
 */
export function jitlessWhileBuilding(): () => void {
  const config = z.config() as { jitless?: boolean };
  const had = Object.prototype.hasOwnProperty.call(config, 'jitless');
  const before = config.jitless;
  config.jitless = true;
  return () => {
    if (had) config.jitless = before;
    else delete config.jitless;
  };
}
