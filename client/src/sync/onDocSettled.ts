// Runs a write once a document has been quiet for a moment (catalogue entries, metadata, search texts follow a
// document without rewriting them on every keystroke), and at once when the page goes away or the caller stops:
// a reload or a closed tab runs no React cleanup, and what is written synchronously then is journaled and kept.
import type * as Y from 'yjs';

const QUIET_MS = 800;

interface Options {
  /** Also run after colleagues' edits (received with `remoteOrigin`), not only after this device's. */
  includeRemote?: boolean;
  /** Run once soon even if nothing changes (to bring a derived row up to date on opening). */
  startNow?: boolean;
}

export interface Settled {
  stop(): void;
  /** Asks for a run soon though the document did not change (it has just synced, say). */
  nudge(): void;
}

/** `write(localEdit)`: localEdit says whether an edit made here happened since the last run. */
export function onDocSettled(
  doc: Y.Doc,
  remoteOrigin: unknown,
  write: (localEdit: boolean) => void,
  options: Options = {},
): Settled {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let localEdit = false;
  const run = () => {
    timer = null;
    const local = localEdit;
    localEdit = false;
    write(local);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, QUIET_MS);
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    const local = origin !== remoteOrigin;
    if (local) localEdit = true;
    if (local || options.includeRemote) schedule();
  };
  const flush = () => {
    if (!timer) return;
    clearTimeout(timer);
    run();
  };
  doc.on('update', onUpdate);
  window.addEventListener('pagehide', flush);
  if (options.startNow) schedule();
  return {
    nudge: schedule,
    stop: () => {
      doc.off('update', onUpdate);
      window.removeEventListener('pagehide', flush);
      flush();
    },
  };
}
