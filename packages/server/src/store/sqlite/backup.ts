import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Copies a SQLite database that may be in use (a running server writing it in WAL mode) to `out`
 * with SQLite's online backup API: a consistent copy that includes the commits still in the `-wal`
 * file, which copying the database file does not. It is written beside `out` and then renamed, so
 * a failed backup leaves an earlier one whole; only its owner may read it (it holds the sites' member
 * secrets). Resolves with the pages copied.
 */
export async function backupDatabase(file: string, out: string): Promise<{ pages: number }> {
  if (resolve(file) === resolve(out)) throw new Error(`Cannot back up ${file} onto itself`);
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (e) {
    throw new Error(`Cannot open ${file}: ${(e as Error).message}`);
  }
  mkdirSync(dirname(resolve(out)), { recursive: true });
  const partial = `${out}.partial`;
  try {
    db.pragma('busy_timeout = 5000');
    // all pages in one step, so in one read transaction: a write by the server between small steps
    // would start the copy over, and on a busy site it might never finish
    const { totalPages } = await db.backup(partial, { progress: () => 0x7fffffff });
    chmodSync(partial, 0o600);
    renameSync(partial, out);
    return { pages: totalPages };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    db.close();
  }
}
