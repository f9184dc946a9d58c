// A value read from a Y.Doc through its layout accessor, read again whenever the part it observes changes.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

export function useDocValue<T>(
  doc: Y.Doc,
  read: (doc: Y.Doc) => T,
  observe: (doc: Y.Doc, onChange: () => void) => () => void,
): T {
  const [value, setValue] = useState(() => read(doc));
  useEffect(() => {
    setValue(read(doc));
    return observe(doc, () => setValue(read(doc)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the accessors are module-level: the document changes.
  }, [doc]);
  return value;
}
