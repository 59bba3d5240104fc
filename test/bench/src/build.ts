// Every subject's page script is built the same way: Vite library mode, one ES module entry with
// everything it imports bundled (chunks only where the code itself splits), minified, es2022.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'vite';

export interface Built {
  /** Paths relative to the build root, e.g. `kith/entry.js`. */
  scripts: string[];
  styles: string[];
  files: string[];
  /** Share of the code by origin (npm package, or Kith package), before minification. */
  composition: { group: string; bytes: number }[];
}

/** `lit`, `@formbricks/surveys`, `@kith/ui`, `@kith/survey locales`, ... for a module id. */
function groupOf(id: string): string {
  const clean = id.replace(/\?.*$/, '').replace(/\\/g, '/');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const m = /\/packages\/([^/]+)\/src\/(locales\/)?/.exec(clean);
  if (m) return `@kith/${m[1]}${m[2] ? ' locales' : ''}`;
  return clean.split('/').slice(-2).join('/');
}

export async function buildEntry(id: string, entry: string, buildRoot: string, root: string): Promise<Built> {
  const outDir = join(buildRoot, id);
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    configFile: false,
    root,
    logLevel: 'error',
    publicDir: false,
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: { entry, formats: ['es'], fileName: () => 'entry.js', cssFileName: 'style' },
      rolldownOptions: { output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  });
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(relative(buildRoot, p));
    }
  };
  if (existsSync(outDir)) walk(outDir);
  const groups = new Map<string, number>();
  for (const o of [result].flat() as { output?: { type: string; modules?: Record<string, { renderedLength: number }> }[] }[]) {
    for (const chunk of o.output ?? []) {
      if (chunk.type !== 'chunk') continue;
      for (const [mid, info] of Object.entries(chunk.modules ?? {})) {
        const g = groupOf(mid);
        groups.set(g, (groups.get(g) ?? 0) + info.renderedLength);
      }
    }
  }
  return {
    composition: [...groups].map(([group, bytes]) => ({ group, bytes })).sort((a, b) => b.bytes - a.bytes),
    scripts: [`${id}/entry.js`],
    styles: files.filter((f) => f.endsWith('.css')),
    files,
  };
}
