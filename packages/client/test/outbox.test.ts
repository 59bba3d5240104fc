import { expect } from '@esm-bundle/chai';
import { Outbox, memoryStore, backoffDelay, parseRetryAfter, KithError, Identity } from '../src/index.ts';

describe('outbox bounds', () => {
  it('drops the oldest analytics events first and never a response or feedback', async () => {
    const sent: unknown[] = [];
    const outbox = new Outbox({ store: memoryStore(), scope: 's', limit: 3, send: async (_k, _t, b) => void sent.push(b) });
    await outbox.enqueue('event', { n: 1 });
    await outbox.enqueue('feedback', { n: 2 });
    await outbox.enqueue('event', { n: 3 });
    await outbox.enqueue('response', { n: 4 }, { target: 'x' });
    expect(outbox.items().map((i) => (i.body as { n: number }).n)).to.deep.equal([2, 3, 4]);
    await outbox.enqueue('feedback', { n: 5 });
    expect(outbox.items().map((i) => (i.body as { n: number }).n)).to.deep.equal([2, 4, 5]);
    const error = await outbox.enqueue('feedback', { n: 6 }).catch((e) => e);
    expect(error).to.be.instanceOf(KithError);
    expect(error.kind).to.equal('queue-full');
    expect(outbox.items()).to.have.length(3);
  });

  it('batches events into one call', async () => {
    const calls: { kind: string; body: unknown }[] = [];
    const outbox = new Outbox({ store: memoryStore(), scope: 's', send: async (kind, _t, body) => void calls.push({ kind, body }) });
    for (let i = 0; i < 5; i++) await outbox.enqueue('event', { i });
    await outbox.flush();
    expect(calls).to.have.length(1);
    expect((calls[0]!.body as { events: unknown[] }).events).to.have.length(5);
  });
});

describe('transport helpers', () => {
  it('full jitter stays within the capped exponential window', () => {
    expect(backoffDelay(0, { baseMs: 100, capMs: 1000 }, () => 0.999)).to.equal(99);
    expect(backoffDelay(3, { baseMs: 100, capMs: 1000 }, () => 0.5)).to.equal(400);
    expect(backoffDelay(10, { baseMs: 100, capMs: 1000 }, () => 0.999)).to.equal(999);
  });
  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('7')).to.equal(7);
    expect(parseRetryAfter(new Date(Date.now() + 3000).toUTCString())).to.be.within(2, 3);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });
});

describe('identity and consent', () => {
  it('sends no id until consent is granted, then a persisted one', () => {
    localStorage.removeItem('kith:visitor');
    const id = new Identity({ consentRequired: true });
    expect(id.visitorId).to.equal(undefined);
    expect(localStorage.getItem('kith:visitor')).to.equal(null);
    id.setConsent(true);
    const v = id.visitorId!;
    expect(v).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(new Identity().visitorId).to.equal(v);
    id.setConsent(false);
    expect(id.visitorId).to.equal(undefined);
    expect(localStorage.getItem('kith:visitor')).to.equal(null);
  });
});

describe('outbox revisions', () => {
  for (const kind of ['memory', 'indexeddb'] as const) {
    it(`a newer revision saved while the older one is in flight is kept and sent (${kind})`, async () => {
      const { openStore } = await import('../src/index.ts');
      const store = kind === 'memory' ? memoryStore() : await openStore(`rev-${Math.random()}`);
      const sent: number[] = [];
      let release!: () => void;
      let started!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const inFlight = new Promise<void>((r) => (started = r));
      const outbox = new Outbox({
        store,
        scope: 's',
        send: async (_k, _t, body) => {
          sent.push((body as { v: number }).v);
          if (sent.length === 1) (started(), await gate); // the first send is slow
        },
      });
      await outbox.enqueue('response', { v: 1 }, { key: 'r', target: 'x' });
      const flushing = outbox.flush();
      await inFlight;
      await outbox.enqueue('response', { v: 2 }, { key: 'r', target: 'x' });
      release();
      await flushing;
      await outbox.flush();
      expect(sent).to.deep.equal([1, 2]);
      expect(await store.values('outbox:s:')).to.deep.equal([]);
    });
  }

  it('coming back online sends items waiting out their backoff at once', async () => {
    let fail = true;
    const sent: unknown[] = [];
    const outbox = new Outbox({
      store: memoryStore(),
      scope: 's',
      baseMs: 60000,
      capMs: 60000,
      random: () => 0.99,
      send: async (_k, _t, b) => {
        if (fail) throw new KithError('network', 'offline');
        sent.push(b);
      },
    });
    await outbox.enqueue('feedback', { n: 1 });
    await outbox.flush();
    expect(outbox.items()[0]!.nextAt).to.be.greaterThan(Date.now() + 30000);
    fail = false;
    await outbox.flush(true);
    expect(sent).to.deep.equal([{ n: 1 }]);
    outbox.close();
  });
});

describe('errors from another copy of the SDK', () => {
  it('a custom backend bundled with its own KithError is understood: a refusal is not retried', async () => {
    const { createClient, newId } = await import('../src/index.ts');
    const { sendFeedback } = await import('../src/calls/feedback.ts');
    // what a Backend built against a second copy of @kith/client throws
    class ForeignKithError extends Error {
      kind = 'rejected' as const;
      status = 422;
      constructor(message: string) {
        super(message);
        this.name = 'KithError';
      }
    }
    let calls = 0;
    const backend = {
      submitFeedback: async () => {
        calls++;
        throw new ForeignKithError('Spam filter said no');
      },
    } as never;
    const c = createClient({ backend, store: 'memory', retry: { retries: 2, baseMs: 1, capMs: 2 } });
    const result = await sendFeedback(c, { id: newId(), message: 'hello' });
    expect(result.state).to.equal('rejected');
    if (result.state === 'rejected') expect(result.error.message).to.equal('Spam filter said no');
    expect(calls).to.equal(1);
    expect(c.outbox.items()).to.have.length(0);
    c.close();
  });
});

describe('live topics', () => {
  it('a stream stopped while its code loads never opens, and settles', async () => {
    const { restBackend } = await import('../src/index.ts');
    const opened: EventTarget[] = [];
    const Real = globalThis.EventSource;
    class Fake extends EventTarget {
      static CLOSED = 2;
      readyState = 0;
      constructor() {
        super();
        opened.push(this);
      }
      close() {
        this.readyState = 2;
      }
    }
    (globalThis as unknown as { EventSource: unknown }).EventSource = Fake;
    try {
      const stop = new AbortController();
      const done = restBackend({ endpoint: 'https://api.kith.test', site: 's' }).streamTopics!({}, () => {}, { signal: stop.signal });
      stop.abort(); // the feed left the page, or its filter changed, before the module arrived
      await done;
      expect(opened).to.deep.equal([]);
    } finally {
      globalThis.EventSource = Real;
    }
  });

  it('a backend without a stream rejects with a network KithError, which a widget can tell apart', async () => {
    const { createClient } = await import('../src/index.ts');
    const { streamTopics } = await import('../src/calls/topics.ts');
    const c = createClient({ backend: { listTopics: async () => ({ items: [] }) } as never, store: 'memory' });
    const e = await streamTopics(c, {}, () => {}).catch((x: unknown) => x);
    expect(e).to.be.instanceOf(KithError);
    expect((e as KithError).kind).to.equal('network');
    c.close();
  });
});
