import { writeFileSync } from 'node:fs';

/**
 * One stable name per test, used in failure lists and by the hazard-log check (scripts/hazard-check.mjs):
 * "<file from the repository root>: <describe> › <nested describe> › <it>".
 */
export const testName = (file, path) => `${file}: ${path.join(' › ')}`;

/**
 * Counts every test (and every test file that failed to load) and writes the totals to a JSON file, with the
 * name of every test that passed and of every test that ran at all (so a checker can tell "failed" from "missing").
 */
export function countReporter(outFile) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const failures = [];
      const passedNames = [];
      const seenNames = [];
      const walk = (suite, path, file) => {
        for (const t of suite.tests ?? []) {
          const name = testName(file, [...path, t.name]);
          seenNames.push(name);
          if (t.skipped) skipped++;
          else if (t.passed) {
            passed++;
            passedNames.push(name);
          } else {
            failed++;
            failures.push(name);
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
      const files = sessions.map((s) => s.testFile.replace(process.cwd() + '/', ''));
      writeFileSync(outFile, JSON.stringify({ passed, failed, skipped, failures, files, passedNames, seenNames }, null, 2));
    },
  };
}
