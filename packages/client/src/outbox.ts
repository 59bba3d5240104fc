import { Emitter } from './emitter.ts';
import { KithError, toKithError } from './errors.ts';
import { newId } from './ids.ts';
import type { KeyValueStore } from './storage.ts';
import { backoffDelay } from './transport.ts';

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

/**
 * The persisted queue every write goes through: stored before its first attempt, sent with backoff,
 * one tab at a time (Web Locks), removed only when the server acknowledged or permanently refused it.
 */
export class Outbox {
  readonly changes = new Emitter<{ change: OutboxChange }>();
  #store: KeyValueStore;
  #opts: OutboxOptions;
  #mirror = new Map<string, OutboxItem>();
  #running: Promise<void> | null = null;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  /** The next run ignores backoff (the connection just came back). */
  #now = false;

  constructor(opts: OutboxOptions) {
    this.#opts = opts;
    this.#store = opts.store;
  }

  get #prefix() {
    return `outbox:${this.#opts.scope}:`;
  }

  /** Items this instance knows of, oldest first (including other tabs' after a flush). */
  items(): OutboxItem[] {
    return [...this.#mirror.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Move every item to another store (used when consent makes persistence allowed). */
  async moveTo(store: KeyValueStore): Promise<void> {
    const items = await this.#store.values<OutboxItem>(this.#prefix);
    for (const item of items) await store.set(this.#prefix + item.id, item);
    for (const item of items) await this.#store.delete(this.#prefix + item.id);
    this.#store = store;
  }

  /** Persist a write, then try to send it. `key` makes a later enqueue replace a queued one (response upserts). */
  async enqueue(kind: OutboxKind, body: unknown, opts: { target?: string; key?: string } = {}): Promise<OutboxItem> {
    const id = opts.key ?? newId();
    await this.#makeRoom(kind);
    // one atomic read-modify-write, so a settle of an older revision can never delete this one
    const item = (await this.#store.update<OutboxItem>(this.#prefix + id, (prev) => ({
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
    })))!;
    this.#set(item);
    return item;
  }

  async #makeRoom(kind: OutboxKind) {
    const limit = this.#opts.limit ?? 500;
    const items = (await this.#store.values<OutboxItem>(this.#prefix)).sort((a, b) => a.createdAt - b.createdAt);
    let excess = items.length + 1 - limit;
    for (const k of droppable) {
      for (const item of items) {
        if (excess <= 0) return;
        if (item.kind !== k) continue;
        await this.#store.delete(this.#prefix + item.id);
        this.#mirror.delete(item.id);
        excess--;
      }
    }
    if (excess > 0 && !droppable.includes(kind)) {
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
        if (locks) await locks.request(`kith-outbox:${this.#opts.scope}`, () => this.#flushNow());
        else await this.#flushNow();
      } while (this.#again && !this.#closed);
      // the backoff timer is set after the run, so it never keeps a run alive by itself
      this.#schedule();
    };
    this.#running = run().finally(() => (this.#running = null));
    return this.#running;
  }

  async #flushNow() {
    clearTimeout(this.#timer);
    const items = (await this.#store.values<OutboxItem>(this.#prefix)).sort((a, b) => a.createdAt - b.createdAt);
    // the store is the truth shared by tabs: forget what another tab delivered, learn what it queued
    const stored = new Set(items.map((i) => i.id));
    for (const id of this.#mirror.keys()) if (!stored.has(id)) this.#mirror.delete(id);
    for (const item of items) if (!this.#mirror.has(item.id) || this.#mirror.get(item.id)!.rev < item.rev) this.#set(item, false);
    const now = this.#now;
    this.#now = false;
    const due = items.filter((i) => now || i.nextAt <= Date.now());
    const writes = due.filter((i) => i.kind !== 'event');
    const events = due.filter((i) => i.kind === 'event');
    let up = true;
    for (const item of writes) if (!(up = await this.#deliver([item]))) break;
    for (let i = 0; up && i < events.length; i += BATCH) up = await this.#deliver(events.slice(i, i + BATCH));
  }

  /** Returns false when the failure says the network is down, so the run stops. */
  async #deliver(batch: OutboxItem[]): Promise<boolean> {
    const [first] = batch as [OutboxItem];
    for (const item of batch) this.#set({ ...item, state: 'sending' });
    const body = first.kind === 'event' ? { events: batch.map((i) => i.body) } : first.body;
    try {
      const ack = await this.#opts.send(first.kind, first.target, body, false);
      for (const item of batch) await this.#settle(item, { ...item, state: 'delivered', error: undefined }, ack);
      return true;
    } catch (e) {
      const error = toKithError(e, 'network');
      if (error.kind === 'invalid-response' && error.status && error.status < 300) {
        // a 2xx is an acknowledgement even when its body is unreadable
        for (const item of batch) await this.#settle(item, { ...item, state: 'delivered', error: undefined });
        return true;
      }
      const info = { kind: error.kind, message: error.message, status: error.status };
      if (!error.retryable) {
        for (const item of batch) await this.#settle(item, { ...item, state: 'rejected', error: info }, undefined, error);
        return true;
      }
      const attempts = first.attempts + 1;
      const { baseMs = 1000, capMs = 300000, random } = this.#opts;
      const wait = error.retryAfter !== undefined ? error.retryAfter * 1000 : backoffDelay(attempts, { baseMs, capMs }, random);
      for (const item of batch) {
        const next = { ...item, state: 'queued' as const, attempts, nextAt: Date.now() + wait, error: info };
        const stored = await this.#store.update<OutboxItem>(this.#prefix + item.id, (s) => (s && s.rev === item.rev ? next : s));
        this.#set(stored && stored.rev !== item.rev ? { ...stored, attempts } : next, true, undefined, error);
      }
      return false;
    }
  }

  /** Leave the queue (delivered or rejected), unless a newer revision arrived meanwhile. */
  async #settle(sent: OutboxItem, final: OutboxItem, ack?: unknown, error?: KithError) {
    // delete only the revision that was sent, atomically: a newer one saved meanwhile stays queued
    const stored = await this.#store.update<OutboxItem>(this.#prefix + sent.id, (s) => (s && s.rev !== sent.rev ? s : undefined));
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
    const next = Math.min(...this.items().filter((i) => i.state === 'queued').map((i) => i.nextAt));
    if (Number.isFinite(next)) this.#timer = setTimeout(() => void this.flush(), Math.max(0, next - Date.now()));
  }

  /** While the page unloads: hand what is waiting to `fetch(..., { keepalive: true })`; ids make a resend safe. */
  flushKeepalive(): void {
    const waiting = this.items().filter((i) => i.state === 'queued' || i.state === 'sending');
    const events = waiting.filter((i) => i.kind === 'event');
    for (const item of waiting) {
      if (item.kind !== 'event') void this.#opts.send(item.kind, item.target, item.body, true).catch(() => {});
    }
    if (events.length) void this.#opts.send('event', undefined, { events: events.slice(0, BATCH).map((i) => i.body) }, true).catch(() => {});
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }
}
