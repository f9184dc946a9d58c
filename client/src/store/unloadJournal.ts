// The last keystrokes before a reload or a closed tab. IndexedDB writes still in flight when a page goes away are
// aborted; localStorage is written synchronously and kept by the browser, so every update is journaled there first
// and dropped as soon as IndexedDB has committed it. On the next open, whatever is left is replayed.
import { fromBase64, toBase64 } from '@maillage/shared/sync';

const PREFIX = 'maillage:unsaved:';
/** A large paste goes to IndexedDB only: localStorage is small (about 5 MB per origin) and synchronous. */
const MAX_JOURNALED_BYTES = 64 * 1024;

export class UnloadJournal {
  /** Keys are unique per tab: two tabs on one document never overwrite each other's entries. */
  private readonly tab = Math.random().toString(36).slice(2, 10);
  private counter = 0;

  constructor(private readonly storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage) {}

  /** Journals one update; returns its key, or null when it was not journaled (too large, storage full or absent). */
  append(docKey: string, update: Uint8Array): string | null {
    if (!this.storage || update.byteLength > MAX_JOURNALED_BYTES) return null;
    const key = `${PREFIX}${docKey}:${this.tab}:${String(this.counter++).padStart(8, '0')}`;
    try {
      this.storage.setItem(key, toBase64(update));
      return key;
    } catch {
      return null;
    }
  }

  /** Entries left for a document (by this or an earlier page), in the order they were written. */
  pending(docKey: string): { keys: string[]; updates: Uint8Array[] } {
    if (!this.storage) return { keys: [], updates: [] };
    const keys: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key?.startsWith(`${PREFIX}${docKey}:`)) keys.push(key);
    }
    keys.sort();
    return { keys, updates: keys.map((k) => fromBase64(this.storage!.getItem(k) ?? '')) };
  }

  /** The documents (`journalKey`s) that have entries left, by this or an earlier page. */
  docKeys(): string[] {
    const found = new Set<string>();
    for (let i = 0; i < (this.storage?.length ?? 0); i++) {
      const key = this.storage!.key(i);
      // `${PREFIX}${docKey}:${tab}:${counter}`: a document key holds no colon.
      if (key?.startsWith(PREFIX)) found.add(key.slice(PREFIX.length).split(':')[0]!);
    }
    return [...found];
  }

  remove(keys: readonly string[]): void {
    for (const key of keys) this.storage?.removeItem(key);
  }
}
