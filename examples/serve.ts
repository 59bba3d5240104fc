// What every example's `start` needs: the reference server with the demo seed, and a small static
// server for the example's page on another origin (as a brand's site would be). The end-to-end tests
// in test/e2e use the same two functions, so they test exactly what `start` serves.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** Where `pnpm --filter @kith/embed run build` puts kith.js and its chunks. */
export const embedDist = join(repoRoot, 'packages/embed/dist');
/** The Kith server every example is written against; pages and bundles are rewritten when it runs elsewhere. */
export const DEFAULT_API = 'http://localhost:8787';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

export interface PageServerOptions {
  /** URL prefix to folder, e.g. `{ '/': pageDir, '/embed/': embedDist }`. */
  mounts: Record<string, string>;
  /** Headers on every file served (a Content-Security-Policy, say). */
  headers?: Record<string, string>;
  /** Where the Kith server runs; `http://localhost:8787` in served HTML and JS is replaced by it. */
  api?: string;
  /** Requests this answers (returns true) never reach the files: a custom backend's API. */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  port?: number;
  host?: string;
}

/** A static server for an example's page. Unknown paths are 404; paths never escape their folder. */
export async function servePage(opts: PageServerOptions): Promise<Served> {
  const prefixes = Object.keys(opts.mounts).sort((a, b) => b.length - a.length);
  const api = opts.api?.replace(/\/$/, '');
  const server = createServer(async (req, res) => {
    try {
      if (opts.handle && (await opts.handle(req, res))) return;
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const prefix = prefixes.find((p) => path.startsWith(p));
      if (prefix === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) return void res.writeHead(404).end('not found');
      const base = resolve(opts.mounts[prefix]!);
      let file = resolve(base, `.${sep}${path.slice(prefix.length)}`);
      if (file !== base && !file.startsWith(base + sep)) return void res.writeHead(404).end('not found');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const bytes = await readFile(file).catch(() => null);
      if (!bytes) return void res.writeHead(404).end('not found');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const rewrite = api && api !== DEFAULT_API && /html|javascript/.test(type);
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...opts.headers });
      res.end(req.method === 'HEAD' ? undefined : rewrite ? bytes.toString().replaceAll(DEFAULT_API, api) : bytes);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(e));
    }
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, ok);
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

export interface KithServer {
  url: string;
  db: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Whether a Kith server answers at `url`. */
export async function isKithServer(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

/** Start the reference server (`packages/server/src/cli.ts --seed demo`, unless `seed: false`) and wait until it answers. */
export async function startKithServer(opts: { port: number; db: string; env?: Record<string, string>; quiet?: boolean; seed?: boolean }): Promise<KithServer> {
  mkdirSync(dirname(opts.db), { recursive: true });
  let out = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'packages/server/src/cli.ts', '--port', String(opts.port), '--host', '127.0.0.1', '--db', opts.db, ...(opts.seed === false ? [] : ['--seed', 'demo'])],
    { cwd: repoRoot, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const take = (d: Buffer) => {
    out += d;
    if (!opts.quiet) process.stdout.write(d);
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  // never outlive whoever started it, even when that process ends without calling stop()
  const orphan = () => child.kill('SIGTERM');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  const url = `http://127.0.0.1:${opts.port}`;
  for (let i = 0; !(await isKithServer(url)); i++) {
    if (child.exitCode !== null) throw new Error(`kith-server exited (${child.exitCode}):\n${out}`);
    if (i > 600) throw new Error(`kith-server did not answer at ${url}:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    db: opts.db,
    output: () => out,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

/** Build packages/embed/dist (kith.js and the widget chunks). */
export function buildEmbed(): string {
  execFileSync('pnpm', ['--filter', '@kith/embed', 'run', 'build'], { cwd: repoRoot, stdio: 'pipe' });
  return embedDist;
}

export interface ExampleCli {
  name: string;
  /** Default port of the page. */
  port: number;
  /** Start the reference server too (every example but custom-backend). */
  kith?: boolean;
  /** Serve the page; `api` is the Kith server's URL. */
  serve(opts: { api: string; port: number; host: string }): Promise<Served>;
}

/**
 * `start` of an example: build kith.js, start the reference server on 8787 (or reuse one already
 * running there), serve the page, print both URLs, stop both on Ctrl+C.
 * Flags: `--port` (page), `--api-port` (reference server), `--db`.
 */
export async function runExample(cli: ExampleCli): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, 'api-port': { type: 'string' }, db: { type: 'string' } } });
  const port = Number(values.port ?? cli.port);
  const apiPort = Number(values['api-port'] ?? 8787);
  process.stdout.write(`${cli.name}: building kith.js (packages/embed/dist)\n`);
  buildEmbed();
  let kith: KithServer | undefined;
  let api = apiPort === 8787 ? DEFAULT_API : `http://localhost:${apiPort}`;
  if (cli.kith !== false) {
    if (await isKithServer(`http://127.0.0.1:${apiPort}`)) {
      process.stdout.write(`${cli.name}: using the Kith server already running at ${api}\n`);
    } else {
      const db = resolve(values.db ?? join(repoRoot, '.kith/examples.db'));
      kith = await startKithServer({ port: apiPort, db });
    }
  } else {
    api = '';
  }
  const page = await cli.serve({ api, port, host: '127.0.0.1' });
  process.stdout.write(`\n${cli.name}: open http://localhost:${port}/${api ? `  (Kith server ${api})` : ''}\n`);
  const stop = async () => {
    await page.close();
    await kith?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
