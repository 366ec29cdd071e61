import { writeFileSync } from 'node:fs';

/** Counts every test (and every test file that failed to load) and writes the totals to a JSON file. */
export function countReporter(outFile) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const failures = [];
      const walk = (suite, path, file) => {
        for (const t of suite.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else {
            failed++;
            failures.push(`${file}: ${[...path, t.name].join(' › ')}`);
          }
        }
        for (const s of suite.suites ?? []) walk(s, [...path, s.name], file);
      };
      for (const session of sessions) {
        const file = session.testFile.replace(process.cwd() + '/', '');
        const before = failed;
        if (session.testResults) walk(session.testResults, [], file);
        // A file that threw on load, or errored outside a test, has no failing test to count: count the file.
        if (!session.passed && failed === before) {
          failed++;
          failures.push(`${file}: ${(session.errors ?? []).map((e) => e.message).join('; ') || 'the file failed'}`);
        }
      }
      writeFileSync(outFile, JSON.stringify({ passed, failed, skipped, failures }, null, 2));
    },
  };
}
