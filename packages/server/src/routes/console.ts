import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Context, Hono } from 'hono';
import { ProblemError } from '../http/problem.ts';

/**
 * The console's policy: its own files only, nothing inline (no script, no style attribute), no
 * framing, no form posting anywhere; Trusted Types on top, so no string ever reaches innerHTML.
 */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

/** Where the console's files are: plain ES modules, served as they are (no build step). */
export const CONSOLE_DIR = fileURLToPath(new URL('../../console/', import.meta.url));

// Only files directly in the folder, by a name that cannot climb out of it (its tsconfig.json is not served).
const FILE = /^[a-z][a-z0-9-]*\.(html|js|css|svg)$/i;
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

/**
 * `/console/`: the admin console, one page that holds no data; every call it makes goes to the admin
 * API with the token the admin pastes in. GET only.
 */
export function consoleRoutes(dir = CONSOLE_DIR) {
  const r = new Hono();
  const serve = async (c: Context, name: string) => {
    const type = FILE.exec(name)?.[1]?.toLowerCase();
    const body = type ? await readFile(join(dir, name)).catch(() => null) : null;
    if (!type || !body) throw new ProblemError('not-found', { detail: `No console file ${c.req.path}` });
    return c.body(new Uint8Array(body), 200, {
      'content-type': TYPES[type]!,
      'content-security-policy': CONSOLE_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
  };
  r.get('/console', (c) => c.redirect('/console/', 301));
  r.get('/console/', (c) => serve(c, 'index.html'));
  r.get('/console/:file', (c) => serve(c, c.req.param('file')));
  return r;
}
