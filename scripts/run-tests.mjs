#!/usr/bin/env node
// Runs every test stage in order, keeps going after a failure, and ends with exactly one plain line:
//
//   N passed, N failed
//
// (the sum over all stages). Exit code 1 when anything failed or a stage crashed.
//
//   node scripts/run-tests.mjs                    all stages: typecheck browser node size
//   node scripts/run-tests.mjs browser node       only these stages, in this order
//   node scripts/run-tests.mjs node --filter client      only test files whose path contains "client"
//   node scripts/run-tests.mjs browser -- --group survey  everything after -- goes to wtr
//
// Stages:
//   typecheck  `tsc -b`; counts as one test.
//   browser    @web/test-runner (web-test-runner.config.mjs) on packages/*/test/**/*.test.ts except
//              *.node.test.ts; counts from test/reporters/counts.mjs (KITH_COUNTS_FILE).
//   node       `node --import tsx --test` on packages/*/test/**/*.node.test.ts and test/**/*.node.test.ts;
//              spec output on stdout, counts from test/reporters/node-counts.mjs.
//   size       scripts/size.mjs (the `size` script of package.json) when it exists; counts as one test.
// A stage that crashes or exits non-zero without reporting a failure counts as one failed test.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const tmp = mkdtempSync(join(tmpdir(), 'kith-tests-'));

const STAGES = ['typecheck', 'browser', 'node', 'size'];
const ALIASES = { tsc: 'typecheck', types: 'typecheck', wtr: 'browser', unit: 'node' };

// ---- arguments -------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const dashdash = argv.indexOf('--');
const passthrough = dashdash >= 0 ? argv.slice(dashdash + 1) : [];
const own = dashdash >= 0 ? argv.slice(0, dashdash) : argv;
let filter = '';
const wanted = [];
for (let i = 0; i < own.length; i++) {
  const a = own[i];
  if (a === '--filter') filter = own[++i] ?? '';
  else if (a.startsWith('--filter=')) filter = a.slice('--filter='.length);
  else if (a === '-h' || a === '--help') {
    console.log('usage: node scripts/run-tests.mjs [typecheck|browser|node|size ...] [--filter SUBSTRING] [-- wtr args]');
    process.exit(0);
  } else {
    const name = ALIASES[a] ?? a;
    if (!STAGES.includes(name)) {
      console.error(`run-tests: unknown stage "${a}" (stages: ${STAGES.join(', ')})`);
      process.exit(2);
    }
    wanted.push(name);
  }
}
const stages = wanted.length ? wanted : STAGES;

// ---- helpers ---------------------------------------------------------------------------------
/** Runs a command with inherited stdout/stderr and no stdin; resolves to its exit code (or -1). */
function run(cmd, args, env = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.on('error', (err) => {
      console.error(`run-tests: could not start ${cmd}: ${err.message}`);
      done(-1);
    });
    child.on('exit', (code, signal) => done(signal ? -1 : code ?? -1));
  });
}

/** Files under `dir` (recursive, skipping node_modules and dot directories) whose name passes `test`. */
function walk(dir, test, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, test, out);
    else if (e.isFile() && test(e.name)) out.push(p);
  }
  return out;
}

/** Test files in packages/<pkg>/test/** (and, when `alsoRootTest`, in test/**), as sorted repo-relative paths. */
function findTests(test, alsoRootTest) {
  const found = [];
  for (const pkg of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
    if (pkg.isDirectory()) walk(join(root, 'packages', pkg.name, 'test'), test, found);
  }
  if (alsoRootTest) walk(join(root, 'test'), test, found);
  return found
    .map((f) => relative(root, f).split(sep).join('/'))
    .filter((f) => !filter || f.includes(filter))
    .sort();
}

/** Absolute path of a package's bin script (its exports hide package.json, so walk up from main). */
function packageBin(name, binName) {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || readJson(join(dir, 'package.json'))?.name !== name) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find package.json of ${name}`);
    dir = up;
  }
  const bin = readJson(join(dir, 'package.json')).bin;
  return join(dir, typeof bin === 'string' ? bin : bin[binName]);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const isBrowserTest = (name) => name.endsWith('.test.ts') && !name.endsWith('.node.test.ts');
const isNodeTest = (name) => name.endsWith('.node.test.ts');

/** Turns (exit code, counts or undefined) into a stage result. */
function fromCounts(code, counts, what) {
  if (!counts) return { passed: 0, failed: 1, skipped: 0, note: `${what} crashed (exit ${code}, no counts)` };
  const r = { passed: counts.passed | 0, failed: counts.failed | 0, skipped: counts.skipped | 0 };
  if (code !== 0 && r.failed === 0) {
    r.failed = 1;
    r.note = `${what} exited ${code} with no failing test reported: counted as 1 failure`;
  }
  return r;
}

// ---- stages ----------------------------------------------------------------------------------
const stageImpl = {
  async typecheck() {
    const code = await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-b']);
    return code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0, note: `tsc -b exited ${code}` };
  },

  async browser() {
    const files = findTests(isBrowserTest, false);
    if (!files.length && !passthrough.length) return { skip: 'no browser test files (packages/*/test/**/*.test.ts)' };
    const countsFile = join(tmp, 'wtr-counts.json');
    const wtr = packageBin('@web/test-runner', 'wtr');
    const env = { KITH_COUNTS_FILE: countsFile };
    if (filter) env.KITH_TEST_FILES = files.join(',');
    const code = await run(process.execPath, [wtr, '--config', join(root, 'web-test-runner.config.mjs'), ...passthrough], env);
    return fromCounts(code, readJson(countsFile), 'web-test-runner');
  },

  async node() {
    const files = findTests(isNodeTest, true);
    if (!files.length) return { skip: 'no node test files (packages/*/test/**/*.node.test.ts, test/**/*.node.test.ts)' };
    const countsFile = join(tmp, 'node-counts.json');
    const code = await run(process.execPath, [
      '--import',
      'tsx',
      '--test',
      '--test-timeout=180000',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'test/reporters/node-counts.mjs')}`,
      `--test-reporter-destination=${countsFile}`,
      ...files,
    ]);
    return fromCounts(code, readJson(countsFile), 'node --test');
  },

  async size() {
    const script = join(root, 'scripts/size.mjs');
    if (!existsSync(script)) return { skip: 'no scripts/size.mjs' };
    const code = await run(process.execPath, [script]);
    return code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0, note: `size budget check exited ${code}` };
  },
};

// ---- main ------------------------------------------------------------------------------------
const results = [];
for (const [i, name] of stages.entries()) {
  console.log(`\n=== [${i + 1}/${stages.length}] ${name} ===`);
  let r;
  try {
    r = await stageImpl[name]();
  } catch (err) {
    console.error(err);
    r = { passed: 0, failed: 1, skipped: 0, note: `stage crashed: ${err?.message ?? err}` };
  }
  if (r.skip) console.log(`(skipped: ${r.skip})`);
  else if (r.note) console.log(`(${r.note})`);
  results.push({ name, ...r });
}
rmSync(tmp, { recursive: true, force: true });

console.log('\n=== summary ===');
for (const r of results) {
  const line = r.skip
    ? 'skipped'
    : `${r.passed} passed, ${r.failed} failed` + (r.skipped ? `, ${r.skipped} skipped` : '') + (r.note ? `  (${r.note})` : '');
  console.log(`${r.name.padEnd(10)} ${line}`);
}
const passed = results.reduce((n, r) => n + (r.passed ?? 0), 0);
const failed = results.reduce((n, r) => n + (r.failed ?? 0), 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
