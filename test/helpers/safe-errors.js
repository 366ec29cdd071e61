// Loaded on every test page after the test framework (web-test-runner.config.mjs, testRunnerHtml). A failed assertion
// that compares DOM elements carries them as `actual`/`expected`; the runner then tries to send the whole element
// graph to Node, and the file's report stalls until its deadline ("did not finish") or the browser drops, with the
// real failure lost. Each failed test's values are turned into short descriptions before the report is sent.
const summarise = (value, depth = 0) => {
  if (value instanceof Node) {
    const html = value instanceof Element ? value.outerHTML : value.textContent ?? '';
    return `${value.nodeName}: ${html.slice(0, 200)}`;
  }
  if (typeof Window !== 'undefined' && value instanceof Window) return '[Window]';
  if (Array.isArray(value)) return depth > 2 ? '[Array]' : value.map((v) => summarise(v, depth + 1));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return depth > 2 ? '[Object]' : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, summarise(v, depth + 1)]));
  }
  return value;
};

window.mocha.suite.afterEach(function safeErrors() {
  const err = this.currentTest?.err;
  if (!err) return;
  for (const key of ['actual', 'expected']) if (key in err) err[key] = summarise(err[key]);
});
