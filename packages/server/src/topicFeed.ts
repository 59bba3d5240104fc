/**
 * Wakes `/v1/topics/stream` subscribers of a site when its topic change log grows. The log itself
 * is in the store (so `Last-Event-ID` resume survives restarts); this only says "look again".
 * Behind several servers, replace it with the database's notifications (PostgreSQL LISTEN/NOTIFY).
 */
export class TopicFeed {
  readonly #subscribers = new Map<string, Set<() => void>>();

  subscribe(site: string, wake: () => void): () => void {
    let set = this.#subscribers.get(site);
    if (!set) this.#subscribers.set(site, (set = new Set()));
    set.add(wake);
    return () => {
      set.delete(wake);
      if (set.size === 0) this.#subscribers.delete(site);
    };
  }

  notify(site: string): void {
    for (const wake of this.#subscribers.get(site) ?? []) wake();
  }

  get subscriberCount(): number {
    let n = 0;
    for (const set of this.#subscribers.values()) n += set.size;
    return n;
  }
}
