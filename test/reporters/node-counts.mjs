// node:test reporter that writes one JSON object, {passed, failed, skipped}, to its destination.
// scripts/run-tests.mjs runs it next to the spec reporter:
//
//   node --import tsx --test --test-reporter=spec --test-reporter-destination=stdout \
//        --test-reporter=./test/reporters/node-counts.mjs --test-reporter-destination=counts.json FILES
//
// Source of truth is node's own end-of-run summary (the `tests/pass/fail/cancelled/skipped/todo`
// diagnostics the spec reporter prints): failed = fail + cancelled, skipped = skipped + todo.
// If that summary never arrives, the counts fall back to the individual test:pass / test:fail
// events (suites excluded; a file that crashed before reporting any test arrives as one test:fail).
export default async function* nodeCounts(source) {
  const events = { passed: 0, failed: 0, skipped: 0 };
  const summary = {};
  for await (const event of source) {
    const data = event.data ?? {};
    if (event.type === 'test:pass' || event.type === 'test:fail') {
      if (data.details?.type === 'suite') continue;
      if (data.skip || data.todo) events.skipped++;
      else if (event.type === 'test:pass') events.passed++;
      else events.failed++;
    } else if (event.type === 'test:diagnostic' && data.nesting === 0 && !data.file) {
      const m = /^(tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/.exec(String(data.message).trim());
      if (m) summary[m[1]] = Number(m[2]);
    }
  }
  const counts =
    'pass' in summary && 'fail' in summary
      ? {
          passed: summary.pass,
          failed: summary.fail + (summary.cancelled ?? 0),
          skipped: (summary.skipped ?? 0) + (summary.todo ?? 0),
        }
      : events;
  yield JSON.stringify({ ...counts, events }) + '\n';
}
