// The admin console at /console/ as an admin uses it, in Chromium against kith-server with the demo
// seed: sign in with the admin token, the inbox, a status change the server keeps, a survey's results
// and its CSV, the moderation queue, community text that stays text, and the strict policy it is
// served with (zero violations).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page, Response } from 'playwright-core';
import { CONSOLE_CSP } from '../../packages/server/src/routes/console.ts';
import { ADMIN_TOKEN, admin, launch, recordViolations, root, screenshot, startServer, until, watch, type PageLog, type RunningServer, type Violation } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let log: PageLog;
let violations: () => Promise<Violation[]>;
let response: Response | null;

before(async () => {
  server = await startServer();
  browser = await launch();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  log = watch(page);
  violations = await recordViolations(page);
  response = await page.goto(`${server.url}/console/`);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

interface FeedbackItem {
  id: string;
  message: string;
  status: string;
  createdAt: string;
}

let sent = 0;
/** Feedback through the public API, as a widget sends it (filled slowly enough not to be spam). */
async function submitFeedback(body: Record<string, unknown>) {
  const res = await fetch(`${server.url}/v1/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'kith-site': 'demo', 'kith-visitor': `console-e2e-visitor-${++sent}` },
    body: JSON.stringify({ id: `console-e2e-${sent}-${Date.now()}`, elapsedMs: 5000, ...body }),
  });
  assert.equal(res.status, 201, await res.text());
}

/** A topic report through the public API, from a visitor of its own. */
async function report(topic: string, reason: string, note?: string) {
  const res = await fetch(`${server.url}/v1/topics/${topic}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'kith-site': 'demo', 'kith-visitor': `console-e2e-reporter-${++sent}` },
    body: JSON.stringify({ id: `console-e2e-report-${sent}`, reason, ...(note ? { note } : {}) }),
  });
  assert.equal(res.status, 202, await res.text());
}

const inboxItems = () => page.locator('#inbox-items > li');
const feedbackCard = (text: string) => page.locator('#inbox-items article', { hasText: text });
/** The value shown for `name` in a list of figures or facts. */
const shown = (scope: Locator, name: string) => scope.locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd');
const sessionToken = () => page.evaluate(() => sessionStorage.getItem('kith-console-token'));

async function signIn(token: string) {
  await page.getByLabel('Admin token').fill(token);
  await page.keyboard.press('Enter');
}

test('the page is served under the strict policy, holds no data and asks for the token', async () => {
  assert.equal(response?.status(), 200);
  const headers = response!.headers();
  assert.equal(headers['content-security-policy'], CONSOLE_CSP);
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]) {
    assert.ok(CONSOLE_CSP.split('; ').includes(directive), directive);
  }
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['referrer-policy'], 'no-referrer');
  await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
  assert.equal(log.writes('GET', /^\/admin\//).length, 0, 'no admin call before a token is given');
});

test('a wrong token is refused with a clear message, and not kept', async () => {
  await signIn('not-the-admin-token');
  const error = page.locator('#token-error');
  await until('the refusal', async () => /refused this admin token \(401 Unauthorized\)/.test((await error.textContent()) ?? ''));
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.equal(await page.getByLabel('Admin token').getAttribute('aria-invalid'), 'true');
  assert.equal(await sessionToken(), null);
  assert.equal(await page.locator('#workspace').isVisible(), false);
});

test('signing in with the admin token and picking the demo site shows its inbox, newest first', async () => {
  await signIn(ADMIN_TOKEN);
  const picker = page.getByRole('combobox', { name: 'Site' });
  await picker.waitFor();
  await until('focus on the site picker', () => page.evaluate(() => document.activeElement?.id === 'site'));
  await picker.selectOption('demo');
  const card = feedbackCard('Sync says "conflict" whenever I edit on two machines the same day.');
  await card.waitFor();
  // what the API says, in the same order
  const api = (await admin(server, '/admin/sites/demo/feedback')) as { items: FeedbackItem[] };
  await until('every inbox item', async () => (await inboxItems().count()) === api.items.length);
  assert.deepEqual(await page.locator('#inbox-items .message').allTextContents(), api.items.map((f) => f.message));
  // the facts, as text: the page URL is not a link; the time is the API's, shown in the browser's locale
  assert.equal(await shown(card, 'Page').textContent(), 'https://lumen.example/app');
  assert.equal(await shown(card, 'Rating').textContent(), '2');
  assert.equal(await card.locator('a').count(), 0);
  const created = api.items.find((f) => f.id === 'seed-feedback-002')!.createdAt;
  assert.equal(await card.locator('time').getAttribute('datetime'), created);
  assert.equal(await card.locator('time').textContent(), new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(created)));
  assert.equal(await card.getByRole('combobox', { name: /^Status/ }).inputValue(), 'in-progress');
  // the token lives in this tab's sessionStorage only
  assert.equal(await sessionToken(), ADMIN_TOKEN);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.ok(!page.url().includes(ADMIN_TOKEN));
});

test('changing an item’s status saves it on the server; the filter shows one status', async () => {
  const card = feedbackCard('The export queue is great, but I cannot reorder items in it.');
  const status = card.getByRole('combobox', { name: /^Status idea, / });
  assert.equal(await status.inputValue(), 'new');
  await status.selectOption('done');
  await page.getByRole('status').filter({ hasText: 'marked done' }).waitFor();
  const done = (await admin(server, '/admin/sites/demo/feedback?status=done')) as { items: FeedbackItem[] };
  assert.deepEqual(done.items.map((f) => f.id).sort(), ['seed-feedback-001', 'seed-feedback-003']);

  // still signed in after a reload (same tab), and the item says done
  await page.reload();
  await feedbackCard('The export queue is great').waitFor();
  assert.equal(await feedbackCard('The export queue is great').getByRole('combobox', { name: /^Status/ }).inputValue(), 'done');

  await page.getByLabel('Show').selectOption('in-progress');
  await until('only the item in progress', async () => (await inboxItems().count()) === 1);
  await feedbackCard('Sync says "conflict"').waitFor();
  await page.getByLabel('Show').selectOption('spam');
  await feedbackCard('Cheap watches!!!').waitFor();
  assert.equal(await shown(feedbackCard('Cheap watches!!!'), 'Spam').textContent(), 'yes (honeypot)');
  await page.getByLabel('Show').selectOption('');
});

test('what a community member wrote is shown as text: markup, a javascript: URL; and more loads by the cursor', async () => {
  // 20 more than the seed's: the first page (20) is full and the seed's items move to the next one
  for (let i = 1; i <= 20; i++) await submitFeedback({ message: `Filler feedback ${i} (console e2e)` });
  const hostile = '<img src=x onerror="window.__kithXss=1"> <b>bold</b> & <script>window.__kithXss=2</script>';
  await submitFeedback({
    message: hostile,
    category: '<i>idea</i>',
    email: 'someone@example.com',
    context: { url: 'javascript:window.__kithXss=3', title: '<svg onload="window.__kithXss=4">' },
  });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await feedbackCard('Filler feedback 20').waitFor();
  await until('a full first page', async () => (await inboxItems().count()) === 20);

  const xss = feedbackCard('<img src=x onerror=');
  assert.equal(await xss.locator('.message').textContent(), hostile);
  assert.equal(await xss.locator('h3').evaluate((h) => h.firstChild?.textContent), '<i>idea</i>, ');
  assert.equal(await shown(xss, 'Page').textContent(), 'javascript:window.__kithXss=3');
  assert.equal(await shown(xss, 'Page title').textContent(), '<svg onload="window.__kithXss=4">');
  assert.equal(await page.locator('#inbox-items').locator('img, b, i, script, svg, a').count(), 0, 'no element made from feedback');
  assert.equal(await page.evaluate(() => (window as unknown as { __kithXss?: number }).__kithXss), undefined);

  assert.equal(await feedbackCard('Please add Sigma 18-50 lens corrections.').count(), 0);
  const more = page.getByRole('button', { name: 'Load more' });
  await more.click();
  await feedbackCard('Please add Sigma 18-50 lens corrections.').waitFor();
  assert.equal(await inboxItems().count(), 25);
  await feedbackCard('Filler feedback 1 (console e2e)').waitFor();
  assert.equal(await more.isVisible(), false, 'no more pages');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H3', 'focus on the first item loaded');
});

test('a survey’s results show the seed’s figures (NPS 37.5), and its responses download as CSV', async () => {
  await page.getByRole('link', { name: 'Surveys' }).click();
  await until('focus on the Surveys heading', () => page.evaluate(() => document.activeElement?.id === 'surveys-title'));
  assert.equal(await page.getByRole('link', { name: 'Surveys' }).getAttribute('aria-current'), 'page');
  await page.getByRole('button', { name: 'Show results for Quick question' }).click();
  const results = page.locator('#survey-results');
  await results.getByRole('heading', { name: 'Results: Quick question' }).waitFor();

  const summary = (await admin(server, '/admin/sites/demo/surveys/demo-nps/summary')) as { views: number; started: number; finished: number; questions: { score: number; distribution: number[] }[] };
  assert.equal(summary.questions[0]!.score, 37.5);
  const nps = results.locator('section.question').filter({ has: page.getByRole('heading', { name: /How likely are you to recommend Lumen/ }) });
  assert.equal(await shown(nps, 'NPS').textContent(), '37.5');
  assert.equal(await shown(results, 'Responses started').textContent(), String(summary.started));
  assert.equal(await shown(results, 'Finished').textContent(), String(summary.finished));
  assert.equal(await shown(results, 'Views').textContent(), String(summary.views));
  assert.deepEqual([summary.started, summary.finished, summary.views], [24, 20, 40]);
  const tens = nps.getByRole('row', { name: /^10 / });
  assert.equal(await tens.locator('td').first().textContent(), String(summary.questions[0]!.distribution[10]));

  const [download] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Download responses (CSV)' }).click()]);
  assert.equal(download.suggestedFilename(), 'demo-nps-responses.csv');
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  assert.equal(lines[0], 'responseId,surveyVersion,finished,createdAt,updatedAt,locale,url,memberId,nps,detractor,passive,promoter');
  assert.equal(lines.length, 1 + 24);
  assert.equal(csv, await admin(server, '/admin/sites/demo/surveys/demo-nps/responses.csv'));
});

test('moderation: a topic hidden by reports is restored, a reported one hidden; notes are text', async () => {
  for (let i = 0; i < 3; i++) await report('film-grain', 'spam');
  await report('lut-support', 'abuse', '<img src=x onerror="window.__kithXss=5">');
  await page.getByRole('link', { name: 'Moderation' }).click();
  await page.getByRole('button', { name: 'Refresh' }).click();
  const hidden = page.locator('#moderation-items article', { hasText: 'Film grain that looks like real film' });
  await hidden.waitFor();
  assert.equal(await shown(hidden, 'State').textContent(), 'Hidden by reports');
  assert.equal(await shown(hidden, 'Reports').textContent(), '3 (spam 3)');
  const reported = page.locator('#moderation-items article', { hasText: 'Import .cube LUTs as presets' });
  assert.equal(await reported.locator('.quotes li').textContent(), '<img src=x onerror="window.__kithXss=5">');
  assert.equal(await page.locator('#moderation-items img').count(), 0);

  await hidden.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('status').filter({ hasText: 'restored' }).waitFor();
  assert.equal(((await admin(server, '/admin/sites/demo/topics/film-grain')) as { hidden: boolean }).hidden, false);
  assert.equal(await hidden.count(), 0, 'a restored topic leaves the queue');

  await reported.getByRole('button', { name: 'Hide' }).click();
  await page.getByRole('status').filter({ hasText: 'hidden' }).waitFor();
  const topic = (await admin(server, '/admin/sites/demo/topics/lut-support')) as { hidden: boolean; hiddenReason: string };
  assert.deepEqual([topic.hidden, topic.hiddenReason], [true, 'admin']);
  assert.equal(await shown(reported, 'State').textContent(), 'Hidden by an admin');
});

test('at 360 px wide nothing scrolls sideways; keyboard focus is visible', async () => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const [section, link] of [['inbox', 'Feedback inbox'], ['surveys', 'Surveys'], ['moderation', 'Moderation']] as const) {
    await page.getByRole('link', { name: link }).click();
    await until(`#${section} shown`, () => page.locator(`#${section}`).isVisible());
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${section}: the page is ${width} px wide`);
    await screenshot(page, `console-360-${section}`);
  }
  await page.getByRole('button', { name: 'Sign out' }).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('signing out forgets the token and everything shown, even an answer still on its way', async () => {
  await page.getByRole('link', { name: 'Feedback inbox' }).click();
  await screenshot(page, 'console');
  // an inbox page is held back until after the sign-out
  let release!: () => void;
  const held = new Promise<void>((ok) => (release = ok));
  await page.route('**/admin/sites/demo/feedback?*', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  const late = page.waitForResponse((r) => new URL(r.url()).pathname === '/admin/sites/demo/feedback');
  release();
  assert.equal((await late).status(), 200);
  await page.waitForTimeout(200);
  await page.unroute('**/admin/sites/demo/feedback?*');
  assert.equal(await sessionToken(), null);
  assert.equal(await page.locator('#workspace article').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'token');
});

test('no violation of the policy, no console error', async () => {
  assert.deepEqual(await violations(), []);
  // Chromium logs the wrong token's 401 as a failed resource load: the one error expected
  const errors = log.errors.filter((e) => !/status of 401/.test(e));
  assert.deepEqual(errors, []);
});

test('axe finds no accessibility violation in any view', async () => {
  const axeSource = await readFile(createRequire(join(root, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');
  // axe builds its own nodes, so this page is opened without the policy; the one above runs under it
  const context = await browser.newContext({ bypassCSP: true, locale: 'en-US' });
  const axePage = await context.newPage();
  try {
    await axePage.goto(`${server.url}/console/`);
    await axePage.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await axePage.keyboard.press('Enter');
    await axePage.locator('#inbox-items li').first().waitFor();
    await axePage.evaluate(axeSource);
    const check = async (what: string) => {
      const found = await axePage.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(found, [], what);
    };
    await check('inbox');
    await axePage.getByRole('link', { name: 'Surveys' }).click();
    await axePage.getByRole('button', { name: 'Show results for Help us shape Lumen' }).click();
    await axePage.getByRole('heading', { name: 'Results: Help us shape Lumen' }).waitFor();
    await check('survey results');
    await axePage.getByRole('link', { name: 'Moderation' }).click();
    await axePage.locator('#moderation-items li').first().waitFor();
    await check('moderation');
  } finally {
    await context.close();
  }
});
