// The anonymised register every member reads, in the governance document (`adverseEventRegister`: report id → row).
// Rows are written by the référents' devices from the reports they hold, never by the reporter's: nothing a reporter's
// device writes into a shared document could then be tied back to them (decision 0032).
import { z } from 'zod/mini';
import type * as Y from 'yjs';
import { idSchema } from '../../sync/ids';
import { isCalendarDate } from '../../domain/parisDays';
import { EVENT_CATEGORIES, EVENT_NATURES, reportStatusSchema, severitySchema, type RegisterRow } from './schema';

const registerRowSchema = z.object({
  day: z.string().check(z.refine(isCalendarDate)),
  severity: severitySchema,
  status: reportStatusSchema,
  category: z.nullable(z.enum(EVENT_CATEGORIES)),
  // For the quality dashboard (decision 0036); absent on rows written before it.
  nature: z.optional(z.enum(EVENT_NATURES)),
  eigs: z.optional(z.boolean()),
});

const registerMap = (doc: Y.Doc) => doc.getMap<unknown>('adverseEventRegister');

/** Writes a report's row when it changed; anything but the four register fields is dropped by the schema. */
export function writeRegisterRow(governance: Y.Doc, row: RegisterRow): boolean {
  if (!idSchema.safeParse(row.docId).success) return false;
  const parsed = registerRowSchema.safeParse(row);
  if (!parsed.success) return false;
  const current = registerRowSchema.safeParse(registerMap(governance).get(row.docId));
  if (current.success && JSON.stringify(current.data) === JSON.stringify(parsed.data)) return true;
  registerMap(governance).set(row.docId, parsed.data);
  return true;
}

/** Newest event first. */
export function readRegister(governance: Y.Doc): RegisterRow[] {
  const rows: RegisterRow[] = [];
  for (const [docId, value] of registerEntries(governance)) {
    const row = parseRegisterRow(docId, value);
    if (row) rows.push(row);
  }
  return sortRegister(rows);
}

/** The register's entries as stored, unchecked: for a reader that checks them a slice at a time. */
export function registerEntries(governance: Y.Doc): [string, unknown][] {
  return [...registerMap(governance).entries()];
}

/** One stored entry as a row; null when it is not a row this version reads. */
export function parseRegisterRow(docId: string, value: unknown): RegisterRow | null {
  const parsed = registerRowSchema.safeParse(value);
  return parsed.success ? { docId, ...parsed.data, severity: parsed.data.severity as RegisterRow['severity'] } : null;
}

// The order `localeCompare` gives, from one collator made once rather than looked up at each of a thousand rows'
// comparisons.
const collator = new Intl.Collator();

/** Newest event first. */
export function sortRegister(rows: RegisterRow[]): RegisterRow[] {
  return rows.sort((a, b) => collator.compare(b.day, a.day) || collator.compare(a.docId, b.docId));
}

export function observeRegister(governance: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  registerMap(governance).observe(handler);
  return () => registerMap(governance).unobserve(handler);
}
