import type { Backend, CallContext } from './backend.ts';
import { Emitter } from './emitter.ts';
import { KithError } from './errors.ts';
import { Identity } from './identity.ts';
import { newId } from './ids.ts';
import { Outbox, type OutboxChange, type OutboxItem, type OutboxKind } from './outbox.ts';
import type { EngagementEvent, EventType } from './protocol/events.ts';
import { restBackend, type RestBackendOptions } from './rest-backend.ts';
import { memoryStore, openStore, type KeyValueStore } from './storage.ts';
import type { TransportOptions } from './transport.ts';
import { parseOrThrow, parseOrUndefined } from './parse.ts';
import type { Check } from './check.ts';

export interface ClientOptions extends TransportOptions {
  /** Base URL of a Kith protocol server. Ignored when `backend` is given. */
  endpoint?: string;
  /** Public site key. */
  site?: string;
  /** Any implementation of the protocol; its answers are validated like network responses (see calls/*.ts). */
  backend?: Backend;
  /** Require `consent(true)` before anything is persisted or an id is sent. */
  consentRequired?: boolean;
  memberToken?: string;
  /** Storage for the outbox: the most durable available (default) or memory only. */
  store?: KeyValueStore | 'auto' | 'memory';
  /** IndexedDB database name. */
  storeName?: string;
  /** Outbox bounds and backoff (mostly for tests). */
  outbox?: { limit?: number; baseMs?: number; capMs?: number };
}

/** How a write ended, as the visitor should be told: sent (acknowledged), queued (saved, will send) or rejected. */
export type Delivery<Ack = unknown> =
  | { state: 'sent'; ack?: Ack }
  | { state: 'queued'; error?: KithError }
  | { state: 'rejected'; error: KithError };

export interface ClientEvents {
  /** An outbox item changed state (queued, sending, delivered, rejected). */
  delivery: OutboxChange;
  /** An engagement event was recorded. */
  track: EngagementEvent;
}

export type Widget = EngagementEvent['widget'];

type Sender = (b: Backend, target: string, body: never, ctx: CallContext) => Promise<unknown>;

/** The backend call that delivers each kind of write. */
const senders: Record<OutboxKind, Sender> = {
  response: (b, target, body, ctx) => b.upsertResponse(target, body, ctx),
  feedback: (b, _, body, ctx) => b.submitFeedback(body, ctx),
  vote: (b, target, body, ctx) => b.voteTopic(target, body, ctx),
  report: (b, target, body, ctx) => b.reportTopic(target, body, ctx),
  event: (b, _, body, ctx) => b.sendEvents(body, ctx),
};

/** The headless SDK: reads validated, writes through the persisted outbox, identity attached. */
export class KithClient {
  readonly backend: Backend;
  readonly identity: Identity;
  readonly events = new Emitter<ClientEvents>();
  readonly outbox: Outbox;
  #options: ClientOptions;
  /** Aborted by close(): removes the page listeners and the delivery forwarding. */
  #stop = new AbortController();

  constructor(options: ClientOptions) {
    this.#options = options;
    if (!options.backend && !options.endpoint) throw new KithError('invalid-config', 'Kith needs an endpoint or a backend.');
    // without a backend the endpoint is there (checked above)
    this.backend = options.backend ?? restBackend({ ...options, site: options.site ?? '' } as RestBackendOptions);
    this.identity = new Identity(options);
    this.outbox = new Outbox({
      store: memoryStore(),
      scope: options.site ?? options.endpoint ?? 'default',
      send: (kind, target, body, keepalive) => senders[kind](this.backend, target!, body as never, this.context(undefined, keepalive)),
      ...options.outbox,
    });
    this.#stop.signal.addEventListener('abort', this.outbox.changes.on('change', (c) => this.events.emit('delivery', c)));
    // unless a read started in this task, open the store now; after a read that hangs, in 3 s
    setTimeout(() => (this.#reading ? setTimeout(() => this.ready, 3e3) : this.ready));
  }

  #ready?: Promise<void>;
  #reading?: boolean;
  /**
   * Resolves once the outbox has its durable store and is delivering what an earlier page left.
   * Opening IndexedDB delays the page's first requests (the survey's definition arrived about 40 ms
   * later, measured), so it starts when the first read has settled (or 3 s after it began, if it
   * hangs), at the first write, or at once when nothing is read.
   */
  get ready(): Promise<void> {
    return (this.#ready ??= this.#start());
  }

  /** A validated read: `call` gets the backend and the call's context; the answer is checked (invalid-response names the field). */
  async read<T>(check: Check<T>, what: string, call: (backend: Backend, ctx: CallContext) => Promise<unknown>, signal?: AbortSignal): Promise<T> {
    this.#reading = true;
    try {
      return parseOrThrow(check, await call(this.backend, this.context(signal)), what);
    } finally {
      void this.ready;
    }
  }

  async #start() {
    const { signal } = this.#stop;
    if (signal.aborted) return; // closed: nothing to open or deliver
    if (this.identity.allowed) await this.#moveQueue();
    if (typeof window !== 'undefined') {
      window.addEventListener('online', () => void this.outbox.flush(true), { signal });
      window.addEventListener('pagehide', () => this.outbox.flushKeepalive(), { signal });
    }
    void this.outbox.flush(); // deliver what an earlier page left behind
  }

  /** Move the queue to the store consent allows: the configured (default: most durable) one, else memory. */
  async #moveQueue() {
    const s = this.#options.store;
    await this.outbox.moveTo(
      !this.identity.allowed || s === 'memory' ? memoryStore() : s && s !== 'auto' ? s : await openStore(this.#options.storeName),
    );
  }

  /** The per-call context: signal plus whatever identity is allowed. */
  context(signal?: AbortSignal, keepalive?: boolean): CallContext {
    return { signal, keepalive, visitorId: this.identity.visitorId, memberToken: this.identity.memberToken };
  }

  /** Persist a write, try it once, and tell how it went; a retryable failure stays queued and is retried later. */
  async write<Ack>(kind: OutboxKind, body: unknown, opts: { target?: string; key?: string; ack?: Check<Ack> } = {}): Promise<Delivery<Ack>> {
    await this.ready;
    let item: OutboxItem;
    try {
      item = await this.outbox.enqueue(kind, body, opts);
    } catch (e) {
      return { state: 'rejected', error: e as KithError };
    }
    return new Promise((resolve) => {
      const off = this.outbox.changes.on('change', ({ item: { id, rev, state }, ack, error }) => {
        if (id !== item.id || rev < item.rev || state === 'sending' || (state === 'queued' && !error)) return;
        off();
        // acknowledged: an unreadable ack body does not make it unsent
        resolve(state === 'delivered' ? { state: 'sent', ack: opts.ack ? parseOrUndefined(opts.ack, ack) : (ack as Ack) } : ({ state, error } as Delivery<Ack>));
      });
      void this.outbox.flush().then(() => {
        off();
        resolve({ state: 'queued' });
      });
    });
  }

  /** Record an engagement event; events are batched to `/v1/events` through the outbox. */
  track(type: EventType, widget: Widget, subject?: string): void {
    const event: EngagementEvent = { id: newId(), type, widget, subject, at: new Date().toISOString() };
    this.events.emit('track', event);
    void this.ready.then(() => this.outbox.enqueue('event', event)).then(() => this.#scheduleEvents(), () => {});
  }

  #eventsTimer: ReturnType<typeof setTimeout> | undefined;
  #scheduleEvents() {
    this.#eventsTimer ??= setTimeout(() => {
      this.#eventsTimer = undefined;
      void this.outbox.flush();
    }, 1000);
  }

  /** Grant or withdraw consent; granting moves the queue to durable storage. */
  async setConsent(granted: boolean): Promise<void> {
    const was = this.identity.allowed;
    // Granted before the store opened: it opens later, as usual, under this consent. Otherwise it
    // opens (if it has not yet) under the consent that was, and the queue moves once below: never
    // twice into the same database, which would delete what the moves copied.
    const ready = granted && !this.#ready ? undefined : this.ready;
    this.identity.setConsent(granted);
    if (!ready) return;
    await ready;
    if (was !== this.identity.allowed) {
      await this.#moveQueue();
      void this.outbox.flush(); // what an earlier page left in the durable store
    }
  }

  setMemberToken(token: string | undefined): void {
    this.identity.memberToken = token || undefined;
  }

  close(): void {
    this.outbox.close();
    clearTimeout(this.#eventsTimer);
    this.#stop.abort();
  }
}

/** Create a client: `createClient({ endpoint: 'https://api.example.com', site: 'my-site' })`. */
export const createClient = (options: ClientOptions) => new KithClient(options);
