// `pnpm --filter @kith/example-hostile-page start`: the reference server on :8787 and this page on :5174.
import { fileURLToPath } from 'node:url';
import { runExample, servePage } from '../serve.ts';

export const pageDir = fileURLToPath(new URL('./public', import.meta.url));

export const serveHostilePage = (opts: { api: string; port?: number; host?: string }) => servePage({ mounts: { '/': pageDir }, ...opts });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runExample({ name: 'hostile-page', port: 5174, serve: serveHostilePage });
}
