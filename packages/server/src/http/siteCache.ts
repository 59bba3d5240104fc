import type { SiteRecord, Store } from '../store/store.ts';
import { originAllowed } from './origins.ts';

/**
 * Sites looked up on every request, cached for a few seconds. Admin changes through this server
 * clear it at once; changes made by another server show within `ttlMs`.
 */
export class SiteCache {
  readonly #store: Store;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #byKey = new Map<string, { site: SiteRecord | null; at: number }>();
  #all: { sites: SiteRecord[]; at: number } | null = null;

  constructor(store: Store, now: () => number, ttlMs = 5000) {
    this.#store = store;
    this.#now = now;
    this.#ttlMs = ttlMs;
  }

  async get(key: string): Promise<SiteRecord | null> {
    const hit = this.#byKey.get(key);
    if (hit && this.#now() - hit.at < this.#ttlMs) return hit.site;
    const site = await this.#store.getSite(key);
    if (this.#byKey.size > 10_000) this.#byKey.clear();
    this.#byKey.set(key, { site, at: this.#now() });
    return site;
  }

  /** Whether any site allows `origin` (for preflights, which carry no Kith-Site header). */
  async anyAllows(origin: string): Promise<boolean> {
    if (!this.#all || this.#now() - this.#all.at >= this.#ttlMs) this.#all = { sites: await this.#store.listSites(), at: this.#now() };
    return this.#all.sites.some((s) => originAllowed(origin, s.allowedOrigins));
  }

  clear(): void {
    this.#byKey.clear();
    this.#all = null;
  }
}
