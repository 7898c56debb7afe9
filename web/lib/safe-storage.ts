/** A Storage that lives in memory: used when the browser blocks localStorage / sessionStorage. */
class MemoryStorage implements Storage {
  #items = new Map<string, string>();

  get length(): number {
    return this.#items.size;
  }

  clear(): void {
    this.#items.clear();
  }

  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }

  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.#items.delete(key);
  }

  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }
}

type StorageKind = 'localStorage' | 'sessionStorage';

// One stand-in per kind for the page's life: what was saved a moment ago must still read back.
const standIns = new Map<StorageKind, MemoryStorage>();

/** window.localStorage / sessionStorage, or an in-memory stand-in when access throws (privacy modes). */
export function safeStorage(kind: StorageKind): Storage {
  try {
    const storage = window[kind];
    storage.getItem('probe');
    return storage;
  } catch {
    const standIn = standIns.get(kind) ?? new MemoryStorage();
    standIns.set(kind, standIn);
    return standIn;
  }
}
