// The protocol's header, re-read whenever anyone changes it.
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { observeProtocolHeader, readProtocolHeader, type ProtocolHeader } from '@maillage/shared';

export function useProtocolHeader(doc: Y.Doc): ProtocolHeader {
  const [header, setHeader] = useState(() => readProtocolHeader(doc));
  useEffect(() => {
    setHeader(readProtocolHeader(doc));
    return observeProtocolHeader(doc, setHeader);
  }, [doc]);
  return header;
}
