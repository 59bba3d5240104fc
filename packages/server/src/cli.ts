import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO, demoMemberToken, seedDemo } from './seed/demo.ts';
import { startServer } from './server.ts';
import { SqliteStore } from './store/sqlite/sqliteStore.ts';

const USAGE = `kith-server: the Kith reference server

  kith-server [--port 8787] [--host 127.0.0.1] [--db ./kith.db] [--seed demo]

  --port   port to listen on (default: PORT, else 8787)
  --host   address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --db     SQLite file (default: KITH_DB, else ./kith.db), created with its folder
  --seed   demo: add the demo site, surveys, topics and badges (once) and serve the demo page at /

  KITH_ADMIN_TOKEN  bearer token of the admin API (a random one is made and printed when unset)
`;

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (values.seed !== undefined && values.seed !== 'demo') {
  process.stderr.write(`Unknown seed "${values.seed}" (the only seed is "demo")\n\n${USAGE}`);
  process.exit(2);
}
const port = Number(values.port ?? process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`--port must be a port number, not "${values.port ?? process.env.PORT}"\n`);
  process.exit(2);
}
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
  existsSync(embedDir) ? '  widgets     /embed/kith.js, served from packages/embed/dist' : '  widgets     packages/embed/dist is not built yet (pnpm build): /embed/ answers 404',
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
