// The background sync runs here, off the page's main thread: while a new device fetches a workspace, decoding
// documents and IndexedDB's work no longer hold back the member's keystrokes (docs/decisions/0029).
import { DocStore } from '../../store/docStore';
import { BackgroundSync } from './backgroundSync';
import type { FromWorker, ToWorker } from './workerMessages';

const VISIBLE_POLL_MS = 2000;
const HIDDEN_POLL_MS = 30_000;

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

let sync: BackgroundSync | null = null;
let live: ReadonlySet<string> = new Set();
let setAside: ReadonlySet<string> = new Set();
let visible = true;

scope.onmessage = ({ data }) => {
  switch (data.type) {
    case 'start': {
      if (sync) return;
      const started = new BackgroundSync({
        ...data.options,
        store: new DocStore(),
        pollMs: () => (visible ? VISIBLE_POLL_MS : HIDDEN_POLL_MS),
        isOnline: () => navigator.onLine,
        isLive: (docId) => live.has(docId),
        setAside: () => setAside,
        onDocChanged: (docId) => scope.postMessage({ type: 'changed', docId }),
      });
      started.subscribe(() => scope.postMessage({ type: 'state', state: started.current }));
      started.start();
      sync = started;
      return;
    }
    case 'check':
      return void sync?.checkNow();
    case 'live':
      live = new Set(data.docIds);
      return;
    case 'setAside':
      setAside = new Set(data.docIds);
      return;
    case 'visible':
      visible = data.visible;
      return;
  }
};
