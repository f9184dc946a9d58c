// Adverse-event reports (decision 0032): the access journal never names who opened, wrote in or listed a report's
// room, so the coordinators reading it cannot tell who reported. Someone off the list who knocks is named, as any
// refusal is: they are not the reporter, and the refusal is what the journal is for.
import { aclAdmits } from '@maillage/shared/sync';
import type { Acls } from './acls';
import type { JournalEntry } from './journal';

type Entry = Omit<JournalEntry, 't'>;

/** The entry as the journal keeps it: on a report room, with no member, device, role or address. */
export function withoutReporter(acls: Pick<Acls, 'get'>): (entry: Entry) => Entry {
  return (entry) => {
    const acl = entry.room === null ? null : acls.get(entry.room);
    if (acl?.kind !== 'report') return entry;
    const knockedFromOutside = entry.event === 'refused' && entry.member !== null && !aclAdmits(acl, entry.member);
    if (knockedFromOutside) return entry;
    return { ...entry, member: null, device: null, role: null, address: null };
  };
}

/**
 * The entries as a coordinator reads them: shaped by the room's list as it is now, so a room that became a report's
 * after it was used (decision 0042) names nobody in what was written before, though the append-only rows still do.
 * Asked for by member, a report room's entries are not found under the name they lost.
 */
export function asReadNow(
  acls: Pick<Acls, 'get'>,
  entries: readonly JournalEntry[],
  member: string | undefined,
): JournalEntry[] {
  const shape = withoutReporter(acls);
  return entries
    .map(({ t, ...entry }) => ({ t, ...shape(entry) }))
    .filter((entry) => member === undefined || entry.member === member);
}
