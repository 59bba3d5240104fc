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

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    kind: 'memory',
    get: async (k) => (map.has(k) ? JSON.parse(map.get(k)!) : undefined),
    set: async (k, v) => void map.set(k, JSON.stringify(v)),
    delete: async (k) => void map.delete(k),
    values: async (p) => [...map].filter(([k]) => k.startsWith(p)).map(([, v]) => JSON.parse(v)),
    update: async (k, fn) => {
      const next = fn(map.has(k) ? JSON.parse(map.get(k)!) : undefined);
      next === undefined ? map.delete(k) : map.set(k, JSON.stringify(next));
      return next;
    },
  };
}

function localStore(ls: Storage, ns: string): KeyValueStore {
  return {
    kind: 'localstorage',
    get: async (k) => {
      const v = ls.getItem(ns + k);
      return v === null ? undefined : JSON.parse(v);
    },
    set: async (k, v) => ls.setItem(ns + k, JSON.stringify(v)),
    delete: async (k) => ls.removeItem(ns + k),
    values: async (p) => {
      const out = [];
      for (let i = 0; i < ls.length; i++) {
        const k = ls.key(i)!;
        if (k.startsWith(ns + p)) out.push(JSON.parse(ls.getItem(k)!));
      }
      return out;
    },
    update: async (k, fn) => {
      const v = ls.getItem(ns + k);
      const next = fn(v === null ? undefined : JSON.parse(v));
      next === undefined ? ls.removeItem(ns + k) : ls.setItem(ns + k, JSON.stringify(next));
      return next;
    },
  };
}

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

async function indexedStore(name: string): Promise<KeyValueStore> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('kv');
  const db = await done(open);
  const tx = (mode: IDBTransactionMode) => db.transaction('kv', mode).objectStore('kv');
  return {
    kind: 'indexeddb',
    get: (k) => done(tx('readonly').get(k)),
    set: async (k, v) => void (await done(tx('readwrite').put(v, k))),
    delete: async (k) => void (await done(tx('readwrite').delete(k))),
    values: (p) => done(tx('readonly').getAll(IDBKeyRange.bound(p, p + '\uffff'))),
    update: (k, fn) =>
      new Promise((resolve, reject) => {
        const t = db.transaction('kv', 'readwrite');
        const store = t.objectStore('kv');
        let next: never;
        store.get(k).onsuccess = (e) => {
          next = fn((e.target as IDBRequest).result) as never;
          if (next === undefined) store.delete(k);
          else store.put(next, k);
        };
        t.oncomplete = () => resolve(next);
        t.onerror = t.onabort = () => reject(t.error);
      }),
  };
}

/** The most durable store this page allows; private modes and sandboxed frames fall back step by step. */
export async function openStore(name = 'kith'): Promise<KeyValueStore> {
  try {
    return await indexedStore(name);
  } catch {
    try {
      const probe = `${name}:probe`;
      localStorage.setItem(probe, '1');
      localStorage.removeItem(probe);
      return localStore(localStorage, `${name}:`);
    } catch {
      return memoryStore();
    }
  }
}
