// End-to-end harness: the real reference server, the examples' own page servers, and Debian's
// Chromium via playwright-core (never a downloaded browser).
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page, type Request, type Response } from 'playwright-core';
import { buildEmbed as build, embedDist, repoRoot, startKithServer, type KithServer, type Served } from '../../examples/serve.ts';
import { chromeArgs, chromePath } from '../chromium.mjs';

export const root = repoRoot;
export const ADMIN_TOKEN = 'e2e-admin-token';
/** Screenshots and other artifacts (gitignored). */
export const resultsDir = join(root, 'test-results/e2e');

export type RunningServer = KithServer;

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

/** Start `kith-server` with the demo seed on a free loopback port and a fresh database file. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const db = join(mkdtempSync(join(tmpdir(), 'kith-e2e-')), 'kith.db');
  return startKithServer({ port: await freePort(), db, env: { KITH_ADMIN_TOKEN: ADMIN_TOKEN, ...extraEnv }, quiet: true });
}

const EMBED_SOURCES = ['embed', 'client', 'ui', 'survey', 'feedback', 'hot-topics', 'badge-wall'].map((p) => join(root, 'packages', p, 'src'));

/** Newest modification time of any file under `dir`, in ms. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

const embedIsFresh = () => {
  const kith = join(embedDist, 'kith.js');
  return existsSync(kith) && statSync(kith).mtimeMs > Math.max(...EMBED_SOURCES.map(newest));
};

/**
 * Build packages/embed/dist unless it is newer than every widget source. Test files may start at the
 * same time and the build empties dist/ first, so one builds while the others wait on a lock file.
 */
export async function buildEmbed(): Promise<string> {
  const lock = join(tmpdir(), `kith-e2e-embed-${Buffer.from(root).toString('base64url').slice(-24)}.lock`);
  for (let waited = 0; !embedIsFresh(); waited += 200) {
    let fd: number | undefined;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // another test file is building; after two minutes the lock is taken to be left by a crash
      if (waited > 120_000) rmSync(lock, { force: true });
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      if (!embedIsFresh()) build();
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
  return embedDist;
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath, args: chromeArgs, headless: true });
}

/** Admin API call against the reference server. */
export async function admin(server: RunningServer, path: string, init: RequestInit = {}): Promise<unknown> {
  const res = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json', ...init.headers },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A read-only look into the reference server's SQLite file (better-sqlite3 is the server's dependency). */
export interface Db {
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  close(): void;
}

export function openDb(server: RunningServer): Db {
  const Database = createRequire(join(root, 'packages/server/package.json'))('better-sqlite3');
  const db = new Database(server.db, { readonly: true, fileMustExist: true });
  return {
    all: (sql, ...params) => db.prepare(sql).all(...params),
    close: () => db.close(),
  };
}

/** What a page said and sent while a test ran: console errors, uncaught exceptions, requests. */
export interface PageLog {
  errors: string[];
  requests: Request[];
  /** Requests whose method and URL path match, e.g. `writes('POST', '/v1/feedback')`. */
  writes(method: string, path: string | RegExp): Request[];
}

export function watch(page: Page): PageLog {
  const errors: string[] = [];
  const requests: Request[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.stack ?? e.message}`));
  page.on('request', (r) => requests.push(r));
  return {
    errors,
    requests,
    writes: (method, path) =>
      requests.filter((r) => {
        const p = new URL(r.url()).pathname;
        return r.method() === method && (typeof path === 'string' ? p === path : path.test(p));
      }),
  };
}

/** Save a full-page screenshot under test-results/e2e and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Wait until `check` holds (polling), or fail with `what` after `tries` attempts. */
export async function until<T>(what: string, check: () => T | Promise<T>, tries = 100): Promise<Exclude<T, undefined | null | false | 0 | ''>> {
  for (let i = 0; ; i++) {
    const v = await check();
    if (v) return v as Exclude<T, undefined | null | false | 0 | ''>;
    if (i >= tries) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Watches cross-origin loads of `/embed/*` (a `<script type="module">` and every dynamic import of a
 * widget chunk is a CORS request). Should the server leave `Access-Control-Allow-Origin` out, it adds
 * the header so the rest of the test can run, and `shimmed` says so: tests assert it stays false.
 */
export async function allowCrossOriginEmbed(page: Page, server: { url: string }): Promise<{ shimmed: boolean }> {
  const state = { shimmed: false };
  await page.route(`${server.url}/embed/**`, async (route) => {
    const res = await route.fetch();
    const headers = res.headers();
    if (!headers['access-control-allow-origin']) {
      state.shimmed = true;
      headers['access-control-allow-origin'] = '*';
    }
    await route.fulfill({ response: res, headers });
  });
  return state;
}

export interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
}

/** Record every `securitypolicyviolation` from the first byte of every document the page loads. */
export async function recordViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const seen: unknown[] = ((window as unknown as { __kithViolations: unknown[] }).__kithViolations = []);
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample }),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __kithViolations: Violation[] }).__kithViolations);
}

interface PageSession {
  site: Served;
  browser: Browser;
  page: Page;
  log: PageLog;
  /** The page's own response (its headers, say). */
  response: Response | null;
  /** Whether kith.js needed the CORS stand-in (with `crossOriginEmbed`). */
  cors?: { shimmed: boolean };
  close(): Promise<void>;
}
/** With the reference server (the default), also the server and a read-only view of its database. */
export type Session<K extends boolean = true> = PageSession & (K extends true ? { server: RunningServer; db: Db } : object);

/**
 * One test file's world: a fresh reference server with the demo seed (unless `kith: false`), the
 * example's page server pointed at it, and Chromium on the page; `close()` ends all of it.
 */
export async function openExample<K extends boolean = true>(opts: {
  serve: (o: { api: string }) => Promise<Served>;
  kith?: K;
  /** Watch kith.js's CORS headers with `allowCrossOriginEmbed` (pages that load it from the reference server). */
  crossOriginEmbed?: boolean;
  /** Runs before the page loads (init scripts, routes). */
  setup?: (page: Page) => Promise<unknown>;
}): Promise<Session<K>> {
  const opened: (() => unknown)[] = [];
  const close = async () => {
    for (const end of opened.splice(0).reverse()) await end();
  };
  try {
    await buildEmbed();
    const server = opts.kith === false ? undefined : await startServer();
    if (server) opened.push(() => server.stop());
    const site = await opts.serve({ api: server?.url ?? '' });
    opened.push(() => site.close());
    const browser = await launch();
    opened.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const log = watch(page);
    const cors = server && opts.crossOriginEmbed ? await allowCrossOriginEmbed(page, server) : undefined;
    await opts.setup?.(page);
    const response = await page.goto(`${site.url}/`);
    const db = server && openDb(server);
    if (db) opened.push(() => db.close());
    return { site, browser, page, log, response, cors, server, db, close } as unknown as Session<K>;
  } catch (e) {
    await close();
    throw e;
  }
}
