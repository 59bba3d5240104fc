import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DEMO, demoMemberToken, seedDemo } from './seed/demo.ts';
import { startServer } from './server.ts';
import { backupDatabase } from './store/sqlite/backup.ts';
import { SqliteStore } from './store/sqlite/sqliteStore.ts';

const USAGE = `kith-server: the Kith reference server

  kith-server [--port 8787] [--host 127.0.0.1] [--db ./kith.db] [--seed demo] [--trust-proxy 1]
  kith-server backup [--db ./kith.db] --out ./backup.db

  --port         port to listen on (default: PORT, else 8787)
  --host         address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --db           SQLite file (default: KITH_DB, else ./kith.db), created with its folder
  --seed         demo: add the demo site, surveys, topics and badges (once) and serve the demo page at /
  --trust-proxy  how many reverse proxies you run in front of the server (default: KITH_TRUST_PROXY,
                 else 0): the client address, which rate limits count by, is then the X-Forwarded-For
                 entry that many from the right. Never more than there are: a client could choose it.

  backup         copies the database, while a server uses it, to --out (SQLite's online backup;
                 copying the file of a running server can lose or corrupt data)

  KITH_ADMIN_TOKEN  bearer token of the admin API (a random one is made and printed when unset)
`;

/** Stops with a usage error: a message, and exit code 2. */
function usageError(message: string, usage = false): never {
  process.stderr.write(`${message}\n${usage ? `\n${USAGE}` : ''}`);
  process.exit(2);
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options }).values;
  } catch (e) {
    return usageError((e as Error).message, true);
  }
}

const args = process.argv.slice(2);

if (args[0] === 'backup') {
  const values = parse(args.slice(1), { db: { type: 'string' }, out: { type: 'string' } });
  if (!values.out) usageError('backup needs --out <file>, where the copy goes', true);
  const from = resolve(values.db ?? process.env.KITH_DB ?? 'kith.db');
  const out = resolve(values.out);
  try {
    const { pages } = await backupDatabase(from, out);
    process.stdout.write(`${from} backed up to ${out} (${pages} pages, ${Math.ceil(statSync(out).size / 1024)} KiB)\n`);
    process.exit(0);
  } catch (e) {
    process.stderr.write(`Backup failed: ${(e as Error).message}\n`);
    process.exit(1);
  }
}

const values = parse(args, {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  seed: { type: 'string' },
  'trust-proxy': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
});
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (values.seed !== undefined && values.seed !== 'demo') usageError(`Unknown seed "${values.seed}" (the only seed is "demo")`, true);
const port = Number(values.port ?? process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65_535) usageError(`--port must be a port number, not "${values.port ?? process.env.PORT}"`);
// an empty KITH_TRUST_PROXY= (an env file's blank line) is unset, as an empty KITH_ADMIN_TOKEN is
const trustProxyText = values['trust-proxy'] ?? (process.env.KITH_TRUST_PROXY || undefined);
if (trustProxyText !== undefined && !/^\d{1,2}$/.test(trustProxyText)) {
  const named = values['trust-proxy'] === undefined ? 'KITH_TRUST_PROXY' : '--trust-proxy';
  usageError(`${named} must be the number of reverse proxies in front of the server (0, 1, 2...), not "${trustProxyText}"`);
}
const trustProxy = Number(trustProxyText ?? 0);
const host = values.host ?? '127.0.0.1';
const dbPath = resolve(values.db ?? process.env.KITH_DB ?? 'kith.db');
mkdirSync(dirname(dbPath), { recursive: true });
const adminToken = process.env.KITH_ADMIN_TOKEN || randomBytes(18).toString('base64url');
const demo = values.seed === 'demo';

const store = new SqliteStore(dbPath);
const seeded = demo ? (await seedDemo(store)).seeded : false;
const memberToken = demo ? demoMemberToken() : undefined;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const embedDir = here('../../embed/dist/');

let server;
try {
  server = await startServer({
    store,
    adminToken,
    port,
    host,
    trustProxy,
    // /embed/ (the script-tag build) with or without the demo: the quick start's script tag points here
    demo: demo
      ? { page: here('../demo/index.html'), embedDir, session: { site: DEMO.site, memberId: DEMO.member.id, memberToken: memberToken! } }
      : { embedDir },
  });
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  process.stderr.write(code === 'EADDRINUSE' ? `Port ${port} is in use: pass --port or set PORT\n` : `Cannot listen: ${(e as Error).message}\n`);
  await store.close();
  process.exit(1);
}

const shown = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(host) ? `http://localhost:${server.port}` : server.url;
const lines = [
  'Kith reference server',
  `  listening   ${server.url} (protocol under /v1, admin API under /admin)`,
  `  database    ${dbPath}`,
  `  admin token ${process.env.KITH_ADMIN_TOKEN ? '(from KITH_ADMIN_TOKEN)' : `${adminToken}  (generated for this run; set KITH_ADMIN_TOKEN to choose one)`}`,
  ...(trustProxy ? [`  trust proxy ${trustProxy} (client address: the X-Forwarded-For entry ${trustProxy} from the right)`] : []),
  existsSync(embedDir) ? '  widgets     /embed/kith.js, served from packages/embed/dist' : '  widgets     packages/embed/dist is not built yet (pnpm build): /embed/ answers 404',
  `  console     ${shown}/console/ (the admin console: sign in with the admin token)`,
];
if (demo) {
  lines.push(
    '',
    `  demo page   ${shown}/   ${seeded ? '(demo data seeded)' : '(demo data already present)'}`,
    `  site key    ${DEMO.site}  (allows http://localhost:* and http://127.0.0.1:*)`,
    `  member token for ${DEMO.member.id} (${DEMO.member.name}), valid 30 days:`,
    `  ${memberToken}`,
  );
}
process.stdout.write(`${lines.join('\n')}\n`);

const stop = async () => {
  await server.close();
  await store.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
