// The protocol's header, re-read whenever anyone changes it.
import type * as Y from 'yjs';
import { observeProtocolHeader, readProtocolHeader, type ProtocolHeader } from '@maillage/shared';
import { useDocValue } from '../../sync/useDocValue';

export const useProtocolHeader = (doc: Y.Doc): ProtocolHeader =>
  useDocValue(doc, readProtocolHeader, observeProtocolHeader);
