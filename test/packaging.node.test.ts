// What npm users get: each publishable package is built with its own `build` script, packed with
// `pnpm pack` (which applies publishConfig and rewrites workspace:* ranges), unpacked, and checked
// from the packed package.json: every `exports` entry has `types` and `default`/`import` files that
// are in the tarball (`./react`, JSX types, only `types`), the shipped JS imports no .ts source and only what the package depends on,
// the .d.ts files' relative imports resolve inside the tarball, only `define` registers an element,
// and a consumer's TypeScript (moduleResolution bundler and nodenext), React JSX included,
// type-checks against the unpacked @kith/client, @kith/ui and @kith/survey with no errors.
//
// Everything happens in a temporary copy of the workspace (sources and configs, node_modules linked
// to this checkout's packages): other test files run at the same time and the e2e ones serve
// packages/embed/dist, which a build here would empty under them. No network: build, pack, tsc.
// pnpm runs an install before `pnpm run` unless verifyDepsBeforeRun is false; the copy turns it off
// and links package folders only (never node_modules/.pnpm or .bin), so nothing pnpm does there can
// write into this checkout's node_modules (a test below checks that).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Package folders published to npm as built JS + .d.ts. */
const PUBLISHED = ['client', 'ui', 'survey', 'feedback', 'hot-topics', 'badge-wall', 'embed'];
/** Not built: @kith/server runs from its TypeScript source through tsx (see its README). */
const FROM_SOURCE = ['server'];

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  types?: string;
  customElements?: string;
  sideEffects?: boolean | string[];
  exports?: Record<string, string | Record<string, string>>;
  publishConfig?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Runs a command; resolves with its output, rejects with it (and the exit code) on failure. */
function run(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        CI: 'true',
        FORCE_COLOR: '0',
        npm_config_update_notifier: 'false',
        npm_config_offline: 'true',
        npm_config_verify_deps_before_run: 'false',
        // the build scripts' vite and tsc: this checkout's bins (the copy has no node_modules/.bin)
        PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
      },
      shell: process.platform === 'win32' && !/\.(c|m)?js$/.test(cmd),
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${code}:\n${out.slice(-6000)}`))));
  });
}

/** pnpm as `pnpm run` started us (npm_execpath), else from PATH. */
function pnpm(args: string[], cwd: string): Promise<string> {
  const exec = process.env.npm_execpath;
  if (exec && /pnpm/i.test(basename(exec))) {
    return /\.(c|m)?js$/.test(exec) ? run(process.execPath, [exec, ...args], cwd) : run(exec, args, cwd);
  }
  return run('pnpm', args, cwd);
}

/** Directory symlink (a junction on Windows, which needs no privilege). */
const link = (target: string, path: string) => {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path, 'junction');
};

/**
 * A copy of the workspace with the published packages only: their sources and configs, each
 * package's node_modules rebuilt as links (to this checkout's store, @kith/* to the copies).
 */
function copyWorkspace(into: string): void {
  for (const f of ['package.json', 'tsconfig.json', 'tsconfig.base.json', 'scripts/vite-shared.mjs']) cpSync(join(root, f), join(into, f));
  writeFileSync(join(into, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\nverifyDepsBeforeRun: false\n');
  // a real folder (pnpm keeps its run state there) of links to the packages' real folders
  const modules = join(root, 'node_modules');
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    const names = name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name];
    for (const n of names) link(realpathSync(join(modules, n)), join(into, 'node_modules', n));
  }
  for (const p of PUBLISHED) {
    const from = join(root, 'packages', p);
    const to = join(into, 'packages', p);
    cpSync(from, to, {
      recursive: true,
      filter: (src) => !['node_modules', 'dist', 'test', 'bench'].includes(relative(from, src).split(sep)[0]!),
    });
    const modules = join(from, 'node_modules');
    for (const name of existsSync(modules) ? readdirSync(modules) : []) {
      if (name.startsWith('.')) continue;
      const names = name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name];
      for (const n of names) {
        const real = realpathSync(join(modules, n));
        const sibling = relative(join(root, 'packages'), real);
        const target = n.startsWith('@kith/') && !sibling.startsWith('..') ? join(into, 'packages', sibling) : real;
        link(target, join(to, 'node_modules', n));
      }
    }
  }
}

/** Extracts a .tgz (ustar, as npm and pnpm write it) into `dest`, dropping the leading `package/`. */
function untgz(file: string, dest: string): string[] {
  const buf = gunzipSync(readFileSync(file));
  const files: string[] = [];
  let pax: string | undefined;
  for (let off = 0; off + 512 <= buf.length; ) {
    const h = buf.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const field = (a: number, b: number) => h.subarray(a, b).toString('utf8').replace(/\0[\s\S]*$/, '');
    const size = parseInt(field(124, 136).trim() || '0', 8);
    const type = field(156, 157) || '0';
    const body = buf.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      pax = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
      continue;
    }
    const prefix = field(345, 500);
    const name = pax ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    pax = undefined;
    if (type !== '0') continue;
    const path = posix.normalize(name).replace(/^package\//, '');
    assert.ok(!path.startsWith('../') && !posix.isAbsolute(path), `${file}: unsafe path ${name}`);
    mkdirSync(dirname(join(dest, path)), { recursive: true });
    writeFileSync(join(dest, path), body);
    files.push(path);
  }
  return files.sort();
}

/** Import specifiers of a JS or .d.ts file: static, dynamic, re-exports and `import("...")` types. */
function specifiers(code: string): string[] {
  const found = new Set<string>();
  const noComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const re of [/\b(?:import|export)\s*(?:type\s+)?[\w*${}\s,]*?\bfrom\s*(["'`])([^"'`]+)\1/g, /\bimport\s*\(\s*(["'`])([^"'`$]+)\1/g, /\bimport\s*(["'`])([^"'`]+)\1/g]) {
    for (const m of noComments.matchAll(re)) found.add(m[2]!);
  }
  return [...found];
}

/** `lit/decorators.js` -> `lit`, `@kith/client/protocol` -> `@kith/client`. */
const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

interface Packed {
  dir: string;
  tarball: string;
  bytes: number;
  files: string[];
  manifest: Manifest;
  workspace: Manifest;
}

let tmp = '';
const packed = new Map<string, Packed>();
let consumer = '';
let buildSeconds = 0;

before(
  async () => {
    tmp = realpathSync(mkdtempSync(join(tmpdir(), 'kith-packaging-')));
    const ws = join(tmp, 'workspace');
    copyWorkspace(ws);
    const started = performance.now();
    await pnpm(['-r', '--filter', './packages/**', 'run', 'build'], ws);
    buildSeconds = (performance.now() - started) / 1000;
    const tarballs = join(tmp, 'tarballs');
    consumer = join(tmp, 'consumer');
    await Promise.all(
      PUBLISHED.map(async (p) => {
        const workspace = readJson<Manifest>(join(ws, 'packages', p, 'package.json'));
        const into = join(tarballs, p);
        mkdirSync(into, { recursive: true });
        await pnpm(['pack', '--pack-destination', into], join(ws, 'packages', p));
        const made = readdirSync(into).filter((f) => f.endsWith('.tgz'));
        assert.equal(made.length, 1, `${p}: pnpm pack wrote one tarball`);
        const tarball = join(into, made[0]!);
        // unpacked where a consumer's install would put it (the last test type-checks against these)
        const dir = join(consumer, 'node_modules', ...workspace.name.split('/'));
        const files = untgz(tarball, dir);
        packed.set(p, { dir, tarball, bytes: statSync(tarball).size, files, manifest: readJson<Manifest>(join(dir, 'package.json')), workspace });
      }),
    );
  },
  { timeout: 600_000 },
);

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('every package in packages/ is either published as built JS or documented as run from source', () => {
  const all = readdirSync(join(root, 'packages')).filter((d) => existsSync(join(root, 'packages', d, 'package.json')));
  const missing = all.filter((d) => !PUBLISHED.includes(d) && !FROM_SOURCE.includes(d) && !readJson<Manifest>(join(root, 'packages', d, 'package.json')).private);
  assert.deepEqual(missing, [], 'add new packages to PUBLISHED (with publishConfig, tsconfig.build.json) or mark them private');
});

for (const p of PUBLISHED) {
  test(`@kith/${p}: the packed package points only at built JS and .d.ts that it ships`, (t) => {
    const { dir, files, manifest: m, workspace, bytes } = packed.get(p)!;
    const has = (path: string) => files.includes(posix.normalize(path.replace(/^\.\//, '')));
    t.diagnostic(`${basename(packed.get(p)!.tarball)}: ${(bytes / 1000).toFixed(1)} kB packed, ${files.length} files; workspace build ${buildSeconds.toFixed(1)} s`);

    // exports: the publishConfig ones, each with types and a default/import file in the tarball
    assert.deepEqual(m.exports, workspace.publishConfig?.exports, 'exports come from publishConfig');
    assert.deepEqual(Object.keys(m.exports ?? {}), Object.keys(workspace.exports ?? {}), 'the same subpaths as in the workspace');
    for (const [sub, target] of Object.entries(m.exports ?? {})) {
      assert.equal(typeof target, 'object', `exports["${sub}"] has conditions`);
      const conditions = target as Record<string, string>;
      assert.ok(conditions.types, `exports["${sub}"].types`);
      assert.equal(Object.keys(conditions)[0], 'types', `exports["${sub}"]: types comes first`);
      const js = conditions.import ?? conditions.default;
      // `./react` is types only (JSX declarations): nothing to import at run time
      if (sub === './react') assert.deepEqual(Object.keys(conditions), ['types'], `exports["${sub}"] is types only`);
      else assert.ok(js, `exports["${sub}"] has default or import`);
      for (const [cond, file] of Object.entries(conditions)) {
        assert.match(file, cond === 'types' ? /^\.\/dist\/.+\.d\.ts$/ : /^\.\/dist\/.+\.js$/, `exports["${sub}"].${cond}`);
        assert.ok(has(file), `exports["${sub}"].${cond}: ${file} is in the tarball`);
      }
    }
    for (const field of ['main', 'types'] as const) {
      assert.ok(m[field], `${field} is set`);
      assert.ok(has(m[field]!), `${field}: ${m[field]} is in the tarball`);
    }

    // contents: dist, the manifest and README; no sources, no build info
    assert.deepEqual(files.filter((f) => !/^(dist\/|package\.json$|README\.md$|custom-elements\.json$)/.test(f)), [], 'only dist/, package.json, README.md, custom-elements.json');
    assert.deepEqual(files.filter((f) => f.endsWith('.tsbuildinfo') || (f.endsWith('.ts') && !f.endsWith('.d.ts'))), [], 'no .ts sources or .tsbuildinfo');
    if (existsSync(join(root, 'packages', p, 'README.md'))) assert.ok(has('README.md'), 'README.md is shipped');

    // dependencies: workspace:* became the version of the package it names
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
      for (const [dep, range] of Object.entries(m[field] ?? {})) {
        assert.doesNotMatch(range, /^workspace:/, `${field}.${dep} = ${range}`);
        if (dep.startsWith('@kith/')) {
          const version = readJson<Manifest>(join(root, 'packages', dep.slice('@kith/'.length), 'package.json')).version;
          assert.equal(range, version, `${field}.${dep} is the workspace package's version`);
        }
      }
    }

    // the shipped JS: relative imports resolve in the tarball, none names a .ts file, bare ones are dependencies
    const deps = new Set([...Object.keys(m.dependencies ?? {}), ...Object.keys(m.peerDependencies ?? {})]);
    const js = files.filter((f) => f.endsWith('.js'));
    for (const f of js) {
      for (const spec of specifiers(readFileSync(join(dir, f), 'utf8'))) {
        assert.doesNotMatch(spec, /\.(c|m)?tsx?$/, `${f} imports ${spec}`);
        if (spec.startsWith('.')) assert.ok(has(posix.join(posix.dirname(f), spec)), `${f}: ${spec} is in the tarball`);
        else assert.ok(deps.has(packageOf(spec)), `${f} imports ${spec}, which is not a dependency`);
      }
    }

    // the .d.ts: relative imports (which keep .ts, see tsconfig.build.json) resolve to shipped .d.ts
    for (const f of files.filter((x) => x.endsWith('.d.ts'))) {
      for (const spec of specifiers(readFileSync(join(dir, f), 'utf8'))) {
        if (spec.startsWith('.')) {
          const dts = posix.join(posix.dirname(f), spec).replace(/\.(ts|js)$/, '') + '.d.ts';
          assert.ok(has(dts), `${f}: ${spec} -> ${dts} is in the tarball`);
        } else {
          // a type import of `react` is met by `@types/react` (an optional peer, for the JSX types)
          const pkg = packageOf(spec);
          assert.ok(deps.has(pkg) || deps.has(`@types/${pkg}`), `${f} imports ${spec}, which is not a dependency`);
        }
      }
    }

    // elements: the class exports register nothing; `define` does, and is marked as a side effect
    const define = m.exports?.['./define'] as Record<string, string> | undefined;
    const registers = js.filter((f) => /customElements\.define\(/.test(readFileSync(join(dir, f), 'utf8')));
    if (define) {
      assert.deepEqual(registers, [define.default!.replace(/^\.\//, '')], 'only the define entry calls customElements.define');
      assert.ok(Array.isArray(m.sideEffects) && m.sideEffects.includes(define.default!), `sideEffects lists ${define.default}`);
      assert.equal(m.customElements, 'custom-elements.json', 'customElements names the manifest');
    } else if (p === 'embed') {
      assert.ok(Array.isArray(m.sideEffects) && m.sideEffects.includes('./dist/kith.js'), 'sideEffects lists ./dist/kith.js');
      assert.ok(!readFileSync(join(dir, 'dist/index.js'), 'utf8').includes('customElements.define('), 'the npm entry registers nothing');
    } else {
      assert.deepEqual(registers, [], 'no element is registered');
      assert.equal(m.sideEffects, false, 'sideEffects: false');
    }
    if (m.customElements) {
      assert.ok(has(m.customElements), `${m.customElements} is in the tarball`);
      const cem = readJson<{ modules: unknown[] }>(join(dir, m.customElements));
      assert.ok(cem.modules.length > 0, 'the manifest lists modules');
    }
  });
}

test("this checkout's node_modules holds no link or bin into the temporary workspace", () => {
  assert.ok(tmp, 'ran');
  const hoisted = join(root, 'node_modules', '.pnpm', 'node_modules');
  const into: string[] = [];
  for (const dir of [join(root, 'node_modules'), hoisted, ...readdirSync(hoisted).filter((n) => n.startsWith('@')).map((n) => join(hoisted, n))]) {
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      const path = join(dir, name);
      try {
        if (resolve(dir, readlinkSync(path)).startsWith(tmp)) into.push(path);
      } catch {
        // not a link
      }
    }
  }
  for (const bin of [join(root, 'node_modules', '.bin'), join(hoisted, '.bin')]) {
    for (const name of existsSync(bin) ? readdirSync(bin) : []) {
      const file = join(bin, name);
      if (statSync(file).isFile() && readFileSync(file, 'utf8').includes(tmp)) into.push(file);
    }
  }
  assert.deepEqual(into, []);
});

test('a TypeScript consumer (and its React JSX) type-checks against the packed @kith/survey and @kith/client', { timeout: 300_000 }, async (t) => {
  assert.ok(consumer, 'packed');
  for (const dep of ['lit', 'zod']) link(realpathSync(join(root, 'node_modules', dep)), join(consumer, 'node_modules', dep));
  // a React app's types, for the JSX of @kith/survey/react
  link(realpathSync(join(root, 'examples/react/node_modules/@types/react')), join(consumer, 'node_modules/@types/react'));
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(
    join(consumer, 'index.ts'),
    [
      "import { KithSurvey, nextQuestion } from '@kith/survey';",
      "import '@kith/survey/define';",
      "import { configure, createClient, KithError, type KithConfig } from '@kith/client';",
      "import type { Survey } from '@kith/client/protocol';",
      "import { getSurvey } from '@kith/client/survey';",
      "import { sendFeedback } from '@kith/client/feedback';",
      "import { listTopics, vote } from '@kith/client/topics';",
      "import { getLeaderboard } from '@kith/client/badges';",
      '',
      "const config: KithConfig = { endpoint: 'https://kith.example', site: 'demo', theme: 'dark' };",
      'configure(config);',
      "const survey: KithSurvey = document.createElement('kith-survey');",
      "survey.survey = 'nps';",
      'const rendered: Promise<boolean> = survey.updateComplete;',
      '// @ts-expect-error: the property is a string (an `any` here would make this line an error)',
      'survey.survey = 42;',
      'const survey2: Promise<Survey> = getSurvey(createClient(config), "nps");',
      'export const check = (s: Survey) => [survey2, sendFeedback, listTopics, vote, getLeaderboard, nextQuestion, createClient, rendered, s.id, new KithError("network", "x") instanceof Error, survey instanceof HTMLElement];',
      '',
    ].join('\n'),
  );
  const tsc = require.resolve('typescript/bin/tsc');
  // skipLibCheck false: the shipped .d.ts (and what they import from lit and zod) are checked too
  const compilerOptions = { noEmit: true, strict: true, skipLibCheck: false, target: 'es2022', lib: ['es2022', 'dom', 'dom.iterable'], types: [] };
  writeFileSync(
    join(consumer, 'app.tsx'),
    [
      "import type {} from '@kith/survey/react';",
      'export const ok = <kith-survey survey="nps" display="modal" onkith-survey-complete={(e) => e.detail.answers} />;',
      '// @ts-expect-error: the survey property is a string',
      'export const bad = <kith-survey survey={42} />;',
      '',
    ].join('\n'),
  );
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, jsx: 'react-jsx' }, files: ['index.ts', 'app.tsx'] }, null, 2));
  const modes = [['esnext', 'bundler'], ['nodenext', 'nodenext']] as const;
  const outputs = await Promise.all(
    modes.map(([module, resolution]) => run(process.execPath, [tsc, '-p', 'tsconfig.json', '--module', module, '--moduleResolution', resolution], consumer).catch((e: Error) => e.message)),
  );
  for (const [i, [, resolution]] of modes.entries()) {
    assert.equal(outputs[i]!.trim(), '', `tsc (moduleResolution ${resolution}) reported errors`);
    t.diagnostic(`moduleResolution ${resolution}: 0 errors`);
  }
});
