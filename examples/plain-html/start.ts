// `pnpm --filter @kith/example-plain-html start`: the reference server on :8787 and this page on :5170.
import { fileURLToPath } from 'node:url';
import { runExample, servePage } from '../serve.ts';

/** This page's folder, served as it is (only the Kith server's URL is rewritten when it moves). */
export const pageDir = fileURLToPath(new URL('./public', import.meta.url));

export const servePlainHtml = (opts: { api: string; port?: number; host?: string }) => servePage({ mounts: { '/': pageDir }, ...opts });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runExample({ name: 'plain-html', port: 5170, serve: servePlainHtml });
}
