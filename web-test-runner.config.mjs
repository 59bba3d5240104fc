// Browser tests: @web/test-runner 0.20 + Playwright driving the system Chromium (never a downloaded one).
//
//   pnpm wtr                                  all packages/*/test/**/*.test.ts (not *.node.test.ts)
//   pnpm wtr --group survey                   one package (a group per directory in packages/)
//   pnpm wtr --files packages/ui/test/button.test.ts
//   KITH_TEST_FILES='packages/ui/test/**/*.test.ts' pnpm wtr      (comma-separated globs)
//   CHROME_PATH=/path/to/chrome pnpm wtr      (default /usr/bin/chromium)
//   KITH_BROWSER_LOGS=0 pnpm wtr               hide browser console output
//
// Test files import from '@esm-bundle/chai' and use mocha's describe/it (globals).
// msw: call setupWorker(...).start() in a test; /mockServiceWorker.js is served from msw's package.
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { countsReporter } from './test/reporters/counts.mjs';
import { chromeArgs, chromePath } from './test/chromium.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const mswWorkerFile = require.resolve('msw/mockServiceWorker.js');

const EXCLUDE = '!**/*.node.test.ts';
const ALL = ['packages/*/test/**/*.test.ts', EXCLUDE, '!**/node_modules/**'];

const envFiles = (process.env.KITH_TEST_FILES ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const files = envFiles.length ? [...envFiles, EXCLUDE] : ALL;

// One group per package, only declared when --group is asked for: wtr runs the top-level `files`
// AND every group when no --group is given, which would run each test twice.
const wantsGroup = process.argv.some((a) => a === '--group' || a.startsWith('--group='));
const groups = wantsGroup
  ? readdirSync(join(root, 'packages'))
      .filter((name) => statSync(join(root, 'packages', name)).isDirectory())
      .map((name) => ({ name, files: [`packages/${name}/test/**/*.test.ts`, EXCLUDE] }))
  : undefined;

// Classic script run before the test framework on every test page: keeps a failing assertion that
// compares DOM nodes from hanging the file for 120 s (see the file for the upstream bug).
const cloneGuard = readFileSync(join(root, 'test/browser-setup/wtr-clone-guard.js'), 'utf8');
const testRunnerHtml = (testFramework) =>
  `<!DOCTYPE html><html><head><script>${cloneGuard}</script></head>` +
  `<body><script type="module" src="${testFramework}"></script></body></html>`;

const NOISE = [/^Lit is in dev mode/, /^\[MSW\] Mocking enabled/, /^Multiple versions of Lit loaded/];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: root,
  files,
  groups,
  testRunnerHtml,
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  // no cursor-moving progress output when nobody is watching (CI logs, pipes)
  staticLogging: Boolean(process.env.CI) || !process.stdout.isTTY,
  concurrentBrowsers: 1,
  browserLogs: process.env.KITH_BROWSER_LOGS !== '0',
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && NOISE.some((re) => re.test(args[0]))),
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // esbuild does not follow `extends`: this file repeats experimentalDecorators/useDefineForClassFields.
      tsconfig: join(root, 'test/tsconfig.browser.json'),
    }),
  ],
  middleware: [
    function mswWorker(ctx, next) {
      if (ctx.path === '/mockServiceWorker.js') {
        ctx.type = 'application/javascript';
        ctx.set('Service-Worker-Allowed', '/');
        ctx.body = readFileSync(mswWorkerFile, 'utf8');
        return undefined;
      }
      return next();
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromePath,
        args: [
          ...chromeArgs,
          // many test pages run at once: keep timers in background pages at full speed
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), countsReporter()],
};
