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
}

export async function buildEntry(id: string, entry: string, buildRoot: string, root: string): Promise<Built> {
  const outDir = join(buildRoot, id);
  rmSync(outDir, { recursive: true, force: true });
  await build({
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
  return {
    scripts: [`${id}/entry.js`],
    styles: files.filter((f) => f.endsWith('.css')),
    files,
  };
}
