#!/usr/bin/env node
// Bundle-size budgets: `pnpm run size` (node scripts/size.mjs). Exit 1 when any entry is over budget
// or fails to build.
//
// Method, per entry:
//   - bundle `entry` with Vite's JS API in library mode, format es, minified
//     (build.rolldownOptions.output.minify: true, which Vite 8 needs in library mode), target es2022,
//     process.env.NODE_ENV = "production", no code splitting (dynamic imports are inlined, so the
//     figure is everything the entry can ever load), write: false, publicDir: false, no config file;
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

/** @type {{ name: string, entry: string, budget?: number, shared?: string[] }[]} */
export const BUDGETS = [
  { name: '@kith/client', entry: 'packages/client/src/index.ts', budget: 6 },
  { name: '<kith-survey>', entry: 'packages/survey/src/define.ts', budget: 20 },
  { name: '<kith-feedback>', entry: 'packages/feedback/src/define.ts', budget: 16 },
  // Information only for now: what each widget adds beyond lit + @kith/ui + @kith/client + zod.
  { name: '<kith-survey> own', entry: 'packages/survey/src/define.ts', shared: SHARED },
  { name: '<kith-feedback> own', entry: 'packages/feedback/src/define.ts', shared: SHARED },
];

/** @param {string} entry repo-relative path  @param {string[]} shared package names left external */
export async function measure(entry, shared = []) {
  const { build } = await import('vite');
  const isShared = (id) => shared.some((p) => id === p || id.startsWith(p + '/'));
  const out = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      target: 'es2022',
      emptyOutDir: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: { entry: join(root, entry), formats: ['es'], fileName: 'bundle' },
      rolldownOptions: {
        external: shared.length ? (id) => isShared(id) : [],
        output: { minify: true, codeSplitting: false },
      },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output ?? []);
  const code = outputs
    .filter((o) => o.type === 'chunk')
    .map((c) => c.code)
    .join('\n');
  const raw = Buffer.byteLength(code);
  const gzip = gzipSync(code, { level: 9 }).length;
  return { raw, gzip };
}

const kb = (n) => (n / KB).toFixed(1) + ' kB';

async function main() {
  const rows = [['name', 'raw', 'gzip', 'budget', '']];
  let bad = 0;
  for (const b of BUDGETS) {
    const budget = b.budget == null ? '-' : `${b.budget} kB`;
    if (!existsSync(join(root, b.entry))) {
      rows.push([b.name, '', '', budget, `not built yet (${b.entry})`]);
      continue;
    }
    try {
      const { raw, gzip } = await measure(b.entry, b.shared);
      const over = b.budget != null && gzip > b.budget * KB;
      if (over) bad++;
      rows.push([b.name, kb(raw), kb(gzip), budget, b.budget == null ? 'info' : over ? 'OVER' : 'ok']);
    } catch (err) {
      bad++;
      rows.push([b.name, '', '', budget, `ERROR: ${String(err?.message ?? err).split('\n')[0]}`]);
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
  console.log(`(min + gzip -9, 1 kB = 1000 bytes; budgets are gzip)`);
  if (bad) {
    console.log(`${bad} entr${bad === 1 ? 'y' : 'ies'} over budget or failed to build`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
