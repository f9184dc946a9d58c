// A number that changes whenever a document does (at most once a frame): for views that read a whole document while
// rendering, such as the print view, so they follow colleagues' edits and content arriving from the relay.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

export function useDocRevision(doc: Y.Doc | null): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    if (!doc) return;
    let frame = 0;
    const onUpdate = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          setRevision((r) => r + 1);
        });
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      cancelAnimationFrame(frame);
    };
  }, [doc]);
  return revision;
}
