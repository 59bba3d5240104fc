// `pnpm --filter @kith/example-strict-csp start`: this page on :5173 with a strict CSP, kith.js hosted
// on the page's own origin (script-src 'self'), the reference server on :8787 (allowed by connect-src).
import { fileURLToPath } from 'node:url';
import { embedDist, runExample, servePage } from '../serve.ts';

export const pageDir = fileURLToPath(new URL('./public', import.meta.url));

/**
 * The policy: nothing inline, no eval, scripts and styles only from this origin, Trusted Types
 * required for every DOM sink that parses script; API calls (fetch and the live stream) may also go to
 * the Kith server.
 */
export const contentSecurityPolicy = (api: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "require-trusted-types-for 'script'",
    `connect-src 'self' ${new URL(api).origin}`,
  ].join('; ');

export const serveStrictCsp = (opts: { api: string; port?: number; host?: string }) =>
  servePage({
    mounts: { '/': pageDir, '/embed/': embedDist },
    headers: { 'Content-Security-Policy': contentSecurityPolicy(opts.api) },
    ...opts,
  });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runExample({ name: 'strict-csp', port: 5173, serve: serveStrictCsp });
}
