import { MemoryStore, type Store } from 'hono-rate-limiter';
import type { AppEnv } from '../app.js';

/** Where the limiters keep their counters: one store per limiter, named so a shared store can keep them apart. */
export interface RateLimitStores {
  /** `shared` stores count across every instance that uses them. */
  readonly shared: boolean;
  create(name: string): Store<AppEnv>;
  close(): Promise<void>;
}

/** Counters in this process: right for one instance, and the default. */
export function memoryRateLimitStores(): RateLimitStores {
  const stores: MemoryStore<AppEnv>[] = [];
  return {
    shared: false,
    create() {
      const store = new MemoryStore<AppEnv>();
      stores.push(store);
      return store;
    },
    async close() {
      for (const store of stores) store.shutdown();
    },
  };
}
