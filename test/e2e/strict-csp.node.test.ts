// examples/strict-csp: every widget working under `default-src 'self'; script-src 'self';
// style-src 'self'; require-trusted-types-for 'script'` (+ connect-src for the Kith server).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { contentSecurityPolicy, serveStrictCsp } from '../../examples/strict-csp/start.ts';
import { answerNps, openBadge, pick, sendFeedback, topic, vote } from './drive.ts';
import { openExample, recordViolations, screenshot, until, type Db, type PageLog, type RunningServer, type Session, type Violation } from './harness.ts';

let session: Session;
let server: RunningServer;
let page: Page;
let log: PageLog;
let db: Db;
let violations: () => Promise<Violation[]>;

before(async () => {
  session = await openExample({ serve: serveStrictCsp, setup: async (p) => (violations = await recordViolations(p)) });
  ({ server, page, log, db } = session);
});

after(() => session?.close());

test('the page is served with the strict policy, kith.js from its own origin', async () => {
  const policy = session.response?.headers()['content-security-policy'];
  assert.equal(policy, contentSecurityPolicy(server.url));
  assert.match(policy!, /script-src 'self';/);
  assert.match(policy!, /require-trusted-types-for 'script'/);
  const kith = log.requests.find((r) => r.url().endsWith('/kith.js'));
  assert.equal(new URL(kith!.url()).origin, session.site.url);
});

test('the survey works: a score and a follow-up, saved on the server', async () => {
  await answerNps(page, 3, { question: 'What disappointed you most?', text: 'Sync conflicts (strict-csp e2e).' });
  await until('the finished response', () =>
    db.all("SELECT 1 FROM survey_responses WHERE survey_id = 'demo-nps' AND finished = 1 AND answers LIKE '%strict-csp e2e%'").length === 1,
  );
});

test('feedback with a star rating works', async () => {
  const feedback = page.locator('kith-feedback');
  const since = Date.now();
  await pick(page, feedback, '4 of 5');
  await sendFeedback(page, 'Works under our CSP (strict-csp e2e).', { category: 'Question', since });
  const rows = db.all<{ rating: number; spam: number }>("SELECT rating, spam FROM feedback WHERE message = 'Works under our CSP (strict-csp e2e).'");
  assert.deepEqual(rows, [{ rating: 4, spam: 0 }]);
});

test('hot topics: the live stream connects, a vote counts, the report dialog opens and closes', async () => {
  const feed = page.locator('kith-hot-topics');
  await until('the live stream (EventSource under connect-src)', () => feed.evaluate((e) => (e as HTMLElement & { liveMode: string }).liveMode === 'stream'));
  // the EventSource itself reached the server and was answered as a stream (its code loads on first use)
  const stream = await until('the stream request', () => log.requests.find((r) => new URL(r.url()).pathname === '/v1/topics/stream'));
  const res = await until('the stream response', () => stream.response());
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'] ?? '', /^text\/event-stream/);
  await vote(page, 'Community photo walk');
  await until('the vote row', () => db.all("SELECT 1 FROM topic_votes WHERE topic_id = 'community-meetup' AND value = 1").length === 1);

  await topic(page, 'Community photo walk').getByRole('button', { name: /report/i }).click();
  const dialog = feed.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: /cancel/i }).click();
  await until('the dialog to close', async () => !(await dialog.isVisible()));
});

test('the badge wall opens a badge’s detail', async () => {
  const dialog = await openBadge(page, 'First words');
  await dialog.getByText('Send your first feedback.').waitFor();
  await page.keyboard.press('Escape');
});

test('no violation of any directive', async () => {
  await screenshot(page, 'strict-csp');
  const all = await violations();
  // cssProps (@kith/ui) sets inline styles through the CSSOM, so not even style-src-attr reports one
  assert.deepEqual(all, []);
  const errors = log.errors.filter((e) => !e.includes('favicon.ico'));
  assert.deepEqual(errors, []);
});

test('the policy is really enforced here (so the zero above means something)', async () => {
  const probe = await page.evaluate(() => {
    let sinkBlocked = false;
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
    } catch {
      sinkBlocked = true; // Trusted Types: a string may not reach an HTML sink
    }
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red }';
    document.head.append(style); // style-src 'self': an inline <style> is refused
    const applied = getComputedStyle(document.body).outlineStyle === 'solid';
    style.remove();
    return { sinkBlocked, applied };
  });
  assert.deepEqual(probe, { sinkBlocked: true, applied: false });
  const reported = await until('the probes to be reported', async () => {
    const d = new Set((await violations()).map((v) => v.directive));
    return d.has('require-trusted-types-for') && d.has('style-src-elem') ? d : undefined;
  });
  assert.ok(reported, 'the listener sees violations');
});
