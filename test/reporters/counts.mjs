// @web/test-runner reporter that ends the run with one plain line CI can read:
//
//   12 passed, 1 failed            (", 2 skipped" is added when there are any)
//
// and, when the env var KITH_COUNTS_FILE names a file, writes {"passed","failed","skipped"} JSON there.
// Use it next to wtr's defaultReporter, which keeps the failure details (its own summary line
// carries a progress bar, so it is useless to a machine).
//
// Counting: every test in every session (test file x browser) counts once. A session that failed
// without any failing test in it (the file did not load, a syntax error, an error thrown outside a
// test, a timeout) counts as one failed test, so a broken file can never look green.
import { writeFileSync } from 'node:fs';

/** @param {import('@web/test-runner').TestSuiteResult | undefined} suite */
function countSuite(suite, acc) {
  if (!suite) return acc;
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite.suites ?? []) countSuite(s, acc);
  return acc;
}

/** @param {readonly any[]} sessions */
export function countSessions(sessions) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const session of sessions) {
    const own = countSuite(session.testResults, { passed: 0, failed: 0, skipped: 0 });
    if (session.passed === false && own.failed === 0) own.failed = 1;
    total.passed += own.passed;
    total.failed += own.failed;
    total.skipped += own.skipped;
  }
  return total;
}

export function formatCounts({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
}

/** @returns {import('@web/test-runner').Reporter} */
export function countsReporter({ file = process.env.KITH_COUNTS_FILE } = {}) {
  return {
    stop({ sessions }) {
      const counts = countSessions(sessions);
      if (file) writeFileSync(file, JSON.stringify(counts) + '\n');
      // wtr prints its final progress block after every reporter's stop(); print on exit so
      // this line really is the last one.
      process.once('exit', () => {
        process.stdout.write(formatCounts(counts) + '\n');
      });
    },
  };
}

export default countsReporter;
