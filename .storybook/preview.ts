import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// NHS.UK frontend's own compiled styles, as a host page has them: the NHS `--nhsuk-*` tokens the widgets read, and its
// typography. Its @font-face rules are left out: Frutiger is licensed to NHS services and the kit never loads it
// (STYLE.md, section 5), so text falls back to the stack NHS.UK frontend names after it (Arial). `?raw`, not `?inline`:
// the file is already minified, and Vite's CSS minifier stops at its old-IE `@media screen\0` rules.
import nhsukStyles from 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css?raw';
import manifest from '../packages/components/custom-elements.json';

const style = document.createElement('style');
style.textContent = nhsukStyles.replace(/@font-face\s*\{[^}]*\}/g, '').replace(/\/\*# sourceMappingURL=[^*]*\*\//, '');
document.head.append(style);
document.body.classList.add('nhsuk-frontend-supported');

// Docs and controls come from the JSDoc in the element sources, through the manifest (public members only).
setCustomElementsManifest(manifest);

interface Member { readonly kind: string; readonly name: string; readonly readonly?: boolean }
const members = (manifest.modules as { declarations?: { members?: Member[] }[] }[])
  .flatMap((m) => m.declarations ?? []).flatMap((d) => d.members ?? []).filter((m) => m.kind === 'field');
// Read-only platform members (`form`, `validity`, `validationMessage`, `willValidate`) are documented but cannot be set.
const readOnly = [...new Set(members.filter((m) => m.readonly).map((m) => m.name))].filter((name) => members.every((m) => m.name !== name || m.readonly));

const preview: Preview = {
  tags: ['autodocs'],
  // The widgets' language, from the toolbar (docs/i18n/README.md): the page's `lang`, which every widget without a
  // <str-provider locale> follows, re-rendering in place. Welsh loads only when chosen.
  globalTypes: {
    locale: {
      description: 'The language the widgets speak',
      toolbar: { title: 'Language', icon: 'globe', dynamicTitle: true, items: [{ value: 'en-GB', title: 'English' }, { value: 'cy', title: 'Cymraeg' }] },
    },
  },
  initialGlobals: { locale: 'en-GB' },
  decorators: [
    (story, context) => {
      document.documentElement.lang = typeof context.globals.locale === 'string' ? context.globals.locale : 'en-GB';
      return story();
    },
  ],
  parameters: {
    controls: { exclude: readOnly },
    a11y: {
      // The same rules as the test helper (test/a11y/axe.ts); 'error' makes violations fail story tests.
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
    },
  },
};
export default preview;
