// The server under load, in its own process so it has a core of its own: the demo seed on a
// SQLite file on disk, rate limits off (the load comes from one address). Prints "PORT <n>".
import { seedDemo } from '../src/seed/demo.ts';
import { startServer } from '../src/server.ts';
import { SqliteStore } from '../src/store/sqlite/sqliteStore.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: server.ts <db file>');
const store = new SqliteStore(file);
await seedDemo(store);
const server = await startServer({ store, port: 0, host: '127.0.0.1', rateLimits: false });
process.stdout.write(`PORT ${server.port}\n`);
process.on('message', async (m) => {
  if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (m === 'stop') {
    await server.close();
    await store.close();
    process.exit(0);
  }
});
