#!/usr/bin/env node
// The two commands a fresh machine needs (Node >= 20.19 and npm, nothing else):
//
//   npm start   ->  node scripts/kith.mjs start   install, build the embed bundle, run the demo server
//   npm test    ->  node scripts/kith.mjs test    install, find Chromium, run every test stage
//
// Dependency-free on purpose (node: builtins only): it runs before anything is installed.
// Works as root, with CI=true and without stdin. pnpm comes from PATH, or else `npx --yes pnpm@12`.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

function log(msg) {
  console.log(`kith: ${msg}`);
}

function fail(msg, code = 1) {
  console.error(`kith: ${msg}`);
  process.exit(code);
}

function isExecutable(file) {
  try {
    accessSync(file, isWindows ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Full path of `name` on PATH, or undefined. */
function which(name) {
  const exts = isWindows ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = join(dir, name + ext.toLowerCase());
      if (existsSync(file) && isExecutable(file)) return file;
    }
  }
  return undefined;
}

// ---- environment for every child ---------------------------------------------------------------
const env = { ...process.env };
// better-sqlite3 builds from source with node-gyp; pointed at node's own headers it needs no download.
const nodeHeaders = resolve(process.execPath, '../../include/node/node.h');
if (!env.npm_config_nodedir && existsSync(nodeHeaders)) {
  env.npm_config_nodedir = resolve(process.execPath, '../..');
}

/** Runs a command, streaming its output; resolves to the exit code. */
function exec(cmd, args, extraEnv = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...env, ...extraEnv },
      shell: isWindows, // .cmd shims need a shell on Windows
    });
    const forward = (sig) => child.kill(sig);
    process.on('SIGTERM', forward);
    process.on('SIGINT', forward);
    child.on('error', (err) => {
      console.error(`kith: could not run ${cmd}: ${err.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', forward);
      process.off('SIGINT', forward);
      done(signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : code ?? 1);
    });
  });
}

const pnpmOnPath = which('pnpm');
const npx = which('npx');

/** Runs pnpm (from PATH, else through `npx --yes pnpm@12`); resolves to its exit code. */
function pnpmCode(args, extraEnv) {
  if (pnpmOnPath) return exec(pnpmOnPath, args, extraEnv);
  if (!npx) fail('neither pnpm nor npx is on PATH: install Node.js 20 with npm (https://nodejs.org), or `npm i -g pnpm`');
  return exec(npx, ['--yes', 'pnpm@12', ...args], extraEnv);
}

/** Runs pnpm and exits loudly if it fails. */
async function pnpm(args, extraEnv) {
  const code = await pnpmCode(args, extraEnv);
  if (code !== 0) fail(`\`pnpm ${args.join(' ')}\` failed (exit code ${code})`, code || 1);
}

// ---- Chromium ----------------------------------------------------------------------------------
const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
];

function findChrome() {
  if (env.CHROME_PATH) {
    if (existsSync(env.CHROME_PATH)) return env.CHROME_PATH;
    fail(`CHROME_PATH=${env.CHROME_PATH} does not exist`);
  }
  return CHROME_CANDIDATES.find((p) => existsSync(p));
}

async function ensureChrome() {
  let chrome = findChrome();
  if (chrome) return chrome;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (existsSync('/usr/bin/apt-get') && isRoot) {
    log('no Chromium found; installing it with apt-get (Debian/Ubuntu)');
    const aptEnv = { DEBIAN_FRONTEND: 'noninteractive' };
    const updated = await exec('apt-get', ['update'], aptEnv);
    const installed = updated === 0 ? await exec('apt-get', ['install', '-y', 'chromium'], aptEnv) : updated;
    chrome = findChrome();
    if (chrome) return chrome;
    console.error(`kith: apt-get could not install Chromium (exit code ${installed})`);
  }
  fail(
    'no Chromium or Chrome found. Install Chromium: `sudo apt-get install chromium` (Debian/Ubuntu), ' +
      '`brew install --cask chromium` (macOS), or set CHROME_PATH=/path/to/chrome',
  );
}

// ---- commands ----------------------------------------------------------------------------------
async function install() {
  await pnpm(['install']);
}

async function start() {
  await install();
  const embedPkg = join(root, 'packages/embed/package.json');
  const build = existsSync(embedPkg) ? JSON.parse(readFileSync(embedPkg, 'utf8')).scripts?.build : undefined;
  if (build && !/^\s*echo\b/.test(build) && existsSync(join(root, 'packages/embed/src'))) {
    await pnpm(['--filter', '@kith/embed', 'run', '--if-present', 'build']);
  }
  if (!existsSync(join(root, 'packages/server/src/cli.ts'))) fail('packages/server/src/cli.ts does not exist yet: no demo server to start');
  process.exit(await pnpmCode(['run', 'demo']));
}

async function test() {
  await install();
  const chrome = await ensureChrome();
  process.exit(await pnpmCode(['--silent', 'run', 'test:all'], { CHROME_PATH: chrome }));
}

const commands = { start, test, install };
const name = process.argv[2];
if (!commands[name]) {
  console.error('usage: node scripts/kith.mjs start|test|install');
  process.exit(2);
}
await commands[name]();
