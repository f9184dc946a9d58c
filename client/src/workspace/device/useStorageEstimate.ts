// What the browser says of this origin's storage: space used and granted, and whether it may erase it when short.
import { useCallback, useEffect, useState } from 'react';

export interface StorageFacts {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

async function readFacts(): Promise<StorageFacts> {
  const storage = navigator.storage as StorageManager | undefined;
  const estimate = await storage?.estimate?.().catch(() => null);
  const persisted = await storage?.persisted?.().catch(() => null);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted: persisted ?? null };
}

/** The facts, read again after `revision` changes; `persist` asks the browser and says whether it agreed. */
export function useStorageFacts(revision: unknown): { facts: StorageFacts | null; persist: () => Promise<boolean> } {
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  useEffect(() => {
    let current = true;
    void readFacts().then((read) => current && setFacts(read));
    return () => {
      current = false;
    };
  }, [revision]);
  const persist = useCallback(async () => {
    const granted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
    setFacts(await readFacts());
    return granted;
  }, []);
  return { facts, persist };
}
