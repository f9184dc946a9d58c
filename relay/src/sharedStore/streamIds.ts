// Redis stream ids ("<ms>-<seq>"): compared, and where a trim may cut, as numbers rather than strings.

export interface StreamId {
  ms: number;
  seq: number;
}

/** Before any entry: a room read from nothing. */
export const STREAM_START: StreamId = { ms: 0, seq: 0 };

export function parseStreamId(id: string): StreamId {
  const match = /^(\d+)-(\d+)$/.exec(id);
  if (!match) throw new Error(`not a stream id: ${id}`);
  return { ms: Number(match[1]), seq: Number(match[2]) };
}

export const formatStreamId = (id: StreamId): string => `${id.ms}-${id.seq}`;

export function compareStreamIds(a: StreamId, b: StreamId): number {
  return a.ms === b.ms ? a.seq - b.seq : a.ms - b.ms;
}

/** The first id after `id`: where a trim cuts to drop `id` and everything before it. */
export const nextStreamId = (id: StreamId): StreamId => ({ ms: id.ms, seq: id.seq + 1 });

/**
 * Where `XTRIM MINID` may cut once everything up to `covered` is in Postgres: just past it, but never into the last
 * `keepMs` of entries, which a relay whose reading loop is behind may not have read yet (docs/decisions/0040).
 * `now` is Redis' clock, the one stream ids are taken from.
 */
export function trimPoint(covered: StreamId, now: number, keepMs: number): StreamId {
  const youngest = now - keepMs;
  return covered.ms < youngest ? nextStreamId(covered) : { ms: Math.max(0, youngest), seq: 0 };
}
