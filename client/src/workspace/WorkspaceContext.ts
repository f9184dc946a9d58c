// The open workspace's row (its id, name, this device's token and member id), shared with every screen below the gate.
import { createContext, useContext } from 'react';
import type { WorkspaceRow } from '../store/db';

export const WorkspaceContext = createContext<WorkspaceRow | null>(null);

export function useWorkspace(): WorkspaceRow {
  const row = useContext(WorkspaceContext);
  if (!row) throw new Error('useWorkspace outside of WorkspaceGate');
  return row;
}
