// What Rooms is configured with, and the shapes its parts (sharedStore/sharedRooms.ts, epochRewrites.ts) share.
import type { WebSocket } from 'ws';
import type { Room } from './room';
import type { Metrics } from './metrics';
import type { QuotaCheck } from './workspaceQuota';
import type { SharedRoomLog } from './sharedStore/sharedRoomLog';

export interface RoomsOptions {
  evictAfterMs: number;
  compactAfterUpdates: number;
  maxBufferedBytes: number;
  log: (event: string, fields?: Record<string, unknown>) => void;
  metrics: Metrics;
  /** Told of each room a commit or a compaction wrote, with its last seq: the change feed's heads (heads.ts). */
  heads?: { changed(room: string, seq: number): void; compacted(room: string, seq: number): void };
  /** MAX_WORKSPACE_MB: a workspace past it has its writes refused, the others go on. */
  quota?: QuotaCheck;
  /**
   * A collecting room starts a new epoch (docs/decisions/0027) at a compaction whose state is at least epochMinBytes
   * and more than epochGrowth times the size of its content rewritten.
   */
  epochMinBytes?: number;
  epochGrowth?: number;
  /** Whether a room purges its deleted content (a report's room: its list's kind, set before any byte flows). */
  purges?: (room: string) => boolean;
  /**
   * Set when this relay is one of several (docs/decisions/0040): rooms' updates go to their Redis stream and compacted
   * states to Postgres; the SQLite store keeps the rest (quarantine, epochs' records). Rooms then load asynchronously,
   * and are never rewritten into a new epoch.
   */
  shared?: SharedRoomLog;
}

/** A client's update received this turn, waiting for the group commit. */
export interface Pending {
  room: Room;
  update: Uint8Array;
  from: WebSocket;
}

/** A room that could not be had: quarantined, or its store unreadable (worth a retry). */
export type Refusal = 'roomUnavailable' | 'storeUnavailable';

export const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
