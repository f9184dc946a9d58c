// The access journal as a coordinator reads it: one line per person, document and day (« a ouvert Protocole AVK —
// 3 fois »), refusals first; the raw entries stay behind the detail view.
import { parisToday, type JournalEntryView } from '@maillage/shared';

export type SummaryKind = 'refused' | 'opened' | 'writeDropped' | 'revoke' | 'acl' | 'fetched';

export interface SummaryLine {
  kind: SummaryKind;
  /** The Paris calendar day (YYYY-MM-DD). */
  day: string;
  member: string | null;
  room: string | null;
  /** For a revocation, what was revoked (`member:<id>`, `device:<id>`, `delegation:<id>`). */
  target: string | null;
  /** For refusals, why (distinct reasons, as the server named them). */
  reasons: string[];
  count: number;
  /** For openings, whether anything was written during them. */
  wrote: boolean;
  /** The latest entry of the line (ISO). */
  last: string;
}

/**
 * What a socket writes when it changes nothing: its answer to the server's sync step is an empty Yjs update (two
 * bytes). Anything more is a change.
 */
export const EMPTY_UPDATE_BYTES = 2;

const KIND: Record<JournalEntryView['event'], SummaryKind> = {
  open: 'opened',
  close: 'opened',
  refused: 'refused',
  writeDropped: 'writeDropped',
  revoke: 'revoke',
  acl: 'acl',
  fetch: 'fetched',
};

/**
 * Whether a line or entry stands for someone the relay does not name: those who used an adverse-event report's room
 * (decision 0032). Any other entry on a document names its member, except refusals of a caller with no valid token.
 */
export const isAnonymous = (e: { member: string | null; room: string | null; refused: boolean }): boolean =>
  e.member === null && e.room !== null && !e.refused;

export function summarizeJournal(entries: readonly JournalEntryView[]): SummaryLine[] {
  const lines = new Map<string, SummaryLine>();
  for (const e of entries) {
    const kind = KIND[e.event];
    const day = parisToday(new Date(e.t));
    const target = kind === 'revoke' ? e.reason : null;
    const key = [kind, day, e.member ?? '', e.room ?? '', target ?? ''].join('\u0000');
    let line = lines.get(key);
    if (!line) {
      line = { kind, day, member: e.member, room: e.room, target, reasons: [], count: 0, wrote: false, last: e.t };
      lines.set(key, line);
    }
    // An opening is counted once, at its open; its close says only whether something was written.
    // A background fetch is already a sum (« documents:N », one line a device and minute: decision 0029).
    if (e.event === 'fetch') line.count += Number(/^documents:(\d+)$/.exec(e.reason ?? '')?.[1] ?? 0);
    else if (e.event !== 'close') line.count++;
    if (e.event === 'close' && e.bytes > EMPTY_UPDATE_BYTES) line.wrote = true;
    if (kind === 'refused' && e.reason && !line.reasons.includes(e.reason)) line.reasons.push(e.reason);
    if (e.t > line.last) line.last = e.t;
  }
  return [...lines.values()]
    .filter((l) => l.count > 0 || l.wrote)
    .sort((a, b) => Number(b.kind === 'refused') - Number(a.kind === 'refused') || b.last.localeCompare(a.last));
}
