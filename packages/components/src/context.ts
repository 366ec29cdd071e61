import { createContext } from '@lit/context';
import type { StrClient } from '@strkit/sdk';

/**
 * The key widgets find their client by. `Symbol.for` makes it the same key in every copy of this package, so a
 * vendor bundle and ours still agree.
 */
export const clientContext = createContext<StrClient | undefined>(Symbol.for('strkit.client'));
