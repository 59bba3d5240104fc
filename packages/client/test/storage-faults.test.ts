// The outbox when the page's storage, clock or the server's hints misbehave: a write still reaches the
// server once, and nothing hangs, spins or throws into the host page.
import { expect } from '@esm-bundle/chai';
import { http, HttpResponse } from 'msw';
import { newId, memoryStore, type KeyValueStore } from '../src/index.ts';
import { sendFeedback } from '../src/calls/feedback.ts';
import { API, arrivals, client, goOffline, serve, until, worker } from './harness.ts';

const feedback = (message = 'Love it') => ({ id: newId(), message });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A memory store that counts reads of the queue. */
function countingStore(): KeyValueStore & { reads: number } {
  const s = memoryStore();
  const c = { ...s, reads: 0 };
  c.values = async (p) => (c.reads++, s.values(p));
  return c;
}

/** A durable store whose every write fails as a full quota does. */
function fullStore(): KeyValueStore {
  const quota = async () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return { ...memoryStore(), kind: 'indexeddb', update: quota, set: quota };
}

/** Runs `fn` (a client's life on a page) with `indexedDB.open` replaced by `fake`; then the 1 write it sent has arrived. */
async function withIndexedDbOpen(fake: () => IDBOpenDBRequest, fn: () => Promise<void>) {
  const backend = await serve();
  const open = indexedDB.open;
  indexedDB.open = fake;
  try {
    await fn();
  } finally {
    indexedDB.open = open;
  }
  expect(backend.state.feedback.size).to.equal(1);
}

/** Collects unhandled rejections while `fn` runs (and a moment after). */
async function rejectionsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const on = (e: PromiseRejectionEvent) => (seen.push(String(e.reason)), e.preventDefault());
  window.addEventListener('unhandledrejection', on);
  try {
    await fn();
    await sleep(50);
  } finally {
    window.removeEventListener('unhandledrejection', on);
  }
  return seen;
}

describe('outbox under storage, clock and hint faults', () => {
  it('a 503 whose problem body says retryAfter: "soon" is retried with backoff and delivered once', async () => {
    const backend = await serve();
    let left = 1;
    worker.use(
      http.post(`${API}/v1/feedback`, () =>
        left-- > 0 ? HttpResponse.json({ title: 'Down', status: 503, retryAfter: 'soon' }, { status: 503 }) : undefined,
      ),
    );
    const c = client({ retry: { retries: 0 } });
    const f = feedback();
    expect((await sendFeedback(c, f)).state).to.equal('queued');
    await until(() => backend.state.feedback.size === 1, 2000, 'the retry');
    expect(arrivals(backend, 'submitFeedback')[f.id]).to.equal(1);
    c.close();
  });

  for (const retryAfter of [String(30 * 86400), '0']) {
    it(`a 429 with Retry-After: ${retryAfter} on every answer does not spin the outbox`, async () => {
      await serve();
      worker.use(
        http.post(`${API}/v1/feedback`, () =>
          HttpResponse.json({ title: 'Slow down', status: 429 }, { status: 429, headers: { 'Retry-After': retryAfter } }),
        ),
      );
      const store = countingStore();
      const c = client({ retry: { retries: 0 }, store, outbox: { baseMs: 100, capMs: 200 } });
      await c.ready;
      expect((await sendFeedback(c, feedback())).state).to.equal('queued');
      const before = store.reads;
      await sleep(500);
      c.close();
      // a run reads the queue once; a 0 s hint still waits the backoff (100-200 ms), 30 days waits a day
      expect(store.reads - before, 'queue reads in 500 ms').to.be.below(retryAfter === '0' ? 8 : 2);
    });
  }

  it('a store that is full (QuotaExceededError) still gets the visitor\'s feedback sent, once', async () => {
    const backend = await serve();
    const full = fullStore();
    const c = client({ store: full });
    const f = feedback('my words');
    expect((await sendFeedback(c, f)).state).to.equal('sent');
    expect(arrivals(backend, 'submitFeedback')[f.id]).to.equal(1);
    c.close();
  });

  it('a store that loses its connection after saving a write (Safari): the write is still sent, nothing thrown into the page', async () => {
    const backend = await serve();
    const s = memoryStore();
    let lost = false;
    const flaky: KeyValueStore = {
      ...s,
      kind: 'indexeddb',
      values: async (p) => {
        if (lost) throw new DOMException('Connection to Indexed Database server lost. Refresh the page to try again', 'UnknownError');
        return s.values(p);
      },
      update: async (k, fn) => {
        const r = await s.update(k, fn);
        lost = true; // the write is saved, then the connection goes
        return r;
      },
    };
    const c = client({ store: flaky });
    await c.ready;
    const f = feedback();
    let state = '';
    const rejections = await rejectionsDuring(async () => {
      state = await Promise.race([sendFeedback(c, f).then((r) => r.state), sleep(2000).then(() => 'still pending after 2 s')]);
    });
    expect(state).to.equal('sent');
    expect(rejections).to.deep.equal([]);
    expect(arrivals(backend, 'submitFeedback')[f.id]).to.equal(1);
    c.close();
  });

  it('a frame refused Web Locks (SecurityError) sends without one', async () => {
    const backend = await serve();
    const locks = Object.getOwnPropertyDescriptor(Navigator.prototype, 'locks')!;
    Object.defineProperty(navigator, 'locks', {
      configurable: true,
      value: { request: () => Promise.reject(new DOMException('Access to the Locks API is denied in this context.', 'SecurityError')) },
    });
    try {
      const c = client();
      const f = feedback();
      const rejections = await rejectionsDuring(async () => expect((await sendFeedback(c, f)).state).to.equal('sent'));
      expect(rejections).to.deep.equal([]);
      expect(arrivals(backend, 'submitFeedback')[f.id]).to.equal(1);
      c.close();
    } finally {
      delete (navigator as { locks?: unknown }).locks;
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'locks')).to.deep.equal(locks);
    }
  });

  it('a clock that went back an hour after a failure does not hold the write back an hour', async () => {
    const backend = await serve();
    let left = 1;
    worker.use(http.post(`${API}/v1/feedback`, () => (left-- > 0 ? HttpResponse.error() : undefined)));
    const realNow = Date.now;
    const c = client({ retry: { retries: 0 } });
    await c.ready;
    try {
      Date.now = () => realNow() + 3600_000; // an hour ahead at the failure, then corrected
      expect((await sendFeedback(c, feedback())).state).to.equal('queued');
      // corrected at once: usually before the failed run schedules its retry, so the timer too must
      // not wait for the hour (it once did, and only the outbox's next flush would have sent it)
      Date.now = realNow;
      await until(() => backend.state.feedback.size === 1, 2000, 'delivery after the clock was corrected');
    } finally {
      Date.now = realNow;
      c.close();
    }
  });

  it('IndexedDB refused (private mode): writes go through localStorage or memory and are sent', () =>
    withIndexedDbOpen(
      () => {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
      async () => {
        const c = client();
        expect((await sendFeedback(c, feedback())).state).to.equal('sent');
        c.close();
      },
    ));

  it('an IndexedDB open that never answers: the write is sent within seconds', () =>
    withIndexedDbOpen(
      () => ({}) as IDBOpenDBRequest,
      async () => {
        const c = client();
        const state = await Promise.race([sendFeedback(c, feedback()).then((r) => r.state), sleep(6000).then(() => 'still pending after 6 s')]);
        expect(state).to.equal('sent');
        c.close();
      },
    ));

  it('consent granted while the durable store is full: the queue stays in memory and is sent', async () => {
    const backend = await serve();
    const full = fullStore();
    const c = client({ store: full, consentRequired: true });
    await c.ready;
    const rejections = await rejectionsDuring(() => c.setConsent(true));
    expect(rejections).to.deep.equal([]);
    const f = feedback();
    expect((await sendFeedback(c, f)).state).to.equal('sent');
    expect(arrivals(backend, 'submitFeedback')[f.id]).to.equal(1);
    c.close();
  });

  describe('an IndexedDB open slower than the 3 s fallback', function () {
    this.timeout(20000);
    const req = <T,>(r: IDBRequest<T>) => new Promise<T>((ok, no) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => no(r.error))));

    it('what that page queued (in localStorage) is delivered by a later page, once', async () => {
      const name = `kith-slow-${newId()}`;
      // another tab holds the database and a deleteDatabase waits on it: every open queues behind it
      const other = await req(indexedDB.open(name, 1));
      const del = indexedDB.deleteDatabase(name);
      const backend = await serve();
      const online = goOffline();
      const c1 = client({ storeName: name, retry: { retries: 0 } });
      await c1.ready; // 3 s, then the fallback
      const f = feedback('written while IndexedDB was slow');
      expect((await sendFeedback(c1, f)).state).to.equal('queued');
      c1.close(); // the visitor leaves before the network comes back
      other.close();
      await req(del as IDBRequest);
      online();
      const c2 = client({ storeName: name }); // a later page, IndexedDB answering again
      await until(() => backend.state.feedback.size === 1, 4000, 'delivery by the later page');
      expect(arrivals(backend, 'submitFeedback')[f.id]).to.equal(1);
      expect(Object.keys(localStorage).filter((k) => k.startsWith(`${name}:outbox:`))).to.deep.equal([]);
      c2.close();
    });

    it('the connection that opens after the fallback is closed, so it blocks no later upgrade', async () => {
      const name = `kith-slow2-${newId()}`;
      const other = await req(indexedDB.open(name, 1));
      const del = indexedDB.deleteDatabase(name);
      const c1 = client({ storeName: name });
      await c1.ready;
      c1.close();
      other.close();
      await req(del as IDBRequest);
      await new Promise((r) => setTimeout(r, 300)); // the late open succeeds now
      const up = indexedDB.open(name, 2); // a newer page upgrading the schema, say
      let blocked = false;
      up.onblocked = () => (blocked = true);
      const ok = await Promise.race([req(up).then((db) => (db.close(), true)), new Promise((r) => setTimeout(r, 1500)).then(() => false)]);
      expect({ blocked, ok }).to.deep.equal({ blocked: false, ok: true });
    });

    it('the visitor id, survey records and drafts in localStorage stay where they are', async () => {
      localStorage.setItem('kith:visitor-probe', 'x');
      const c = client({ storeName: 'kith' });
      await c.ready;
      expect(localStorage.getItem('kith:visitor-probe')).to.equal('x');
      localStorage.removeItem('kith:visitor-probe');
      c.close();
    });
  });
});
