import { type AppOptions, createApp } from '../src/app.ts';
import { DEMO, seedDemo } from '../src/seed/demo.ts';
import { SqliteStore } from '../src/store/sqlite/sqliteStore.ts';

export const ADMIN = 'test-admin-token';
export const T0 = Date.parse('2026-03-02T12:00:00Z');

/** A movable clock. */
export function clock(start = T0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) };
}

/** The app over an in-memory SQLite store, seeded with the demo unless `seed: false`. */
export async function testApp(opts: Partial<AppOptions> & { seed?: boolean; start?: number } = {}) {
  const time = clock(opts.start);
  const store = new SqliteStore(':memory:');
  if (opts.seed !== false) await seedDemo(store, time.now());
  const app = createApp({ store, adminToken: ADMIN, now: time.now, onError: (e) => console.error(e), ...opts });
  let n = 0;

  /** One request; `visitor: null` sends no Kith-Visitor, `site: null` no Kith-Site. */
  const call = async (
    method: string,
    path: string,
    o: { body?: unknown; raw?: string; visitor?: string | null; site?: string | null; token?: string; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = {};
    const site = o.site === undefined ? DEMO.site : o.site;
    if (site) headers['Kith-Site'] = site;
    const visitor = o.visitor === undefined ? 'visitor-test-0001' : o.visitor;
    if (visitor) headers['Kith-Visitor'] = visitor;
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    if (o.body !== undefined || o.raw !== undefined) headers['Content-Type'] = 'application/json';
    const res = await app.request(path, { method, headers: { ...headers, ...o.headers }, body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)) });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  const admin = (method: string, path: string, body?: unknown) =>
    call(method, `/admin${path}`, { body, site: null, visitor: null, headers: { Authorization: `Bearer ${ADMIN}` } });

  /** A fresh client id. */
  const id = (prefix = 'id') => `${prefix}-${String(++n).padStart(6, '0')}`;
  return { app, store, time, call, admin, id };
}
