// The report form's draft, kept on this device as it is typed: a reload, a crash or a closed tab gives it back, and a
// saved report drops it. localStorage, written at each change: synchronous, so the last keystroke is there even when
// the page goes away at once (an IndexedDB write still in flight would be aborted), and kept after the tab is closed.
// Kept per member, since a device can change hands within a workspace, and for a month at most: an event not sent by
// then is better declared again than sent stale.
import { z } from 'zod/mini';
import { CONSEQUENCES, EVENT_NATURES, EVENT_PLACES, PROFESSIONS } from '@maillage/shared';
import type { ReportDraft } from './reportDraft';

export const DRAFT_KEPT_DAYS = 30;

// Field by field: a choice this version does not know (written by another one) clears that field, not the draft.
const text = z.catch(z.string(), '');
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.catch(z.nullable(z.enum(values)), null);
const draftSchema = z.object({
  day: text,
  time: text,
  place: choice(EVENT_PLACES),
  description: text,
  nature: choice(EVENT_NATURES),
  consequences: choice(CONSEQUENCES),
  severity: z.catch(z.nullable(z.string()), null),
  professions: z.catch(z.array(z.enum(PROFESSIONS)), []),
  immediateMeasures: text,
  informed: choice(['yes', 'no'] as const),
  informedOn: text,
  reporterName: text,
});
const storedSchema = z.object({ savedAt: z.string(), draft: draftSchema });

/** Whose draft: one workspace, one member of it. */
export interface DraftOwner {
  workspaceId: string;
  memberId: string;
}

const key = ({ workspaceId, memberId }: DraftOwner) => `maillage:reportDraft:${workspaceId}:${memberId}`;
const deviceStorage = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);
const KEPT_MS = DRAFT_KEPT_DAYS * 24 * 3600 * 1000;

/**
 * The draft this member left on this device, or null (none, older than a month, or unreadable: a blank form). What is
 * not given back is deleted, since it may name a patient; so is a draft kept before drafts were kept per member.
 */
export function loadReportDraft(owner: DraftOwner, now = new Date(), storage = deviceStorage()): ReportDraft | null {
  try {
    storage?.removeItem(`maillage:reportDraft:${owner.workspaceId}`);
    const stored = storage?.getItem(key(owner));
    if (!stored) return null;
    const parsed = storedSchema.safeParse(JSON.parse(stored));
    const age = parsed.success ? now.getTime() - Date.parse(parsed.data.savedAt) : NaN;
    if (parsed.success && age >= 0 && age <= KEPT_MS) return parsed.data.draft;
    storage?.removeItem(key(owner));
    return null;
  } catch {
    dropReportDraft(owner, storage);
    return null;
  }
}

/** Keeps the draft; a full or absent storage keeps it in the form only (the form still works). */
export function keepReportDraft(
  owner: DraftOwner,
  draft: ReportDraft,
  now = new Date(),
  storage = deviceStorage(),
): void {
  try {
    storage?.setItem(key(owner), JSON.stringify({ savedAt: now.toISOString(), draft }));
  } catch {
    // Storage full or refused: nothing more to do from here.
  }
}

export function dropReportDraft(owner: DraftOwner, storage = deviceStorage()): void {
  try {
    storage?.removeItem(key(owner));
  } catch {
    // As above.
  }
}
