import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import { ProblemError } from '../http/problem.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A file under `root`, or null (never a path that escapes `root`). */
async function fileUnder(root: string, relative: string): Promise<{ body: Buffer; type: string } | null> {
  const base = resolve(root);
  let path: string;
  try {
    path = resolve(base, `.${sep}${decodeURIComponent(relative)}`);
  } catch {
    return null; // a malformed escape (`%E0%A4%A`): no such file, not a server error
  }
  if (!path.startsWith(base + sep)) return null;
  try {
    if (!(await stat(path)).isFile()) return null;
    return { body: await readFile(path), type: TYPES[extname(path)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

export interface DemoPageOptions {
  /** The page served at `/`. */
  page?: string;
  /** Where `/embed/*` is served from (the embed package's build). */
  embedDir?: string;
  /** What `/demo/session` tells the demo page (only with the demo seed). */
  session?: { site: string; memberId: string; memberToken: string };
}

/** `/` (the demo page), `/embed/*` (the script-tag build, when built), `/demo/session`. */
export function demoPageRoutes(opts: DemoPageOptions) {
  const r = new Hono();
  if (opts.page) {
    const page = opts.page;
    r.get('/', async (c) => {
      const html = await readFile(page);
      return c.body(html, 200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' });
    });
  }
  if (opts.embedDir) {
    const dir = opts.embedDir;
    r.get('/embed/*', async (c) => {
      const file = await fileUnder(dir, c.req.path.slice('/embed/'.length));
      if (!file) throw new ProblemError('not-found', { detail: `${c.req.path} is not built yet (pnpm build builds packages/embed)` });
      // Public script files that any site's page loads as modules: module scripts are fetched with CORS.
      return c.body(new Uint8Array(file.body), 200, {
        'content-type': file.type,
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
      });
    });
  }
  if (opts.session) {
    const session = opts.session;
    r.get('/demo/session', (c) => c.json(session, 200, { 'cache-control': 'no-store' }));
  }
  return r;
}
