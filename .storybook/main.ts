import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

process.env.STORYBOOK_DISABLE_TELEMETRY = '1';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // Stories read the TypeScript sources (no build first), as the tests do.
  async viteFinal(vite) {
    vite.resolve = { ...vite.resolve, conditions: ['strkit-source', ...defaultClientConditions] };
    return vite;
  },
};
export default config;
