// Which documents this device chooses not to keep: on a small phone, closed coordination files older than the
// member's setting (« Mon appareil »). They stay on the relay and on every other device, and open online as before.
import type { CatalogueItem } from '@maillage/shared';

/** How many months of closed files a device keeps; null keeps them all (the default). */
export const KEEP_CLOSED_CHOICES = [null, 24, 12, 6, 3] as const;
export type KeepClosedMonths = (typeof KEEP_CLOSED_CHOICES)[number];

/** The first instant a closed file must have changed after to stay: `months` calendar months before `now` (31 May
 * less three months is 28 February, not 3 March). */
export function keepSince(months: number, now: Date): Date {
  const since = new Date(now);
  since.setUTCDate(1);
  since.setUTCMonth(since.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + 1, 0)).getUTCDate();
  since.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return since;
}

/** Closed files whose last change is older than the kept window; nothing when every file is kept. */
export function closedCasesSetAside(items: readonly CatalogueItem[], months: KeepClosedMonths, now: Date): Set<string> {
  if (months === null) return new Set();
  const since = keepSince(months, now).toISOString();
  return new Set(
    items
      .filter((i) => i.kind === 'patientCase' && i.status === 'clos' && !i.deletedAt && i.updatedAt < since)
      .map((i) => i.docId),
  );
}
