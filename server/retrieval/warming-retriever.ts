import type { Retriever, SearchOptions } from './types.js';

/** Thrown by a warming retriever asked to search before its index is ready; the routes refuse first. */
export class RetrieverWarmingError extends Error {
  constructor() {
    super('The search index is still being built or loaded');
    this.name = 'RetrieverWarmingError';
  }
}

/** A retriever that stands in for one still being built, and answers as that one once it is ready. */
export interface WarmingRetriever extends Retriever {
  readonly warming: boolean;
  /** The built retriever; rejects when building fails (the entry then exits). */
  readonly ready: Promise<Retriever>;
}

/**
 * Wraps a retriever that is still being built or loaded from a snapshot, so the server can listen at once:
 * `warming` is true and `stats` are zero until `building` resolves, then every call goes to the built one.
 */
export function warmingRetriever(building: Promise<Retriever>): WarmingRetriever {
  let built: Retriever | null = null;
  // Handles a failure here too, so it is reported once, by whoever awaits `ready`.
  building.then(
    (retriever) => {
      built = retriever;
    },
    () => undefined,
  );
  const current = (): Retriever => {
    if (built === null) throw new RetrieverWarmingError();
    return built;
  };
  return {
    ready: building,
    get warming() {
      return built === null;
    },
    get stats() {
      return built?.stats ?? { docs: 0, chunks: 0 };
    },
    async search(query: string, options?: SearchOptions) {
      return current().search(query, options);
    },
    section(id: string) {
      return current().section(id);
    },
    outline() {
      return current().outline?.() ?? { documents: [] };
    },
    compare() {
      return current().compare?.() ?? { groups: [] };
    },
    languages() {
      return built?.languages?.() ?? [];
    },
  };
}
