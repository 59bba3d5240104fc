// What a page with only a feedback box loads when the ES modules are served unbundled (from a CDN,
// say; the test runner serves them so): the client's runtime and the feedback calls, never another
// protocol area's checks.
import { expect } from '@esm-bundle/chai';
import '../src/define.ts';

it('a page with a feedback box loads no survey, topics or badges checks', () => {
  const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
  expect(loaded.some((p) => p.endsWith('/checks/feedback.ts')), 'the feedback checks did load').to.equal(true);
  expect(loaded.filter((p) => /client\/src\/(protocol\/checks\/(survey|topics|badges|index)|calls\/(survey|topics|badges))\.ts/.test(p))).to.deep.equal([]);
});
