// `pnpm --filter @kith/example-custom-backend start`: one server on :5172 with Acme's API under /api/,
// the page, its built script (dist/main.js) and kith.js under /embed/. No Kith server at all.
import { fileURLToPath } from 'node:url';
import { embedDist, runExample, servePage } from '../serve.ts';
import { acmeApi, acmeData, type AcmeData } from './acme-server.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export function serveAcme(opts: { port?: number; host?: string; data?: AcmeData } = {}) {
  const data = opts.data ?? acmeData();
  return servePage({
    mounts: { '/': here('./public'), '/dist/': here('./dist'), '/embed/': embedDist },
    handle: acmeApi(data),
    port: opts.port,
    host: opts.host,
  });
}

if (process.argv[1] === here('./start.ts')) {
  await runExample({ name: 'custom-backend', port: 5172, kith: false, serve: (o) => serveAcme(o) });
}
