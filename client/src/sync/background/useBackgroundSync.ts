// Starts the workspace's background sync in a worker while it is open on this device: checks the feed often while the
// page is seen and online, rarely when hidden, and at once when the network comes back or the page is shown again.
import { useEffect, useRef, useState } from 'react';
import { relayUrl } from '../docSync';
import type { BackgroundState } from './backgroundSync';
import { deviceDocsChanged } from './deviceRevision';
import { liveDocIds, onLiveChange } from '../liveDocs';
import type { FromWorker, ToWorker } from './workerMessages';

interface Options {
  /** The documents this device does not keep; a change is sent to the worker before its next round. */
  setAside: ReadonlySet<string>;
  /** False until the device's own settings are read, so nothing is fetched that they would not keep. */
  enabled: boolean;
}

export function useBackgroundSync(
  workspaceId: string,
  token: string,
  { setAside, enabled }: Options,
): BackgroundState | null {
  const [state, setState] = useState<BackgroundState | null>(null);
  const worker = useRef<{ post: (message: ToWorker) => void } | null>(null);
  const latestSetAside = useRef(setAside);
  /** The set last sent, as one string: a catalogue read again makes a new set of the same documents. */
  const sentSetAside = useRef('');

  useEffect(() => {
    if (!enabled) return;
    const started = new Worker(new URL('./backgroundWorker.ts', import.meta.url), { type: 'module' });
    const post = (message: ToWorker) => started.postMessage(message);
    started.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.type === 'state') setState(data.state);
      else deviceDocsChanged();
    };
    const postLive = () => post({ type: 'live', docIds: liveDocIds(workspaceId) });
    const shown = () => {
      post({ type: 'visible', visible: document.visibilityState === 'visible' });
      post({ type: 'check' });
    };
    const online = () => post({ type: 'check' });
    postLive();
    sentSetAside.current = [...latestSetAside.current].sort().join(' ');
    post({ type: 'setAside', docIds: [...latestSetAside.current] });
    post({ type: 'visible', visible: document.visibilityState === 'visible' });
    post({ type: 'start', options: { workspaceId, token, httpBase: location.origin, wsBase: relayUrl() } });
    const offLive = onLiveChange(postLive);
    window.addEventListener('online', online);
    document.addEventListener('visibilitychange', shown);
    worker.current = { post };
    return () => {
      offLive();
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', shown);
      worker.current = null;
      // An IndexedDB transaction cut short is rolled back whole: a document half stored is fetched again next time.
      started.terminate();
      setState(null);
    };
  }, [workspaceId, token, enabled]);

  useEffect(() => {
    latestSetAside.current = setAside;
    const sent = [...setAside].sort().join(' ');
    if (!worker.current || sent === sentSetAside.current) return;
    sentSetAside.current = sent;
    worker.current.post({ type: 'setAside', docIds: [...setAside] });
    worker.current.post({ type: 'check' });
  }, [setAside]);

  return state;
}
