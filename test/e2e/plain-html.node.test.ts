// examples/plain-html: one script tag from the reference server, all four widgets, every write
// reaching the server exactly once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { servePlainHtml } from '../../examples/plain-html/start.ts';
import { admin, openExample, screenshot, until, type Db, type PageLog, type RunningServer, type Session } from './harness.ts';
import { answerNps, openBadge, sendFeedback, topic, vote } from './drive.ts';

let session: Session;
let server: RunningServer;
let page: Page;
let log: PageLog;
let db: Db;

before(async () => {
  session = await openExample({ serve: servePlainHtml, crossOriginEmbed: true });
  ({ server, page, log, db } = session);
});

after(() => session?.close());

const count = (sql: string, ...params: unknown[]) => (db.all<{ n: number }>(`SELECT count(*) AS n FROM ${sql}`, ...params)[0]!.n);

test('the page loads kith.js from the Kith server and each widget the page uses', async () => {
  const survey = page.locator('kith-survey');
  await survey.getByText('How likely are you to recommend Lumen').waitFor();
  await page.locator('kith-hot-topics').getByText('Welcome to the Lumen community').waitFor();
  await page.locator('kith-badge-wall').getByText('Voice heard').waitFor();
  await page.locator('kith-feedback').getByRole('button', { name: 'Feedback' }).waitFor();
  const defined = await page.evaluate(() => ['kith-survey', 'kith-feedback', 'kith-hot-topics', 'kith-badge-wall'].filter((t) => customElements.get(t)));
  assert.equal(defined.length, 4);
  assert.equal(await page.evaluate(() => typeof (window as unknown as { Kith?: unknown }).Kith), 'function');
  // A page on another origin loads kith.js and its chunks only if the server allows it (module scripts use CORS).
  assert.equal(session.cors?.shimmed, false, '/embed/* answered without Access-Control-Allow-Origin');
});

test('the NPS survey: a score, then the follow-up, reach the server as one finished response', async () => {
  await answerNps(page, 9, { question: 'What do you love most about Lumen?', text: 'The masking tools (plain-html e2e).' });

  const rows = await until('the finished response', () => {
    const r = db.all<{ response_id: string; answers: string; finished: number; seq: number }>(
      "SELECT response_id, answers, finished, seq FROM survey_responses WHERE site = 'demo' AND survey_id = 'demo-nps' AND response_id NOT LIKE 'seed-%'",
    );
    return r.length && r[0]!.finished ? r : undefined;
  });
  assert.equal(rows.length, 1, 'one response row');
  assert.deepEqual(JSON.parse(rows[0]!.answers), { nps: 9, promoter: 'The masking tools (plain-html e2e).' });

  // One upsert per answer, each sent once: no retransmission, seq strictly increasing.
  const posts = log.writes('POST', '/v1/surveys/demo-nps/responses').map((r) => r.postDataJSON() as { responseId: string; seq: number; finished: boolean });
  assert.equal(posts.length, 2, `two upserts, got ${posts.length}`);
  assert.equal(new Set(posts.map((p) => p.responseId)).size, 1);
  assert.ok(posts[0]!.seq < posts[1]!.seq && posts[1]!.finished && !posts[0]!.finished);

  const summary = (await admin(server, '/admin/sites/demo/surveys/demo-nps/responses?limit=100')) as { items: { responseId: string }[] };
  assert.equal(summary.items.filter((i) => i.responseId === rows[0]!.response_id).length, 1, 'the admin API lists it once');
});

test('feedback from the launcher reaches the inbox once, not as spam', async () => {
  await page.locator('kith-feedback').getByRole('button', { name: 'Feedback' }).click();
  await sendFeedback(page, 'Please add a LUT browser (plain-html e2e).', { category: 'Idea' });

  const items = await until('the feedback row', () => {
    const r = db.all<{ id: string; category: string; spam: number }>("SELECT id, category, spam FROM feedback WHERE site = 'demo' AND message = ?", 'Please add a LUT browser (plain-html e2e).');
    return r.length ? r : undefined;
  });
  assert.equal(items.length, 1);
  assert.equal(items[0]!.category, 'idea');
  assert.equal(items[0]!.spam, 0, 'a person filling the form is not spam');
  assert.equal(log.writes('POST', '/v1/feedback').length, 1, 'one POST /v1/feedback');
  const inbox = (await admin(server, '/admin/sites/demo/feedback')) as { items: { id: string }[] };
  assert.equal(inbox.items.filter((i) => i.id === items[0]!.id).length, 1, 'the admin inbox lists it once');
});

test('a vote on a topic counts once', async () => {
  const before = db.all<{ votes: number }>("SELECT votes FROM topics WHERE site = 'demo' AND id = 'release-4-3'")[0]!.votes;
  const button = await vote(page, 'Lumen 4.3 is out');
  // the button is named "Upvote"; the count sits beside it and describes it
  assert.equal(await button.getAttribute('aria-label'), 'Upvote');
  await until('the vote row', () => count("topic_votes WHERE site = 'demo' AND topic_id = 'release-4-3' AND value = 1") === 1);
  assert.equal(db.all<{ votes: number }>("SELECT votes FROM topics WHERE site = 'demo' AND id = 'release-4-3'")[0]!.votes, before + 1);
  assert.equal(log.writes('POST', '/v1/topics/release-4-3/votes').length, 1, 'one POST of the vote');
  const shown = topic(page, 'Lumen 4.3 is out').locator('[part~=vote-count]');
  assert.match((await shown.textContent()) ?? '', new RegExp(`${before + 1} votes`));
});

test('opening a badge shows its criteria and records one open event', async () => {
  const dialog = await openBadge(page, 'Voice heard');
  await dialog.getByText('Complete one survey.').waitFor();
  await until('the open event', () => count("events WHERE site = 'demo' AND widget = 'badge-wall' AND type = 'open' AND subject = 'voice-heard'") === 1);
  const sent = log
    .writes('POST', '/v1/events')
    .flatMap((r) => (r.postDataJSON() as { events: { widget: string; type: string; subject?: string }[] }).events)
    .filter((e) => e.widget === 'badge-wall' && e.type === 'open');
  assert.equal(sent.length, 1, 'the open event was sent once');
  await page.keyboard.press('Escape');
  await until('the dialog to close', async () => !(await dialog.isVisible()));
});

test('no console errors or uncaught exceptions on the page', async () => {
  await screenshot(page, 'plain-html');
  assert.deepEqual(log.errors.filter((e) => !e.includes('favicon.ico')), []);
});
