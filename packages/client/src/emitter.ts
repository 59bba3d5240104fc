/** A typed event emitter: `on` returns the function that unsubscribes. */
export class Emitter<Events extends object> {
  #listeners = new Map<keyof Events, Set<(detail: never) => void>>();

  on<K extends keyof Events>(type: K, fn: (detail: Events[K]) => void): () => void {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(fn as (detail: never) => void);
    return () => set.delete(fn as (detail: never) => void);
  }

  emit<K extends keyof Events>(type: K, detail: Events[K]): void {
    for (const fn of this.#listeners.get(type) ?? []) {
      try {
        (fn as (d: Events[K]) => void)(detail);
      } catch (e) {
        // a listener's bug must not break delivery; report it where developers look
        console.error(e);
      }
    }
  }
}
