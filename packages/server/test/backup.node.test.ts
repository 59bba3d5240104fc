import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { backupDatabase } from '../src/store/sqlite/backup.ts';
import { SqliteStore } from '../src/store/sqlite/sqliteStore.ts';

const site = (key: string) => ({ key, name: `Shop ${key}`, allowedOrigins: ['https://shop.example'], memberSecret: 'secret', reportThreshold: 3, createdAt: 0, updatedAt: 0 });

test('a backup of a database in use holds what is still only in its WAL; a copy of the file does not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kith-backup-'));
  const live = new SqliteStore(join(dir, 'kith.db'));
  try {
    await live.putSite(site('shop'));
    assert.ok(statSync(join(dir, 'kith.db-wal')).size > 0, 'the write is in the WAL, not yet in kith.db');

    const { pages } = await backupDatabase(join(dir, 'kith.db'), join(dir, 'nightly', 'backup.db'));
    assert.ok(pages > 1);
    await live.putSite(site('later'));

    const copy = new SqliteStore(join(dir, 'nightly', 'backup.db'));
    assert.equal((await copy.getSite('shop'))?.name, 'Shop shop', 'the backup opens and holds the data');
    assert.equal(await copy.getSite('later'), null, 'as it was when the backup ran');
    await copy.close();
    assert.deepEqual(readdirSync(join(dir, 'nightly')).sort(), ['backup.db'], 'nothing partial is left beside it');
    assert.equal(statSync(join(dir, 'nightly', 'backup.db')).mode & 0o777, 0o600, "only its owner reads it: it holds the sites' member secrets");

    copyFileSync(join(dir, 'kith.db'), join(dir, 'copied.db'));
    const copied = new SqliteStore(join(dir, 'copied.db'));
    assert.equal(await copied.getSite('shop'), null, 'copying the file alone misses the WAL');
    await copied.close();
  } finally {
    await live.close();
  }
});

test('a failed backup leaves an earlier one whole, and a missing database is an error, not a new file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kith-backup-'));
  writeFileSync(join(dir, 'not-a-db'), 'hello, this is not SQLite'.repeat(100));
  const store = new SqliteStore(join(dir, 'kith.db'));
  await store.putSite(site('shop'));
  await store.close();
  await backupDatabase(join(dir, 'kith.db'), join(dir, 'backup.db'));

  await assert.rejects(backupDatabase(join(dir, 'not-a-db'), join(dir, 'backup.db')), /not a database/);
  const earlier = new SqliteStore(join(dir, 'backup.db'));
  assert.equal((await earlier.getSite('shop'))?.name, 'Shop shop');
  await earlier.close();
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('backup.db') || f.startsWith('.kith-backup')), ['backup.db'], 'nothing partial left');

  await assert.rejects(backupDatabase(join(dir, 'missing.db'), join(dir, 'out.db')), /missing\.db/);
  assert.equal(existsSync(join(dir, 'missing.db')), false);
  await assert.rejects(backupDatabase(join(dir, 'kith.db'), join(dir, 'kith.db')), /itself/);
});

test('never onto the live database or its WAL, however the path is spelt, nor into a folder; a planted link is not followed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kith-backup-'));
  mkdirSync(join(dir, 'data'));
  const live = new SqliteStore(join(dir, 'data', 'kith.db'));
  await live.putSite(site('shop'));
  symlinkSync(join(dir, 'data'), join(dir, 'link')); // the same folder by another name
  for (const out of ['link/kith.db', 'link/kith.db-wal', 'data/kith.db-shm']) {
    await assert.rejects(backupDatabase(join(dir, 'data', 'kith.db'), join(dir, out)), /itself/, out);
  }
  assert.equal((await live.getSite('shop'))?.name, 'Shop shop', 'the live database is untouched');
  await assert.rejects(backupDatabase(join(dir, 'data', 'kith.db'), join(dir, 'data') + '/'), /folder/);
  await assert.rejects(backupDatabase(join(dir, 'data', 'kith.db'), join(dir, 'data')), /folder/);
  // someone who may write the backup folder links the old fixed temporary name elsewhere
  mkdirSync(join(dir, 'out'));
  symlinkSync(join(dir, 'elsewhere.db'), join(dir, 'out', 'nightly.db.partial'));
  await backupDatabase(join(dir, 'data', 'kith.db'), join(dir, 'out', 'nightly.db'));
  assert.equal(existsSync(join(dir, 'elsewhere.db')), false, 'the link was not followed');
  assert.equal(statSync(join(dir, 'out', 'nightly.db')).mode & 0o777, 0o600);
  await live.close();
});
