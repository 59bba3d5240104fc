// Part 2: <kith-hot-topics> with 1,000 topics, and 100 live updates.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildEntry } from './build.ts';
import { startServer } from './server.ts';
import { median, ms, num, table } from './stats.ts';
import { openContext } from './survey-bench.ts';
import { template } from './template.ts';

export interface HotTopicsOptions {
  repo: string;
  benchDir: string;
  buildRoot: string;
  runs: number;
  launch: () => Promise<Browser>;
}

interface Render {
  ms: number;
  backendMs: number;
  validateMs?: number;
  items: number;
  selector: string;
  nodes: number;
}
interface Update {
  ms: number;
  nodes: number;
  records: number;
}

const TOPICS = 1000;
const UPDATES = 100;

export async function hotTopicsBench(o: HotTopicsOptions): Promise<string[]> {
  const out = [`## Hot topics: ${TOPICS.toLocaleString('en')} topics, ${UPDATES} live updates (median of ${o.runs} run${o.runs > 1 ? 's' : ''})`, ''];
  const define = join(o.repo, 'packages/hot-topics/src/define.ts');
  if (!existsSync(define)) {
    out.push('Skipped: packages/hot-topics/src/define.ts does not exist yet.');
    return out;
  }
  try {
    await buildEntry('hot-topics', join(o.benchDir, 'pages/hot-topics.js'), o.buildRoot, o.benchDir);
  } catch (e) {
    out.push(`Skipped: the hot-topics page did not build: ${(e as Error).message.split('\n')[0]}`);
    return out;
  }
  const server = await startServer({ buildDir: o.buildRoot, files: {} });
  server.page('hot-topics', template({ scripts: ['/build/hot-topics/entry.js'] }));
  const browser = await o.launch();
  const cases = [
    { id: 'paged', label: `widget as shipped (pages from a ${TOPICS.toLocaleString('en')}-topic memoryBackend)`, all: false },
    { id: 'all', label: `all ${TOPICS.toLocaleString('en')} topics in one page (listTopics wrapped)`, all: true },
  ];
  const renders = new Map<string, Render[]>(cases.map((c) => [c.id, []]));
  const updates = new Map<string, Update[]>(cases.map((c) => [c.id, []]));
  const errors: string[] = [];
  try {
    for (let run = 0; run < o.runs; run++) {
      for (const c of cases) {
        const blocked: string[] = [];
        const context = await openContext(browser, server.origin, blocked);
        try {
          const page = await context.newPage();
          page.on('pageerror', (e) => errors.push(e.message));
          await page.goto(`${server.origin}/hot-topics.html`, { waitUntil: 'load' });
          await page.waitForFunction(() => '__hot' in window, null, { timeout: 10000 });
          const r = (await page.evaluate(([n, all]) => (window as unknown as { __hot: { render(n: number, all: boolean): Promise<Render> } }).__hot.render(n, all), [TOPICS, c.all] as const)) as Render;
          if (c.all) r.validateMs = (await page.evaluate((n) => (window as unknown as { __hot: { validate(n: number): number } }).__hot.validate(n), TOPICS)) as number;
          renders.get(c.id)!.push(r);
          let line = `hot-topics run ${run + 1}/${o.runs} ${c.id}: ${r.items} items (${r.selector || 'none found'}) in ${r.ms.toFixed(0)} ms`;
          if (r.items > 0) {
            const u = (await page.evaluate((n) => (window as unknown as { __hot: { updates(n: number): Promise<Update[]> } }).__hot.updates(n), UPDATES)) as Update[];
            updates.get(c.id)!.push(...u);
            line += `, update median ${median(u.map((x) => x.ms)).toFixed(1)} ms, ${median(u.map((x) => x.nodes))} nodes`;
          }
          console.log(line);
        } catch (e) {
          errors.push((e as Error).message.split('\n')[0]!);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const rows = cases.map((c) => {
    const r = renders.get(c.id)!;
    const u = updates.get(c.id)!;
    const p95 = (xs: number[]) => {
      const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
      return v.length ? v[Math.min(v.length - 1, Math.floor(v.length * 0.95))]! : NaN;
    };
    return [
      c.label,
      ms(median(r.map((x) => x.ms))),
      ms(median(r.map((x) => x.backendMs))),
      c.all ? ms(median(r.map((x) => x.validateMs ?? NaN))) : 'n/a',
      num(median(r.map((x) => x.items))),
      num(median(r.map((x) => x.nodes))),
      u.length ? ms(median(u.map((x) => x.ms))) : 'n/a',
      u.length ? ms(p95(u.map((x) => x.ms))) : 'n/a',
      u.length ? `${num(median(u.map((x) => x.nodes)))} / ${num(Math.max(...u.map((x) => x.nodes)))}` : 'n/a',
      u.length ? `${u.filter((x) => !Number.isFinite(x.ms)).length}` : 'n/a',
    ];
  });
  out.push(table(['case', 'render', 'of which in memoryBackend', 'client validation of the page (apart)', 'items shown', 'DOM nodes', `update (median of ${UPDATES}×runs)`, 'update p95', 'nodes touched per update (median / max)', 'updates with no DOM change'], rows));
  out.push(
    '',
    'Render: from appending the element (eager, live) to the last change in the number of rendered topics (then stable for 400 ms); it includes the backend call, the client validating every topic, and the render.',
    'Update: backend.publish({ type: "upsert", topic }) of a topic on screen to the last DOM mutation it caused; nodes touched = distinct mutation targets, added and removed nodes.',
  );
  if (errors.length) out.push(`Errors: ${[...new Set(errors)].slice(0, 3).join(' | ')}`);
  return out;
}
