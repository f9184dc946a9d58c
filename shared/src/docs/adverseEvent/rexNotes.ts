// REX notes (retours d'expérience): a short anonymised lesson a référent publishes to every member, in the governance
// document (`rexNotes`: report id → note), so the register links each row to its lesson. Only the lesson is shared:
// no reporter, no report text; a lesson that names an annuaire member, a birth date, a phone or an INS-like number is
// refused until rephrased (decision 0037).
import { z } from 'zod/mini';
import type * as Y from 'yjs';
import { idSchema } from '../../sync/ids';
import { validate, type Validated } from '../validation';
import { identityWarnings } from './identityWarnings';
import { refuseReport } from './layout';

export const rexNoteInputSchema = z.object({
  title: z
    .string({ error: 'errors.rexTitleRequired' })
    .check(z.trim(), z.minLength(1, 'errors.rexTitleRequired'), z.maxLength(120, 'errors.tooLong')),
  lesson: z
    .string({ error: 'errors.rexLessonRequired' })
    .check(z.trim(), z.minLength(1, 'errors.rexLessonRequired'), z.maxLength(1500, 'errors.tooLong')),
});
export type RexNoteInput = z.input<typeof rexNoteInputSchema>;

const storedSchema = z.object({ ...rexNoteInputSchema.shape, publishedAt: z.iso.datetime() });
export interface RexNote extends z.infer<typeof storedSchema> {
  reportId: string;
}

const notesMap = (doc: Y.Doc) => doc.getMap<unknown>('rexNotes');

/** Publishes (or rewrites) a report's lesson; who published it is not kept, the lesson is the référents'. */
export function publishRexNote(
  governance: Y.Doc,
  reportId: string,
  input: RexNoteInput | unknown,
  actor: string,
  referents: ReadonlySet<string>,
  memberNames: readonly string[],
  now = new Date(),
): Validated<RexNote> {
  if (!referents.has(actor)) return refuseReport('actor', 'errors.referentOnly');
  if (!idSchema.safeParse(reportId).success) return refuseReport('report', 'errors.noReport');
  const result = validate(rexNoteInputSchema, input);
  if (!result.ok) return result;
  for (const field of ['title', 'lesson'] as const)
    if (identityWarnings(result.value[field], memberNames, now).length > 0)
      return refuseReport(field, 'errors.rexIdentifying');
  const note = { ...result.value, publishedAt: now.toISOString() };
  notesMap(governance).set(reportId, note);
  return { ok: true, value: { reportId, ...note } };
}

/** Newest first. */
export function readRexNotes(governance: Y.Doc): RexNote[] {
  const notes: RexNote[] = [];
  notesMap(governance).forEach((value, reportId) => {
    const parsed = storedSchema.safeParse(value);
    if (parsed.success) notes.push({ reportId, ...parsed.data });
  });
  return notes.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

export function observeRexNotes(governance: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  notesMap(governance).observe(handler);
  return () => notesMap(governance).unobserve(handler);
}
