// How many other people have this document open (awareness), each person once, re-rendering only when that changes.
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { othersOnline } from './peopleOnline';

export function useOthersPresent(provider: WebsocketProvider): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const read = () => setCount(othersOnline(provider.awareness.getStates(), provider.awareness.clientID));
    read();
    provider.awareness.on('change', read);
    return () => provider.awareness.off('change', read);
  }, [provider]);
  return count;
}
