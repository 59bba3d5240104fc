// examples/custom-backend: the elements on "Acme", a backend that does not speak the Kith protocol,
// through the example's Backend (src/acme-backend.ts) passed with Kith.configure({ backend }).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { acmeData } from '../../examples/custom-backend/acme-server.ts';
import { serveAcme } from '../../examples/custom-backend/start.ts';
import { pick } from './drive.ts';
import { openExample, root, screenshot, until, type PageLog, type Session } from './harness.ts';

const data = acmeData();
let session: Session<false>;
let page: Page;
let log: PageLog;

before(async () => {
  execFileSync('pnpm', ['--filter', '@kith/example-custom-backend', 'run', 'build'], { cwd: root, stdio: 'pipe' });
  session = await openExample({ serve: () => serveAcme({ data }), kith: false });
  ({ page, log } = session);
});

after(() => session?.close());

test('the survey definition comes from Acme’s poll, mapped by the Backend', async () => {
  const survey = page.locator('kith-survey');
  await survey.getByRole('heading', { name: 'Your first week with Acme' }).waitFor();
  await survey.getByRole('radiogroup', { name: 'How likely are you to recommend Acme to a colleague?' }).waitFor();
  assert.equal(await survey.getByRole('radio').count(), 11, 'a 0-10 scale became an NPS question');
});

test('a survey answer reaches the Acme server as its own submission shape', async () => {
  const survey = page.locator('kith-survey');
  await pick(page, survey, '8');
  await survey.getByRole('button', { name: 'Next' }).click();
  // a person takes longer than a test to answer the next question: an upsert still queued when the
  // next one comes is replaced by it (one PUT for both), which is right but not what this counts
  const puts = () => log.writes('PUT', /^\/api\/polls\/first-week\/submissions\/[\w-]+$/).length;
  await until('the first answer saved', () => puts() === 1);
  await survey.getByRole('textbox', { name: 'What is the main reason for your score?' }).fill('Setup took one afternoon (custom-backend e2e).');
  await survey.getByRole('button', { name: 'Submit' }).click();
  await survey.getByRole('heading', { name: 'Thank you!' }).waitFor();

  const submission = await until('the finished submission', () => [...data.submissions.values()].find((s) => s.done));
  assert.equal(data.submissions.size, 1, 'one submission, upserted by its ref');
  assert.deepEqual(submission.values, { score: 8, why: 'Setup took one afternoon (custom-backend e2e).' });
  assert.equal(submission.rev, 3, 'the survey version is Acme’s poll revision');
  assert.ok(submission.by, 'the visitor id travels as Acme’s `by`');
  assert.equal(puts(), 2, 'one PUT per answer');
});

test('a feedback item reaches the Acme inbox once', async () => {
  const feedback = page.locator('kith-feedback');
  await pick(page, feedback, 'Question');
  await feedback.getByRole('textbox', { name: 'Your feedback' }).fill('Can I export my automations? (custom-backend e2e)');
  await feedback.getByRole('button', { name: 'Submit' }).click();
  await until('the sent state', () => feedback.evaluate((e) => (e as HTMLElement & { state: string }).state === 'sent'));

  const tickets = [...data.tickets.values()];
  assert.equal(tickets.length, 1);
  assert.equal(tickets[0]!.body, 'Can I export my automations? (custom-backend e2e)');
  assert.equal(tickets[0]!.label, 'question');
  assert.equal(new URL(tickets[0]!.page!).pathname, '/', 'page context mapped to Acme’s `page`');
  assert.equal(log.writes('POST', '/api/inbox').length, 1, 'one POST /api/inbox');
});

test('hot topics list Acme threads, and a vote becomes an Acme like', async () => {
  const feed = page.locator('kith-hot-topics');
  await feed.getByRole('link', { name: 'House rules and how to get help' }).waitFor();
  assert.equal(await feed.getByText('Pinned').count(), 1, 'Acme’s sticky thread is pinned');
  const thread = data.threads.find((t) => t.threadId === 't-211')!;
  const before = thread.likes;
  const vote = feed.locator('[part~="topic"]', { hasText: 'Dark mode for the dashboard' }).locator('button[aria-pressed]');
  await vote.click();
  await until('the like on Acme', () => thread.likes === before + 1);
  assert.equal(thread.likedBy.length, 1);
  assert.equal(await vote.getAttribute('aria-pressed'), 'true');
});

test('a permanent refusal by Acme (422) is shown as refused after one request', async () => {
  const feedback = page.locator('kith-feedback');
  await feedback.getByRole('button', { name: 'Send more' }).click();
  await feedback.getByRole('textbox', { name: 'Your feedback' }).fill('Details at https://example.com/bug (custom-backend e2e)');
  await feedback.getByRole('button', { name: 'Submit' }).click();
  await until('Acme’s answer', () => log.requests.some((r) => r.url().endsWith('/api/inbox') && r.postDataJSON()?.body?.includes('https://')));
  await until('the widget to settle', () => feedback.evaluate((e) => (e as HTMLElement & { state: string }).state !== 'sending'));
  assert.equal(await feedback.evaluate((e) => (e as HTMLElement & { state: string }).state), 'rejected');
  assert.equal([...data.tickets.values()].filter((t) => t.body.includes('https://')).length, 0);
  // Acme's KithError comes from its own copy of @kith/client; the refusal is still understood: one POST, no retry.
  assert.equal(log.requests.filter((r) => r.url().endsWith('/api/inbox') && r.postDataJSON()?.body?.includes('https://')).length, 1);
});

test('the elements never called a Kith protocol path, and the page logged no errors', async () => {
  await screenshot(page, 'custom-backend');
  assert.deepEqual(log.requests.filter((r) => new URL(r.url()).pathname.startsWith('/v1/')).map((r) => r.url()), []);
  assert.ok(data.activity.length > 0, 'engagement events went to Acme’s /api/activity');
  // Chromium logs every 4xx; the 422 is the refusal the previous test asked for.
  const expected = (e: string) => e.includes('favicon.ico') || e.includes('status of 422');
  assert.deepEqual(log.errors.filter((e) => !expected(e)), []);
});
