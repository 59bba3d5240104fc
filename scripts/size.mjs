#!/usr/bin/env node
// Bundle-size budgets: `pnpm run size` (node scripts/size.mjs). Exit 1 when any entry is over budget
// or fails to build.
//
// Method, per entry:
//   - bundle `entry` with Vite's JS API in library mode, format es, minified
//     (vite-shared.mjs browserOutput: minify, license comments kept, @__PURE__ annotations dropped),
//     target es2022,
//     process.env.NODE_ENV = "production", code splitting as a real build does it, write: false,
//     publicDir: false, no config file; the figure is what loads first (the entry chunk and its static
//     imports), and `lazy` is the rest (locales other than English, dialogs), loaded only on demand;
//   - everything is bundled (no externals: lit, zod, @kith/* are all inside) unless the entry lists
//     `shared`;
//   - raw = bytes of the minified JS; gzip = bytes of that JS after zlib gzip level 9.
//   - 1 kB = 1000 bytes (as Vite and the toolchain notes report sizes). Budgets are gzip kB.
//
// "Own chunk beyond shared" figures: an entry with `shared: ['lit', '@kith/ui', ...]` is bundled
// with those packages (and their subpaths: 'lit' also covers 'lit/decorators.js') left external, so
// its size is what the entry adds on a page that already loads the shared modules. This matches
// how the embed loader splits chunks as long as shared code is imported through package names
// (the @kith/* packages import each other by name, never by relative path across packages).
// An entry with no `budget` is printed for information and never fails.
// An entry whose file does not exist yet is printed as "not built yet" and skipped.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1000;
const SHARED = ['lit', '@lit/reactive-element', 'lit-html', 'lit-element', '@kith/ui', '@kith/client', 'zod'];

// `budget` is the limit CI enforces; `target` is the goal the issues set, printed beside it. Where the
// two differ the limit guards against regressions at today's size (a little above it) and the gap
// is a known debt: see CHANGELOG's Known gaps and docs/performance.md.
// The client's main entry is the runtime (transport, outbox, storage, identity, events, the REST
// backend); each protocol area's calls, with the checks of what they read, is a subpath
// (`@kith/client/survey`, ...). This row measures the runtime with all four areas.
const CLIENT_ALL = ['index', 'calls/survey', 'calls/feedback', 'calls/topics', 'calls/badges'].map((p) => `packages/client/src/${p}.ts`);

/** @type {{ name: string, entry: string | string[], budget?: number, target?: number, shared?: string[], page?: string[] }[]} */
export const BUDGETS = [
  { name: '@kith/client', entry: 'packages/client/src/index.ts', budget: 5.3, target: 6 },
  { name: '@kith/client + its four protocol areas', entry: CLIENT_ALL },
  { name: '<kith-survey> + ui, client, lit', entry: 'packages/survey/src/define.ts', budget: 21.9, target: 20 },
  { name: '<kith-feedback> + ui, client, lit', entry: 'packages/feedback/src/define.ts', budget: 21, target: 16 },
  { name: '<kith-survey> own', entry: 'packages/survey/src/define.ts', shared: SHARED, budget: 5.1 },
  { name: '<kith-feedback> own', entry: 'packages/feedback/src/define.ts', shared: SHARED, budget: 4, target: 4 },
  { name: '<kith-hot-topics> own', entry: 'packages/hot-topics/src/define.ts', shared: SHARED, budget: 5, target: 5 },
  { name: '<kith-badge-wall> own', entry: 'packages/badge-wall/src/define.ts', shared: SHARED, budget: 4, target: 4 },
  { name: 'kith.js loader', entry: 'packages/embed/src/kith.ts', page: [], budget: 2, target: 2 },
  { name: 'page: kith.js + one survey', entry: 'packages/embed/src/kith.ts', page: ['survey'], budget: 24.2, target: 22 },
  { name: 'page: kith.js + all four', entry: 'packages/embed/src/kith.ts', page: ['survey', 'feedback', 'hot-topics', 'badge-wall'], budget: 36.9, target: 35 },
];

/**
 * What loads first: the entry chunk plus its static imports. Lazy chunks (other locales, dialogs) are
 * left out, since a visitor who never needs them never loads them. With `page`, the entry is the
 * loader and the named widgets' chunks (and their static imports) are added, as the loader would load them.
 * @param {string | string[]} entry repo-relative path (several: measured as one module that re-exports them all)
 * @param {string[]} shared package names left external
 * @param {string[]} [page] widget package folders loaded by the loader
 */
export async function measure(entry, shared = [], page) {
  const { build } = await import('vite');
  const { browserOutput, embedOutput, litCssMinify, litHtmlMinify, parallelChunks } = await import('./vite-shared.mjs');
  const isShared = (id) => shared.some((p) => id === p || id.startsWith(p + '/'));
  const out = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    plugins: [litCssMinify(), litHtmlMinify(), parallelChunks(), ...(Array.isArray(entry) ? [allOf(entry)] : [])],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      target: 'es2022',
      emptyOutDir: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: { entry: Array.isArray(entry) ? ALL_OF : join(root, entry), formats: ['es'], fileName: 'bundle' },
      rolldownOptions: {
        external: shared.length ? (id) => isShared(id) : [],
        output: page ? embedOutput : browserOutput,
      },
    },
  });
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output ?? []).filter((o) => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const load = new Set();
  const add = (c) => {
    if (!c || load.has(c)) return;
    load.add(c);
    for (const i of c.imports) add(byName.get(i));
  };
  add(chunks.find((c) => c.isEntry));
  for (const w of page ?? []) add(chunks.find((c) => c.facadeModuleId?.includes(`/packages/${w}/src/define.ts`)));
  const code = [...load].map((c) => c.code).join('\n');
  const gz = (c) => gzipSync(c.code, { level: 9 }).length;
  const lazy = chunks.filter((c) => !load.has(c)).reduce((n, c) => n + gz(c), 0);
  const transfer = [...load].reduce((n, c) => n + gz(c), 0);
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length, lazy, transfer, files: load.size };
}

const ALL_OF = 'virtual:kith-size-all-of';
/** A virtual entry that re-exports every module in `entries`. @param {string[]} entries @returns {import('vite').Plugin} */
const allOf = (entries) => ({
  name: 'kith-size-all-of',
  resolveId: (id) => (id.endsWith(ALL_OF) ? '\0' + ALL_OF : null),
  load: (id) => (id === '\0' + ALL_OF ? entries.map((e) => `export * from ${JSON.stringify(join(root, e))};`).join('\n') : null),
});

const kb = (n) => (n / KB).toFixed(1) + ' kB';

async function main() {
  const rows = [['name', 'raw', 'gzip', 'transfer', 'lazy', 'limit', 'target', '']];
  let bad = 0;
  for (const b of BUDGETS) {
    const budget = b.budget == null ? '-' : `${b.budget} kB`;
    const target = b.target == null ? '-' : `${b.target} kB`;
    if (![b.entry].flat().every((e) => existsSync(join(root, e)))) {
      rows.push([b.name, '', '', '', '', budget, target, `not built yet (${b.entry})`]);
      continue;
    }
    try {
      const { raw, gzip, lazy, transfer, files } = await measure(b.entry, b.shared, b.page);
      const over = b.budget != null && gzip > b.budget * KB;
      if (over) bad++;
      const missed = b.target != null && gzip > b.target * KB ? ' (over target)' : '';
      rows.push([b.name, kb(raw), kb(gzip), `${kb(transfer)} in ${files}`, lazy ? kb(lazy) : '-', budget, target, (b.budget == null ? 'info' : over ? 'OVER' : 'ok') + missed]);
    } catch (err) {
      bad++;
      rows.push([b.name, '', '', '', '', budget, target, `ERROR: ${String(err?.message ?? err).split('\n')[0]}`]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) {
    console.log(
      r
        .map((cell, i) => (i === 0 || i === r.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  ')
        .trimEnd(),
    );
  }
  console.log(
    '(gzip: min + gzip -9 of what loads first, as one stream; transfer: the same files each gzipped on its own, as a server sends them, and how many;',
  );
  console.log(' lazy = chunks loaded only on demand; 1 kB = 1000 bytes; limits and targets are checked against gzip)');
  if (bad) {
    console.log(`${bad} entr${bad === 1 ? 'y' : 'ies'} over budget or failed to build`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
