// Why a room's list may not be set at all, or (for its first list) why this caller may not create it.
import { isBoundTo, isWellKnownDoc, type AccessClaims } from '@maillage/shared/sync';
import type { Acls } from './acls';

export interface ClaimRefusal {
  status: 403 | 409;
  error: 'wellKnownRoom' | 'roomNotBound' | 'roomHasContent' | 'tooManyLists';
  message: string;
}

/** What deciding a claim reads: the lists held, the limit of lists a member may create, and whether a room has content. */
export interface ClaimDeps {
  acls: Pick<Acls, 'ownedBy'>;
  maxListsPerMember: number;
  hasContent: (room: string) => boolean | Promise<boolean>;
}

/**
 * The first list of a room creates it: only for a room bound to the caller (its id derived from their member id and
 * the nonce they send) that holds nothing yet. Well-known documents are read by the whole workspace: never restricted.
 */
export async function claimRefusal(
  deps: ClaimDeps,
  docId: string,
  room: string,
  claims: AccessClaims,
  nonce: string | undefined,
  exists: boolean,
): Promise<ClaimRefusal | null> {
  if (isWellKnownDoc(docId))
    return {
      status: 403,
      error: 'wellKnownRoom',
      message:
        "the workspace's shared documents (catalogue, directory, governance) are open to every member and can never be restricted",
    };
  if (exists) return null;
  if (nonce === undefined || !(await isBoundTo(claims.ws, docId, claims.sub, nonce))) {
    return {
      status: 403,
      error: 'roomNotBound',
      message: "a room's first list is set only by the member its id was made for, with the nonce it was made from",
    };
  }
  // Else one member could make lists (one per nonce drawn, each kept in memory) until the relay ran out (0021).
  if (deps.acls.ownedBy(claims.ws, claims.sub) >= deps.maxListsPerMember)
    return {
      status: 403,
      error: 'tooManyLists',
      message: `a member may create at most ${deps.maxListsPerMember} restricted documents on this relay`,
    };
  if (await deps.hasContent(room))
    return {
      status: 409,
      error: 'roomHasContent',
      message: 'this room already holds content: it cannot become restricted',
    };
  return null;
}
