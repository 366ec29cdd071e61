// Every browser test runs here, in Debian's Chromium (or CHROME_PATH). No tool downloads a browser.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { countReporter } from './scripts/count-reporter.mjs';
import { chromiumPath, chromiumArgs } from './scripts/chromium.mjs';
import { clearOriginStoragePlugin, emulateMediaPlugin, emulateTimezonePlugin, fhirServerPlugin, overrideQuotaPlugin, printPdfPlugin } from './scripts/wtr-commands.mjs';

const ci = process.env.CI === 'true';

export default {
  files: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['strkit-source', 'browser'] },
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }), emulateTimezonePlugin(), emulateMediaPlugin(), clearOriginStoragePlugin(), overrideQuotaPlugin(), fhirServerPlugin(), printPdfPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs },
      // Each test file's page is brought to the front: a page that opens behind the last one gets no animation frames,
      // so every wait for a frame times out and the whole file overruns (seen twice for sync-status.l10n.test.ts).
      createPage: async ({ context }) => {
        const page = await context.newPage();
        await page.bringToFront();
        return page;
      },
    }),
  ],
  // After the framework, a root hook that keeps DOM elements out of a failure's report (test/helpers/safe-errors.js).
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head></head><body><script type="module" src="/test/helpers/benign-errors.js"></script><script type="module" src="${testFramework}"></script><script type="module" src="/test/helpers/safe-errors.js"></script></body></html>`,
  // One page at a time: a background page gets no animation frames (fixture() waits for one) and no focus (keyboard tests).
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  coverageConfig: {
    report: true,
    reportDir: 'coverage',
    include: ['packages/*/src/**/*.ts'],
    exclude: ['**/*.test.ts', '**/*.fixtures.ts', '**/node_modules/**'],
  },
  reporters: [ci ? summaryReporter({ flatten: false }) : defaultReporter(), countReporter('.wtr-results.json')],
};
