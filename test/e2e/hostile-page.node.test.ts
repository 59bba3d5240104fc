// examples/hostile-page: the four widgets under global CSS as rude as real sites get (a `*` reset with
// !important sizes and line-height, `all: unset` on form controls, `direction: rtl` on body, html at
// 62.5%, a fixed header at the highest z-index). Computed styles are checked inside the shadow roots,
// and screenshots land in test-results/e2e/ for a person to look at.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { serveHostilePage } from '../../examples/hostile-page/start.ts';
import { answerNps, openBadge, pick, sendFeedback, vote } from './drive.ts';
import { openExample, resultsDir, screenshot, until, type Db, type PageLog, type Session } from './harness.ts';

const TAGS = ['kith-survey', 'kith-feedback', 'kith-hot-topics', 'kith-badge-wall'] as const;

let session: Session;
let page: Page;
let log: PageLog;
let db: Db;

before(async () => {
  session = await openExample({ serve: serveHostilePage, crossOriginEmbed: true });
  ({ page, log, db } = session);
  await page.locator('kith-survey').getByRole('button', { name: 'Next' }).waitFor();
  await page.locator('kith-hot-topics').getByRole('link').first().waitFor();
  await page.locator('kith-badge-wall').getByRole('button').first().waitFor();
});

after(() => session?.close());

interface Looks {
  tag: string;
  direction: string;
  fontSize: number;
  lineHeight: number;
  textTransform: string;
  letterSpacing: string;
  boxSizing: string;
  buttons: { label: string; width: number; height: number; fontSize: number; paddingInline: number; cursor: string; background: string; display: string }[];
}

/** Computed styles inside each widget's shadow root: its wrapper and every visible button. */
const looks = (): Promise<Looks[]> =>
  // (no named functions inside: tsx would wrap them in a helper the page does not have)
  page.evaluate((tags) =>
    tags.map((tag) => {
      const root = document.querySelector(`${tag}:not(#corner)`)!.shadowRoot!;
      const base = getComputedStyle(root.querySelector('[part~="base"]')!);
      const buttons = [...root.querySelectorAll('button')]
        .filter((b) => b.getClientRects().length > 0 && !b.closest('dialog:not([open])'))
        .map((b) => {
          const s = getComputedStyle(b);
          const r = b.getBoundingClientRect();
          return {
            label: (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().slice(0, 30),
            width: r.width,
            height: r.height,
            fontSize: Number.parseFloat(s.fontSize),
            paddingInline: Number.parseFloat(s.paddingLeft) + Number.parseFloat(s.paddingRight),
            cursor: s.cursor,
            background: s.backgroundColor,
            display: s.display,
          };
        });
      return {
        tag,
        direction: base.direction,
        fontSize: Number.parseFloat(base.fontSize),
        lineHeight: Number.parseFloat(base.lineHeight),
        textTransform: base.textTransform,
        letterSpacing: base.letterSpacing,
        boxSizing: base.boxSizing,
        buttons,
      };
    }),
  TAGS);

test('screenshots of the page and of each widget (test-results/e2e/hostile-*.png)', async () => {
  await screenshot(page, 'hostile-page');
  for (const tag of TAGS) {
    const el = page.locator(`${tag}:not(#corner)`);
    await el.scrollIntoViewIfNeeded();
    await el.screenshot({ path: `${resultsDir}/hostile-${tag}.png` });
  }
});

test('English widgets stay left-to-right on a right-to-left body', async () => {
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl', 'the page is rtl');
  for (const l of await looks()) assert.equal(l.direction, 'ltr', `${l.tag} direction`);
});

test('text sizes stay readable under `* { font-size: 13px !important }` and `html { font-size: 62.5% }`', async () => {
  for (const l of await looks()) {
    assert.ok(l.fontSize >= 12 && l.fontSize <= 24, `${l.tag} base font-size ${l.fontSize}px`);
    for (const b of l.buttons) assert.ok(b.fontSize >= 12, `${l.tag} button "${b.label}" font-size ${b.fontSize}px`);
  }
  // The page's `*` rule reaches the host element itself (outer rules beat `:host`), so the inner
  // wrapper resets what would otherwise inherit inward.
  for (const l of await looks()) {
    assert.ok(l.lineHeight >= 1.2 * l.fontSize, `${l.tag} line-height ${l.lineHeight}px for ${l.fontSize}px text`);
    assert.equal(l.textTransform, 'none', `${l.tag} text-transform`);
    assert.equal(l.letterSpacing, 'normal', `${l.tag} letter-spacing`);
  }
});

test('the widgets’ own box model survives `* { box-sizing: content-box !important }`', async () => {
  for (const l of await looks()) assert.equal(l.boxSizing, 'border-box', l.tag);
});

test('buttons survive `all: unset !important` and a hot-pink page rule: padded, 24px targets, pointer', async () => {
  for (const l of await looks()) {
    assert.ok(l.buttons.length > 0, `${l.tag} shows buttons`);
    for (const b of l.buttons) {
      const what = `${l.tag} button "${b.label}"`;
      assert.ok(b.width >= 24 && b.height >= 24, `${what} is ${b.width}×${b.height}, WCAG 2.2 wants 24×24`);
      assert.ok(b.paddingInline > 0, `${what} has inline padding`);
      assert.equal(b.cursor, 'pointer', `${what} cursor`);
      assert.notEqual(b.background, 'rgb(255, 105, 180)', `${what} is not the page's hot pink`);
      assert.notEqual(b.display, 'inline', `${what} display`);
    }
  }
});

test('every widget still works: survey, feedback with thumbs and email, vote, badge detail', async () => {
  await answerNps(page, 10, { question: 'What do you love most about Lumen?', text: 'Survives our CSS (hostile e2e).' });
  const feedback = page.locator('kith-feedback:not(#corner)');
  const since = Date.now();
  await pick(page, feedback, 'Praise');
  await pick(page, feedback, 'Good');
  await feedback.getByRole('textbox', { name: /email/i }).fill('visitor@example.com');
  await sendFeedback(page, 'Readable even here (hostile e2e).', { since, feedback });
  await vote(page, 'Welcome to the Lumen community');
  const dialog = await openBadge(page, 'Upvoter');
  await dialog.getByText('Vote for one topic.').waitFor();
  await page.keyboard.press('Escape');

  await until('the writes on the server', () => {
    const response = db.all("SELECT 1 FROM survey_responses WHERE finished = 1 AND answers LIKE '%hostile e2e%'").length;
    const feedbackRows = db.all<{ email: string; category: string; rating: number }>("SELECT email, category, rating FROM feedback WHERE message = 'Readable even here (hostile e2e).'");
    const votes = db.all("SELECT 1 FROM topic_votes WHERE topic_id = 'welcome' AND value = 1").length;
    const f = feedbackRows[0];
    return response === 1 && feedbackRows.length === 1 && f?.email === 'visitor@example.com' && f.category === 'praise' && f.rating === 1 && votes === 1;
  });
  await screenshot(page, 'hostile-page-after');
});

test('the corner launcher sits in its corner, full size', async () => {
  const box = await page.locator('#corner').getByRole('button', { name: 'Help us' }).boundingBox();
  assert.ok(box && box.width >= 24 && box.height >= 24, 'a real target');
  assert.ok(box!.x + box!.width > 1280 - 64 && box!.y < 64, `top-right, got ${JSON.stringify(box)}`);
  // The page's fixed header has z-index 2147483647 and covers that corner: the launcher sits in the top
  // layer (popover="manual"), so the topmost element at its centre is the launcher and a click opens it.
  const cx = box!.x + box!.width / 2;
  const cy = box!.y + box!.height / 2;
  const hit = await page.evaluate(([x, y]) => {
    const host = document.elementFromPoint(x!, y!);
    const inner = host?.shadowRoot?.elementFromPoint(x!, y!);
    return { host: host?.id ?? host?.localName, part: inner?.getAttribute('part') };
  }, [cx, cy]);
  assert.deepEqual(hit, { host: 'corner', part: 'launcher' });
  await page.mouse.click(cx, cy);
  await until('the panel opens', () => page.locator('#corner').getByRole('dialog').isVisible());
  await page.keyboard.press('Escape');
});

test('no console errors or uncaught exceptions', () => {
  assert.deepEqual(log.errors.filter((e) => !e.includes('favicon.ico')), []);
});
