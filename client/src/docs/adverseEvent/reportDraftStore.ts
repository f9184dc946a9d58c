// The report form's draft, kept on this device as it is typed: a reload, a crash or a closed tab gives it back, and a
// saved report drops it. localStorage, written at each change: synchronous, so the last keystroke is there even when
// the page goes away at once (an IndexedDB write still in flight would be aborted), and kept after the tab is closed.
import { z } from 'zod/mini';
import { CONSEQUENCES, EVENT_NATURES, EVENT_PLACES, PROFESSIONS } from '@maillage/shared';
import type { ReportDraft } from './reportDraft';

const draftSchema = z.object({
  day: z.string(),
  time: z.string(),
  place: z.nullable(z.enum(EVENT_PLACES)),
  description: z.string(),
  nature: z.nullable(z.enum(EVENT_NATURES)),
  consequences: z.nullable(z.enum(CONSEQUENCES)),
  severity: z.nullable(z.string()),
  professions: z.array(z.enum(PROFESSIONS)),
  immediateMeasures: z.string(),
  informed: z.nullable(z.enum(['yes', 'no'])),
  informedOn: z.string(),
  reporterName: z.string(),
});

const key = (workspaceId: string) => `maillage:reportDraft:${workspaceId}`;
const deviceStorage = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);

/** The draft left on this device for this workspace, or null (none, or unreadable: the form starts blank). */
export function loadReportDraft(workspaceId: string, storage = deviceStorage()): ReportDraft | null {
  try {
    const stored = storage?.getItem(key(workspaceId));
    if (!stored) return null;
    const parsed = draftSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the draft; a full or absent storage keeps it in the form only (the form still works). */
export function keepReportDraft(workspaceId: string, draft: ReportDraft, storage = deviceStorage()): void {
  try {
    storage?.setItem(key(workspaceId), JSON.stringify(draft));
  } catch {
    // Storage full or refused: nothing more to do from here.
  }
}

export function dropReportDraft(workspaceId: string, storage = deviceStorage()): void {
  try {
    storage?.removeItem(key(workspaceId));
  } catch {
    // As above.
  }
}
