import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../packages/components/custom-elements.json';

// Docs and controls come from the JSDoc in the element sources, through the manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    a11y: {
      // The same rules as the test helper (test/a11y/axe.ts); 'error' makes violations fail story tests.
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
    },
  },
};
export default preview;
