import { ContextRoot } from '@lit/context';
import { StrProvider } from '../provider/provider.js';
import { defineElement } from '../internal/define.js';

// A widget upgraded before <str-provider> is defined asks for its client too early; the ContextRoot keeps that
// request and answers it once the provider appears. One root per document, whichever copy of us runs first.
const ROOT = Symbol.for('strkit.context-root');
const g = globalThis as { [ROOT]?: ContextRoot };
if (!g[ROOT] && typeof document !== 'undefined') {
  g[ROOT] = new ContextRoot();
  g[ROOT].attach(document.documentElement);
}

defineElement('str-provider', StrProvider);

declare global {
  interface HTMLElementTagNameMap {
    'str-provider': StrProvider;
  }
}
