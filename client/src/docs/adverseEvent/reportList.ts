// A report's room list on the relay, before any byte flows: the reporter's device puts {reporter, quality référents}
// there with the nonce its id was made from, or finds it there already (the answer to an earlier request was lost),
// and later keeps it in step with the référents the governance names.
import { aclAdmits } from '@maillage/shared';
import type { WorkspaceRow } from '../../store/db';
import { getAcl, setAcl } from '../../workspace/relayAcl';
import type { RelayLink } from '../patientCase/relayLink';

export type ListOutcome = 'listed' | 'refused' | 'noReferent';

/** The report's list: its reporter and the référents, each once. */
export const reportMembers = (reporter: string, referents: readonly string[]): string[] =>
  [...new Set([reporter, ...referents])].sort();

/** Throws when the relay cannot be reached (the caller tries again later); never lets the content go first. */
export async function ensureReportList(
  link: Pick<RelayLink, 'getAcl' | 'setAcl'>,
  reporter: string,
  referents: readonly string[],
): Promise<ListOutcome> {
  const existing = await link.getAcl();
  if (existing && !aclAdmits(existing, reporter)) return 'refused';
  // Nobody to read it yet: the report stays on this device rather than sit in a room only its reporter can open.
  if (referents.filter((id) => id !== reporter).length === 0) return existing ? 'listed' : 'noReferent';
  const wanted = reportMembers(reporter, referents);
  // Référents named or removed since: the list follows them (a removed one's devices lose the report). A report sent
  // before rooms had a kind is a care team's room: setting its list as a report's makes it one (decision 0042).
  const converted = existing?.kind !== 'team';
  if (existing && converted && [...existing.members].sort().join() === wanted.join()) return 'listed';
  const view = await link.setAcl(wanted);
  return aclAdmits(view, reporter) ? 'listed' : 'refused';
}

/**
 * The /acl calls of one report from its reporter's device. Every list is sent as a report's: the relay makes the room
 * one with the first (only those on it change it, the reporter is named to nobody else; decision 0032). `nonce`: for
 * the first list, the one the report's id was made from.
 */
export function reportRelayCalls(
  row: () => WorkspaceRow,
  docId: string,
  nonce?: string,
): Pick<RelayLink, 'getAcl' | 'setAcl'> {
  return {
    getAcl: () => getAcl(row(), docId),
    setAcl: (members) => setAcl(row(), docId, members, nonce, 'report'),
  };
}
