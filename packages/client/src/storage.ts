/** A small async key-value store: IndexedDB, else localStorage, else memory. */
export interface KeyValueStore {
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every value whose key starts with `prefix`. */
  values<T>(prefix: string): Promise<T[]>;
  /**
   * Read, change and write one key atomically (one IndexedDB transaction): `fn` returns the new value,
   * or undefined to delete. Resolves to what was stored.
   */
  update<T>(key: string, fn: (prev: T | undefined) => T | undefined): Promise<T | undefined>;
}

type Update = (key: string, fn: (prev: never) => unknown) => Promise<never>;

/** `set` and `delete` are updates that ignore the old value. */
const store = (kind: KeyValueStore['kind'], get: (key: string) => Promise<never>, values: (prefix: string) => Promise<never[]>, update: Update): KeyValueStore => ({
  kind,
  get,
  values,
  update,
  set: async (k, v) => void (await update(k, () => v)),
  delete: async (k) => void (await update(k, () => undefined)),
});

/** Over synchronous string storage: values are stored as JSON, so readers always get copies. */
function stringStore(
  kind: KeyValueStore['kind'],
  get: (key: string) => string | null | undefined,
  set: (key: string, value: string) => unknown,
  remove: (key: string) => unknown,
  keys: () => string[],
): KeyValueStore {
  const read = (k: string) => {
    const v = get(k);
    return v == null ? undefined : JSON.parse(v);
  };
  return store(
    kind,
    async (k) => read(k) as never,
    async (p) => keys().filter((k) => k.startsWith(p)).map(read) as never[],
    async (k, fn) => {
      const next = fn(read(k) as never);
      next === undefined ? remove(k) : set(k, JSON.stringify(next));
      return next as never;
    },
  );
}

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return stringStore('memory', (k) => map.get(k), (k, v) => map.set(k, v), (k) => map.delete(k), () => [...map.keys()]);
}

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

async function indexedStore(name: string): Promise<KeyValueStore> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('kv');
  // an open that never answers (blocked, a browser bug) falls back after 3 s instead of holding every
  // write; if it answers later, that connection is closed (kept, it would block a later upgrade)
  const db = await Promise.race([done(open), new Promise<never>((_, no) => setTimeout(no, 3e3))]).catch((e) => {
    open.onsuccess = () => open.result.close();
    throw e;
  });
  // another tab upgrading or deleting the database: let go (the outbox then carries on in memory)
  db.onversionchange = () => db.close();
  const kv = (mode?: IDBTransactionMode) => db.transaction('kv', mode).objectStore('kv');
  return store(
    'indexeddb',
    (k) => done(kv().get(k)) as never,
    (p) => done(kv().getAll(IDBKeyRange.bound(p, p + '\uffff'))) as never,
    (k, fn) =>
      new Promise((resolve, reject) => {
        const s = kv('readwrite');
        const t = s.transaction;
        let next: unknown;
        s.get(k).onsuccess = (e) => {
          next = fn((e.target as IDBRequest).result as never);
          next === undefined ? s.delete(k) : s.put(next, k);
        };
        t.oncomplete = () => resolve(next as never);
        t.onerror = t.onabort = () => reject(t.error);
      }),
  );
}

/** The most durable store this page allows; private modes and sandboxed frames fall back step by step. */
export async function openStore(name = 'kith'): Promise<KeyValueStore> {
  const ns = `${name}:`;
  try {
    const db = await indexedStore(name);
    try {
      // the queue a page that could not open IndexedDB (or not in time) left in localStorage joins it:
      // no later page would look there, and it would never be sent (only outbox keys: `kith:` also
      // holds the visitor id, survey records and drafts, which stay where they are)
      for (const k of Object.keys(localStorage)) {
        if (k.startsWith(ns + 'outbox:')) await db.set(k.slice(ns.length), JSON.parse(localStorage.getItem(k)!)), localStorage.removeItem(k);
      }
    } catch {
      // no localStorage in this frame, or a value that is not JSON: nothing to bring over
    }
    return db;
  } catch {
    try {
      const probe = ns + 'probe';
      localStorage.setItem(probe, '1');
      localStorage.removeItem(probe);
      return stringStore(
        'localstorage',
        (k) => localStorage.getItem(ns + k),
        (k, v) => localStorage.setItem(ns + k, v),
        (k) => localStorage.removeItem(ns + k),
        () => Object.keys(localStorage).filter((k) => k.startsWith(ns)).map((k) => k.slice(ns.length)),
      );
    } catch {
      return memoryStore();
    }
  }
}
