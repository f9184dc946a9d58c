// How many other people have this document open (awareness), re-rendering only when that number changes.
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

export function useOthersPresent(provider: WebsocketProvider): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const read = () => {
      let others = 0;
      provider.awareness.getStates().forEach((state, clientId) => {
        if (clientId !== provider.awareness.clientID && (state as { user?: unknown }).user) others++;
      });
      setCount(others);
    };
    read();
    provider.awareness.on('change', read);
    return () => provider.awareness.off('change', read);
  }, [provider]);
  return count;
}
