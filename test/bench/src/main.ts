// `pnpm bench`: Kith's survey side by side with Formbricks, PostHog surveys and Sentry feedback in
// headless Chromium, then the hot-topics render/update figures, then the server load figures.
//
// Environment:
//   BENCH_RUNS=5        runs per subject (medians are printed)
//   BENCH_CYCLES=100    mount/unmount cycles of the leak check (0 skips it)
//   BENCH_SETTLE_MS=1000  quiet time after the first interactive render before reading the counters
//   BENCH_ONLY=survey,hot-topics,server  parts to run (default all); subject ids also work
//              (kith, formbricks, posthog, sentry, none)
//   BENCH_SCREENSHOTS=dir  save each page as it looks when the counters are read
//   CHROME_PATH=/usr/bin/chromium
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { buildEntry } from './build.ts';
import { hotTopicsBench } from './hot-topics-bench.ts';
import { serverLoad } from './server-load.ts';
import { startServer } from './server.ts';
import { surveyReport } from './report.ts';
import { measureOnce, type RunResult, type Subject } from './survey-bench.ts';
import { template } from './template.ts';
import { chromeArgs, chromePath } from '../../chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = resolve(here, '..');
const repo = resolve(benchDir, '../..');
const buildRoot = join(benchDir, '.build');
const outDir = join(benchDir, '.out');
const require = createRequire(join(benchDir, 'package.json'));

const env = (k: string, d: number) => (process.env[k] !== undefined && process.env[k] !== '' ? Number(process.env[k]) : d);
const RUNS = Math.max(1, env('BENCH_RUNS', 5));
const CYCLES = Math.max(0, env('BENCH_CYCLES', 100));
const SETTLE = Math.max(0, env('BENCH_SETTLE_MS', 1000));
const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const wants = (part: string) => !only.length || only.includes(part);

const surveyDefine = join(repo, 'packages/survey/src/define.ts');
const subjects: Subject[] = [
  {
    id: 'kith',
    label: 'Kith',
    what: '<kith-survey> from packages/survey/src/define.ts, REST backend on the local server',
    entry: join(benchDir, 'pages/kith.js'),
    kind: 'nps',
    slot: (origin) => `<kith-survey survey="bench" site="bench" endpoint="${origin}/kith" eager></kith-survey>`,
    // the rule README.md asks a page to add so the survey's room is kept before any script runs
    css: 'kith-survey:not(:defined):not([display=popover], [display=modal]) { display: block; min-height: 14rem }',
    missing: () => (existsSync(surveyDefine) ? undefined : 'packages/survey/src/define.ts does not exist yet'),
  },
  {
    id: 'formbricks',
    label: 'Formbricks',
    what: `@formbricks/surveys ${version('@formbricks/surveys')} renderSurveyInline (the current @formbricks/js downloads its renderer from the Formbricks app, so it cannot render offline)`,
    entry: join(benchDir, 'pages/formbricks.js'),
    kind: 'nps',
  },
  {
    id: 'posthog',
    label: 'PostHog',
    what: `posthog-js ${version('posthog-js')} (npm) + its lazily loaded surveys.js, API mocked locally, displaySurvey inline`,
    entry: join(benchDir, 'pages/posthog.js'),
    kind: 'nps',
  },
  {
    id: 'sentry',
    label: 'Sentry',
    what: `@sentry/browser ${version('@sentry/browser')} + feedbackIntegration, createForm() dialog; no NPS question exists, ready = its message textarea`,
    entry: join(benchDir, 'pages/sentry.js'),
    kind: 'text',
  },
  {
    id: 'none',
    label: 'template only',
    what: 'the page template with no widget (reference)',
    entry: join(benchDir, 'pages/none.js'),
    kind: 'none',
    baseline: true,
  },
];

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(benchDir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '(not installed)';
  }
}

function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath, args: chromeArgs, headless: true });
}

async function surveyPart(lines: string[]) {
  const chosen = subjects.filter((s) => wants('survey') || only.includes(s.id));
  const skipped: string[] = [];
  const ready: Subject[] = [];
  for (const s of chosen) {
    const why = s.missing?.();
    if (why) skipped.push(`${s.label}: skipped, ${why}.`);
    else ready.push(s);
  }
  const files: Record<string, string> = {};
  try {
    files['posthog/surveys.js'] = require.resolve('posthog-js/dist/surveys.js');
  } catch {
    // posthog-js missing: its page fails to render and says so
  }
  const server = await startServer({ buildDir: buildRoot, files });
  const runnable: Subject[] = [];
  const composition = new Map<string, { group: string; bytes: number }[]>();
  for (const s of ready) {
    const t0 = Date.now();
    try {
      const built = await buildEntry(s.id, s.entry, buildRoot, benchDir);
      server.page(s.id, template({ slot: s.slot?.(server.origin), css: s.css, scripts: built.scripts.map((f) => `/build/${f}`), styles: built.styles.map((f) => `/build/${f}`) }));
      runnable.push(s);
      composition.set(s.id, built.composition);
      console.log(`built ${s.id} in ${Date.now() - t0} ms`);
    } catch (e) {
      skipped.push(`${s.label}: skipped, its page did not build: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const results = new Map<string, RunResult[]>(runnable.map((s) => [s.id, []]));
  const browser = await launch();
  try {
    // one discarded load of each page first, so no subject pays for a cold browser or server
    for (const s of runnable) await measureOnce(browser, server, s, { settleMs: 0, cycles: 0, readyTimeoutMs: 15000 });
    for (let run = 0; run < RUNS; run++) {
      // rotate the order so no subject always runs first (cold) or last
      const order = runnable.map((_, i) => runnable[(i + run) % runnable.length]!);
      for (const s of order) {
        const r = await measureOnce(browser, server, s, { settleMs: SETTLE, cycles: CYCLES, readyTimeoutMs: 15000, screenshots: process.env.BENCH_SCREENSHOTS || undefined });
        results.get(s.id)!.push(r);
        console.log(
          `run ${run + 1}/${RUNS} ${s.id.padEnd(10)} ${r.ok ? `ready ${r.ready.toFixed(0)} ms` : `NOT RENDERED (${r.reason})`}, ${(r.gzip / 1024).toFixed(1)} kB gz, task ${r.taskMs.toFixed(0)} ms, heap ${r.heapMB.toFixed(2)} MB${r.cycleFailures ? `, ${r.cycleFailures} cycle failures` : ''}`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  lines.push(...surveyReport(runnable, results, skipped, { runs: RUNS, cycles: CYCLES, settle: SETTLE, unhandled: server.unhandled, composition }));
  return results;
}

async function main() {
  const started = Date.now();
  const lines: string[] = [];
  const header = `Kith bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${RUNS} run(s), ${CYCLES} mount cycles`;
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  lines.push(`# ${header}`, '', `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average at start ${load()}.`);
  let browserVersion = '';
  try {
    const b = await launch();
    browserVersion = b.version();
    await b.close();
  } catch (e) {
    lines.push(`Chromium did not start (${(e as Error).message.split('\n')[0]}): set CHROME_PATH. Browser parts skipped.`);
  }
  if (browserVersion) {
    lines.push(`Chromium ${browserVersion} (headless), 1280x800, every request served by 127.0.0.1 or blocked.`, '');
    if (wants('survey') || subjects.some((s) => only.includes(s.id))) await surveyPart(lines);
    if (wants('hot-topics')) lines.push('', ...(await hotTopicsBench({ repo, benchDir, buildRoot, runs: RUNS, launch })));
  }
  if (wants('server')) lines.push('', ...(await serverLoad(repo)));
  lines.push('', `Load average at the end: ${load()} (other work on the machine shows up as noise in the times).`);
  lines.push('', `(bench took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const text = lines.join('\n');
  console.log(`\n${text}`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'latest.md'), `${text}\n`);
  console.log(`\n(written to ${join(outDir, 'latest.md')})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
