// Starts the workspace's background sync while it is open on this device, once its first screen is up: checks the feed
// often while the page is seen and online, rarely when hidden, and at once when the network comes back.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { docStore } from '../../store/docStore';
import { relayUrl } from '../docSync';
import { BackgroundSync, type BackgroundState } from './backgroundSync';
import { afterFirstScreen } from './afterFirstScreen';
import { deviceDocsChanged } from './deviceRevision';
import { isLive, openInAnyTab } from '../liveDocs';

const VISIBLE_POLL_MS = 2000;
const HIDDEN_POLL_MS = 30_000;
/** The progress line moves a few times a second while documents land, not once per document. */
const PROGRESS_EVERY_MS = 500;

interface Options {
  /** Read at each round: the documents this device does not keep. */
  setAside: () => ReadonlySet<string>;
  /** False until the device's own settings are read, so nothing is fetched that they would not keep. */
  enabled: boolean;
}

export function useBackgroundSync(
  workspaceId: string,
  token: string,
  { setAside, enabled }: Options,
): { state: BackgroundState | null; checkNow: () => void } {
  const [sync, setSync] = useState<BackgroundSync | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const background = new BackgroundSync({
      workspaceId,
      token,
      httpBase: location.origin,
      wsBase: relayUrl(),
      store: docStore,
      pollMs: () => (document.visibilityState === 'visible' ? VISIBLE_POLL_MS : HIDDEN_POLL_MS),
      isOnline: () => navigator.onLine,
      isLive: (docId) => isLive(workspaceId, docId),
      openInAnyTab: () => openInAnyTab(workspaceId),
      setAside,
      progressEveryMs: PROGRESS_EVERY_MS,
      onDocChanged: deviceDocsChanged,
    });
    let started = false;
    const now = () => void (started && background.checkNow());
    window.addEventListener('online', now);
    document.addEventListener('visibilitychange', now);
    let stopped = false;
    void afterFirstScreen(workspaceId).then(() => {
      if (stopped) return;
      started = true;
      background.start();
    });
    setSync(background);
    return () => {
      stopped = true;
      window.removeEventListener('online', now);
      document.removeEventListener('visibilitychange', now);
      background.stop();
      setSync(null);
    };
  }, [workspaceId, token, setAside, enabled]);
  const state = useSyncExternalStore(sync?.subscribe ?? noSubscribe, () => sync?.current ?? null);
  const checkNow = useCallback(() => void sync?.checkNow(), [sync]);
  return { state, checkNow };
}

const noSubscribe = () => () => undefined;
