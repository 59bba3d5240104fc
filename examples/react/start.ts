// `pnpm --filter @kith/example-react start`: builds the app (vite build), then serves dist/ on :5171
// next to the reference server on :8787.
import { fileURLToPath } from 'node:url';
import { runExample, servePage } from '../serve.ts';

/** The built app (`vite build`). */
export const distDir = fileURLToPath(new URL('./dist', import.meta.url));

export const serveReactApp = (opts: { api: string; port?: number; host?: string }) => servePage({ mounts: { '/': distDir }, ...opts });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runExample({ name: 'react', port: 5171, serve: serveReactApp });
}
