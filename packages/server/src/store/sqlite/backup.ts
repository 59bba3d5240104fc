import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/**
 * Copies a SQLite database that may be in use (a running server writing it in WAL mode) to `out`
 * with SQLite's online backup API: a consistent copy that includes the commits still in the `-wal`
 * file, which copying the database file does not. It is written in a folder of its own beside `out`
 * (made for this copy, only its owner may enter it) and then renamed, so a failed backup leaves an
 * earlier one whole and nobody else can read the copy, or plant a link where it is written, while it
 * is made; the copy is readable by its owner only (it holds the sites' member secrets). Never onto
 * the database or its `-wal`, `-shm` or `-journal` file, however the path is spelt. Resolves with the
 * pages copied.
 */
export async function backupDatabase(file: string, out: string): Promise<{ pages: number }> {
  const target = resolve(out);
  if (out.endsWith('/') || out.endsWith(sep) || (existsSync(target) && statSync(target).isDirectory())) {
    throw new Error(`${out} is a folder: name the backup file`);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (e) {
    throw new Error(`Cannot open ${file}: ${(e as Error).message}`);
  }
  let tmp: string | undefined;
  try {
    const dir = dirname(target);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const real = realpathSync(file);
    const dest = join(realpathSync(dir), basename(target));
    if ([real, `${real}-wal`, `${real}-shm`, `${real}-journal`].includes(dest)) throw new Error(`Cannot back up ${file} onto itself`);
    tmp = mkdtempSync(join(dir, '.kith-backup-'));
    const partial = join(tmp, 'backup.db');
    closeSync(openSync(partial, 'wx', 0o600)); // created readable by its owner only, before a page is written
    db.pragma('busy_timeout = 5000');
    // all pages in one step, so in one read transaction: a write by the server between small steps
    // would start the copy over, and on a busy site it might never finish
    const { totalPages } = await db.backup(partial, { progress: () => 0x7fffffff });
    renameSync(partial, dest);
    return { pages: totalPages };
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    db.close();
  }
}
