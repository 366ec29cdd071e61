// Loaded on every test page before the test framework (web-test-runner.config.mjs, testRunnerHtml), so this listener
// runs before mocha's window.onerror. "ResizeObserver loop completed with undelivered notifications" is the browser
// saying a resize callback changed layout and the rest of its notifications move to the next frame; nothing is lost.
// The virtualised contact list (@lit-labs/virtualizer) can cause it whenever text reflows (a locale switch, a narrow
// viewport), and mocha counts it as a failure of whichever file is open, at random under load. Only that exact message
// is swallowed; every other error still fails its file. Hosts' error reporters (e.g. Sentry) ignore it by default too.
// The two wordings Chromium has used (as @lit-labs/virtualizer's own test helper matches them). Inline, not imported:
// every module this page loads is a resource timing entry, and tests that read those entries have a buffer to share.
const isResizeObserverLoopErrorMessage = (message) =>
  message.includes('ResizeObserver loop limit exceeded') || message.includes('ResizeObserver loop completed with undelivered notifications');

window.addEventListener(
  'error',
  (event) => {
    if (typeof event.message === 'string' && isResizeObserverLoopErrorMessage(event.message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  },
  { capture: true },
);
