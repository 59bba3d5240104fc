/**
 * Token buckets: each key holds up to `capacity` tokens, refilled at `perSecond`; a request takes
 * one. Kept in this process's memory: behind several servers each counts its own share (put a
 * shared limiter in front if that matters).
 */
export interface BucketOptions {
  capacity: number;
  perSecond: number;
}

export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #opts: BucketOptions;
  readonly #maxKeys: number;

  constructor(opts: BucketOptions, maxKeys = 100_000) {
    this.#opts = opts;
    this.#maxKeys = maxKeys;
  }

  /** Takes a token: 0 when allowed, otherwise the seconds until one is available (at least 1). */
  take(key: string, now: number): number {
    const { capacity, perSecond } = this.#opts;
    const b = this.#buckets.get(key);
    const tokens = b ? Math.min(capacity, b.tokens + ((now - b.at) / 1000) * perSecond) : capacity;
    if (tokens >= 1) {
      if (!b && this.#buckets.size >= this.#maxKeys) this.#sweep(now);
      this.#buckets.set(key, { tokens: tokens - 1, at: now });
      return 0;
    }
    this.#buckets.set(key, { tokens, at: now });
    return Math.max(1, Math.ceil((1 - tokens) / perSecond));
  }

  /** Forgets buckets that have refilled (they behave like new ones); if none, the oldest half. */
  #sweep(now: number): void {
    const { capacity, perSecond } = this.#opts;
    for (const [key, b] of this.#buckets) if (b.tokens + ((now - b.at) / 1000) * perSecond >= capacity) this.#buckets.delete(key);
    if (this.#buckets.size >= this.#maxKeys) {
      let n = this.#buckets.size / 2;
      for (const key of this.#buckets.keys()) {
        if (n-- <= 0) break;
        this.#buckets.delete(key);
      }
    }
  }
}
