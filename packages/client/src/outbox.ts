import { Emitter } from './emitter.ts';
import { KithError, toKithError } from './errors.ts';
import { newId } from './ids.ts';
import { memoryStore, type KeyValueStore } from './storage.ts';
import { retryDelay } from './transport.ts';

/** What a queued write is. Events are analytics: the only kind the queue may drop when full. */
export type OutboxKind = 'response' | 'feedback' | 'vote' | 'report' | 'event';
export type DeliveryState = 'queued' | 'sending' | 'delivered' | 'rejected';

export interface OutboxItem {
  id: string;
  kind: OutboxKind;
  /** The call's path argument: a survey id or topic id. */
  target?: string;
  body: unknown;
  /** Which site's client may send it. */
  scope: string;
  /** Bumped when a newer version of the same item (a response upsert) replaces it. */
  rev: number;
  state: DeliveryState;
  attempts: number;
  /** Not before this time (ms since epoch). */
  nextAt: number;
  /** The wait `nextAt` was set for: further ahead than that means the clock went back. */
  wait?: number;
  createdAt: number;
  error?: { kind: string; message: string; status?: number };
}

export interface OutboxChange {
  item: OutboxItem;
  ack?: unknown;
  error?: KithError;
}

/** Sends one call; for `event` the body is `{ events: [...] }`. */
export type OutboxSender = (kind: OutboxKind, target: string | undefined, body: unknown, keepalive: boolean) => Promise<unknown>;

export interface OutboxOptions {
  store: KeyValueStore;
  scope: string;
  send: OutboxSender;
  /** Most items kept; past it the oldest events go first, then votes and reports. */
  limit?: number;
  /** Backoff between flushes of a failing item. */
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}

const droppable: OutboxKind[] = ['event', 'vote', 'report'];
const BATCH = 100;
const byAge = (a: OutboxItem, b: OutboxItem) => a.createdAt - b.createdAt;
const isEvent = (i: OutboxItem) => i.kind === 'event';

/** Each write alone, then at most `events` events in batches of BATCH. */
function batches(items: OutboxItem[], events = Infinity): OutboxItem[][] {
  const out = items.filter((i) => !isEvent(i)).map((i) => [i]);
  const queued = items.filter(isEvent).slice(0, events);
  for (let i = 0; i < queued.length; i += BATCH) out.push(queued.slice(i, i + BATCH));
  return out;
}

/**
 * The persisted queue every write goes through: stored before its first attempt, sent with backoff,
 * one tab at a time (Web Locks), removed only when the server acknowledged or permanently refused it.
 */
export class Outbox {
  readonly changes = new Emitter<{ change: OutboxChange }>();
  #store: KeyValueStore;
  #opts: OutboxOptions;
  #prefix: string;
  #mirror = new Map<string, OutboxItem>();
  #running?: Promise<void>;
  #again?: boolean;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed?: boolean;
  /** The next run ignores backoff (the connection just came back). */
  #now?: boolean;

  constructor(opts: OutboxOptions) {
    this.#opts = opts;
    this.#store = opts.store;
    this.#prefix = `outbox:${opts.scope}:`;
  }

  /** Items this instance knows of, oldest first (including other tabs' after a flush). */
  items(): OutboxItem[] {
    return [...this.#mirror.values()].sort(byAge);
  }

  /**
   * Runs `op` on the store; from the first failure on (a full quota, a lost IndexedDB connection) on
   * memory holding what this page knows instead, so a write is still sent rather than refused or stuck.
   */
  async #do<T>(op: (store: KeyValueStore) => Promise<T>): Promise<T> {
    const failed = this.#store;
    try {
      return await op(failed);
    } catch {
      if (this.#store === failed) {
        this.#store = memoryStore();
        for (const item of this.#mirror.values()) void this.#store.set(this.#prefix + item.id, item);
      }
      return op(this.#store);
    }
  }

  async #stored() {
    return (await this.#do((s) => s.values<OutboxItem>(this.#prefix))).sort(byAge);
  }

  /** Move every item to another store (used when consent makes persistence allowed). */
  async moveTo(store: KeyValueStore): Promise<void> {
    const items = await this.#stored();
    try {
      for (const item of items) await store.set(this.#prefix + item.id, item);
    } catch {
      return; // the new store cannot take them (full): the queue stays where it is
    }
    for (const item of items) await this.#store.delete(this.#prefix + item.id).catch(() => {});
    this.#store = store;
  }

  /** Persist a write, then try to send it. `key` makes a later enqueue replace a queued one (response upserts). */
  async enqueue(kind: OutboxKind, body: unknown, opts: { target?: string; key?: string } = {}): Promise<OutboxItem> {
    const id = opts.key ?? newId();
    await this.#makeRoom(kind);
    // one atomic read-modify-write, so a settle of an older revision can never delete this one
    const item = (await this.#do((s) => s.update<OutboxItem>(this.#prefix + id, (prev) => ({
      id,
      kind,
      target: opts.target,
      body,
      scope: this.#opts.scope,
      rev: (prev?.rev ?? 0) + 1,
      state: 'queued',
      attempts: prev?.attempts ?? 0,
      nextAt: 0,
      createdAt: prev?.createdAt ?? Date.now(),
    }))))!;
    this.#set(item);
    return item;
  }

  async #makeRoom(kind: OutboxKind) {
    const items = await this.#stored();
    const excess = items.length + 1 - (this.#opts.limit ?? 500);
    if (excess <= 0) return;
    const drop = droppable.flatMap((k) => items.filter((i) => i.kind === k)).slice(0, excess);
    for (const item of drop) {
      await this.#do((s) => s.delete(this.#prefix + item.id));
      this.#mirror.delete(item.id);
    }
    if (excess > drop.length && !droppable.includes(kind)) {
      throw new KithError('queue-full', 'Too many unsent items are waiting; nothing was dropped, try again later.');
    }
  }

  /** Send what is due. Concurrent calls share one run; runs in several tabs take turns by Web Lock. */
  flush(now = false): Promise<void> {
    if (now) this.#now = true;
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const run = async () => {
      do {
        this.#again = false;
        const locks = globalThis.navigator?.locks;
        const pass = () => this.#flushNow();
        // a frame without storage access is refused the lock (SecurityError): it sends without one
        await (locks ? locks.request(`kith-outbox:${this.#opts.scope}`, pass).catch(pass) : pass()).catch(() => {});
      } while (this.#again && !this.#closed);
      // the backoff timer is set after the run, so it never keeps a run alive by itself
      this.#schedule();
    };
    return (this.#running = run().finally(() => (this.#running = undefined)));
  }

  async #flushNow() {
    clearTimeout(this.#timer);
    const items = await this.#stored();
    // the store is the truth shared by tabs: forget what another tab delivered, learn what it queued
    this.#mirror = new Map(items.map((i) => [i.id, (this.#mirror.get(i.id)?.rev ?? 0) < i.rev ? i : this.#mirror.get(i.id)!]));
    const now = this.#now;
    this.#now = false;
    const t = Date.now();
    // due, or due later than it was ever meant to be (the clock went back since)
    for (const batch of batches(items.filter((i) => now || !(i.nextAt > t) || i.nextAt - t > i.wait!))) if (!(await this.#deliver(batch))) break;
  }

  /** One call for a batch (a single write, or events as `{ events }`). */
  #send(batch: OutboxItem[], keepalive: boolean) {
    const [first] = batch as [OutboxItem];
    return this.#opts.send(first.kind, first.target, isEvent(first) ? { events: batch.map((i) => i.body) } : first.body, keepalive);
  }

  /** Returns false when the failure says the network is down, so the run stops. */
  async #deliver(batch: OutboxItem[]): Promise<boolean> {
    for (const item of batch) this.#set({ ...item, state: 'sending' });
    let ack: unknown;
    let error: KithError | undefined;
    try {
      ack = await this.#send(batch, false);
    } catch (e) {
      error = toKithError(e, 'network');
      // a 2xx is an acknowledgement even when its body is unreadable
      if (error.kind === 'invalid-response' && error.status! < 300) error = undefined;
    }
    const info = error && { kind: error.kind, message: error.message, status: error.status };
    if (!error?.retryable) {
      for (const item of batch) await this.#settle(item, { ...item, state: error ? 'rejected' : 'delivered', error: info }, ack, error);
      return true;
    }
    const attempts = batch[0]!.attempts + 1;
    const { baseMs = 1000, capMs = 300000, random } = this.#opts;
    const wait = retryDelay(error, attempts, { baseMs, capMs }, random);
    const nextAt = Date.now() + wait;
    for (const item of batch) {
      const next = { ...item, state: 'queued' as const, attempts, nextAt, wait, error: info };
      const stored = await this.#do((s) => s.update<OutboxItem>(this.#prefix + item.id, (s) => (s && s.rev === item.rev ? next : s)));
      this.#set(stored && stored.rev !== item.rev ? { ...stored, attempts } : next, true, undefined, error);
    }
    return false;
  }

  /** Leave the queue (delivered or rejected), unless a newer revision arrived meanwhile. */
  async #settle(sent: OutboxItem, final: OutboxItem, ack?: unknown, error?: KithError) {
    // delete only the revision that was sent, atomically: a newer one saved meanwhile stays queued
    const stored = await this.#do((s) => s.update<OutboxItem>(this.#prefix + sent.id, (s) => (s && s.rev !== sent.rev ? s : undefined)));
    if (stored) {
      this.#set({ ...stored, nextAt: 0 }, false);
      this.#again = true;
    } else {
      this.#mirror.delete(sent.id);
    }
    this.changes.emit('change', { item: final, ack, error });
  }

  #set(item: OutboxItem, emit = true, ack?: unknown, error?: KithError) {
    this.#mirror.set(item.id, item);
    if (emit) this.changes.emit('change', { item, ack, error });
  }

  #schedule() {
    clearTimeout(this.#timer);
    if (this.#closed) return;
    const t = Date.now();
    // never longer than the wait an item was given (the clock may have gone back since)
    const next = Math.min(...this.items().filter((i) => i.state === 'queued').map((i) => Math.min(i.nextAt - t, i.wait ?? Infinity)));
    if (Number.isFinite(next)) this.#timer = setTimeout(() => void this.flush(), Math.max(0, next));
  }

  /** While the page unloads: hand what is waiting to `fetch(..., { keepalive: true })`; ids make a resend safe. */
  flushKeepalive(): void {
    const waiting = this.items().filter((i) => i.state === 'queued' || i.state === 'sending');
    for (const batch of batches(waiting, BATCH)) void this.#send(batch, true).catch(() => {});
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }
}
