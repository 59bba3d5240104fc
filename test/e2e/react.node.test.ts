// examples/react: a React 19 app (built with Vite 8, no React plugin) passing properties to the
// Kith elements and listening to their events through `onkith-*` props.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { serveReactApp } from '../../examples/react/start.ts';
import { HUMAN_FILL_MS, pick } from './drive.ts';
import { openExample, root, screenshot, until, type Db, type PageLog, type Session } from './harness.ts';

let session: Session;
let page: Page;
let log: PageLog;
let db: Db;

before(async () => {
  execFileSync('pnpm', ['--filter', '@kith/example-react', 'run', 'build'], { cwd: root, stdio: 'pipe' });
  session = await openExample({ serve: serveReactApp });
  ({ page, log, db } = session);
});

after(() => session?.close());

const events = () => page.getByTestId('events').locator('li').allTextContents();

test('React renders the four elements, configured by configure() from @kith/client', async () => {
  await page.locator('kith-survey').getByText('How likely are you to recommend Lumen').waitFor();
  await page.locator('kith-feedback').getByRole('textbox', { name: 'Your feedback' }).waitFor();
  await page.locator('kith-hot-topics').getByRole('link').first().waitFor();
  await page.locator('kith-badge-wall').getByRole('table').waitFor();
  assert.equal(await page.locator('kith-hot-topics [part~="topic"]').count(), 3, 'limit={3} shows three topics');
});

test('React 19 sets properties, not attributes, for props the element defines', async () => {
  const topics = await page.locator('kith-hot-topics').evaluate((e) => {
    const el = e as HTMLElement & { limit?: number; voting: boolean; sort?: string };
    return { limit: el.limit, limitAttr: el.getAttribute('limit'), voting: el.voting, sort: el.sort };
  });
  assert.deepEqual(topics, { limit: 3, limitAttr: null, voting: true, sort: 'top' });
  const survey = await page.locator('kith-survey').evaluate((e) => {
    const el = e as HTMLElement & { locale?: string; theme?: string };
    return { locale: el.locale, theme: el.theme, localeAttr: el.getAttribute('locale') };
  });
  assert.deepEqual(survey, { locale: 'en', theme: 'light', localeAttr: null });
});

test('a locale chosen in React state reaches every element', async () => {
  await page.getByLabel('Language').selectOption('es');
  await page.locator('kith-survey').getByText('¿Qué probabilidad hay de que recomiendes Lumen').waitFor();
  await page.locator('kith-feedback').getByRole('textbox', { name: 'Tu comentario' }).waitFor();
  await page.locator('kith-hot-topics').getByRole('button', { name: 'Cargar más' }).waitFor();
  await page.locator('kith-badge-wall').getByRole('columnheader', { name: 'Puntos' }).waitFor();
  await page.getByLabel('Language').selectOption('en');
  await page.locator('kith-survey').getByText('How likely are you to recommend Lumen').waitFor();
});

test('the theme property switches the elements to dark', async () => {
  const bg = () => page.locator('kith-survey').evaluate((e) => getComputedStyle(e.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor);
  const light = await bg();
  await page.getByLabel('Dark theme').check();
  const dark = await until('a dark survey', async () => ((await bg()) !== light ? bg() : undefined));
  const channels = dark.match(/\d+/g)!.slice(0, 3).map(Number);
  assert.ok(channels.every((c) => c < 100), `dark background, got ${dark}`);
  await page.getByLabel('Dark theme').uncheck();
});

test('onkith-survey-answer and onkith-survey-complete handlers fire, and the response reaches the server', async () => {
  const survey = page.locator('kith-survey');
  await pick(page, survey, '7');
  await survey.getByRole('button', { name: 'Next' }).click();
  await survey.getByRole('textbox', { name: 'What one thing would make Lumen a 10 for you?' }).fill('Tethered shooting (react e2e).');
  await survey.getByRole('button', { name: 'Submit' }).click();
  await survey.getByRole('heading', { name: 'Thank you!' }).waitFor();
  const lines = await until('the complete event in React state', async () => {
    const l = await events();
    return l.some((x) => x.startsWith('survey complete')) ? l : undefined;
  });
  assert.deepEqual(lines.slice(0, 3), ['answered nps', 'answered passive', 'survey complete: {"nps":7,"passive":"Tethered shooting (react e2e)."}']);
  await until('the finished response in the database', () =>
    db.all("SELECT 1 FROM survey_responses WHERE survey_id = 'demo-nps' AND finished = 1 AND answers LIKE '%react e2e%'").length === 1,
  );
});

test('a method called through a React ref (prefill, open), then onkith-feedback-sent fires', async () => {
  const feedback = page.locator('kith-feedback');
  await page.getByRole('button', { name: 'Report a bug' }).click();
  assert.equal(await feedback.getByRole('radio', { name: 'Bug', exact: true }).isChecked(), true, 'prefill picked the category');
  await until('the message field focused by open()', () => feedback.evaluate((e) => e.shadowRoot?.activeElement?.matches('textarea') ?? false));
  await page.keyboard.type('Export dialog forgets my last folder (react e2e).');
  await page.waitForTimeout(HUMAN_FILL_MS); // the server files a form filled in under 1.5 s as spam
  await feedback.getByRole('button', { name: 'Submit' }).click();
  const sent = await until('the sent event in React state', async () => (await events()).find((x) => x.startsWith('feedback sent: ')));
  const id = sent.slice('feedback sent: '.length);
  const rows = db.all<{ category: string; spam: number }>("SELECT category, spam FROM feedback WHERE site = 'demo' AND id = ?", id);
  assert.deepEqual(rows, [{ category: 'bug', spam: 0 }]);
});

test('onkith-topic-vote fires with the topic and value', async () => {
  const topic = page.locator('kith-hot-topics [part~="topic"]').first();
  const id = await page.locator('kith-hot-topics').evaluate((e) => (e as HTMLElement & { topics: { id: string }[] }).topics[0]!.id);
  await topic.locator('button[aria-pressed]').click();
  await until('the vote event', async () => (await events()).includes(`vote for ${id}`));
  await until('the vote row', () => db.all("SELECT 1 FROM topic_votes WHERE topic_id = ? AND value = 1", id).length === 1);
});

test('no console errors or uncaught exceptions', async () => {
  await screenshot(page, 'react');
  assert.deepEqual(log.errors.filter((e) => !e.includes('favicon.ico')), []);
});
