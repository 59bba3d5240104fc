// The survey as built for pages (minified kith.js chunks, not the sources the browser tests load):
// stepping Back and Next through choice questions shows each answer as it will be sent. A minifier
// once could fold the two question templates this depends on into one; this checks the real build.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { servePage } from '../../examples/serve.ts';
import { openExample, until, type Db, type Session } from './harness.ts';

let session: Session;
let page: Page;
let db: Db;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kith-steps-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><body>
      <script type="module" src="http://localhost:8787/embed/kith.js" data-endpoint="http://localhost:8787" data-site="demo"></script>
      <kith-survey survey="demo-product" eager></kith-survey></body></html>`,
  );
  session = await openExample({ serve: ({ api }) => servePage({ mounts: { '/': dir }, api }), crossOriginEmbed: true });
  ({ page, db } = session);
});

after(() => session?.close());

test('Back and Next through demo-product: the ticks shown are what reaches the server', async () => {
  const survey = page.locator('kith-survey');
  const next = () => survey.locator('[part~=next]').click();
  const back = () => survey.locator('[part~=back]').click();
  const legend = (text: string) => survey.locator('.q legend', { hasText: text }).waitFor();
  const ticked = async (q: Locator) =>
    q.locator('input').evaluateAll((all) => all.filter((i) => (i as HTMLInputElement).checked).map((i) => i.closest('label')!.textContent!.trim() || i.getAttribute('aria-label')));

  await legend('recommend');
  await survey.getByRole('radio', { name: '9' }).check({ force: true });
  await next();
  await legend('easy');
  await survey.getByRole('radio', { name: /^4 / }).check({ force: true });
  await next();
  await legend('feel about');
  await survey.locator('.q input').nth(3).check({ force: true });
  await next();
  await legend('describes you');
  await survey.getByRole('radio', { name: 'Hobbyist' }).check();
  await next();
  await legend('features');
  const q = survey.locator('.q');
  const first3 = (await q.locator('label').allTextContents()).slice(0, 3).map((t) => t.trim());
  for (const f of first3) await q.getByRole('checkbox', { name: f }).check();
  assert.deepEqual(await ticked(q), first3);

  await back();
  await legend('describes you');
  assert.deepEqual(await ticked(q), ['Hobbyist']);
  await back();
  await legend('feel about');
  assert.equal(await q.locator('input:checked').count(), 1);
  await next();
  await next();
  await legend('features');
  assert.deepEqual(await ticked(q), first3, 'the same three ticked after Back and Next');
  await next();

  const answers = await until('the features answer saved', () => {
    const rows = db.all<{ answers: string }>("SELECT answers FROM survey_responses WHERE site = 'demo' AND survey_id = 'demo-product' AND response_id NOT LIKE 'seed-%'");
    const a = rows[0] && JSON.parse(rows[0].answers);
    return a?.features ? a : undefined;
  });
  assert.equal(answers.features.selected.length, 3);
  assert.deepEqual(answers.role, { selected: ['hobbyist'] });
});
