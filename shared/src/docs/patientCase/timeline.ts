// The case's timeline: dated notes and decisions, appended and never rewritten (a correction is a new entry), so
// what the team knew and decided stays traceable.
import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { memberIdSchema, newDocId } from '../../sync/ids';
import { validate, type Validated } from '../validation';
import { parisToday } from '../../domain/parisDays';
import { timelineInputSchema, type TimelineEntry, type TimelineInput } from './schema';

const timeline = (doc: Y.Doc) => doc.getArray<unknown>('timeline');
const storedSchema = z.extend(timelineInputSchema, { id: z.string(), author: memberIdSchema, createdAt: z.string() });

/** Appends a note or a decision; a date in the future (Paris time) is refused: the timeline records what happened. */
export function addTimelineEntry(
  doc: Y.Doc,
  input: TimelineInput | unknown,
  author: string,
  now = new Date(),
): Validated<TimelineEntry> {
  const result = validate(timelineInputSchema, input);
  if (!result.ok) return result;
  if (result.value.date > parisToday(now))
    return { ok: false, errors: [{ field: 'date', message: 'errors.dateInFuture' }] };
  if (!memberIdSchema.safeParse(author).success)
    return { ok: false, errors: [{ field: 'author', message: 'errors.memberId' }] };
  const entry: TimelineEntry = { ...result.value, id: newDocId(), author, createdAt: now.toISOString() };
  timeline(doc).push([entry]);
  return { ok: true, value: entry };
}

/** Newest first: by the date of the event, then by when it was written. */
export function readTimeline(doc: Y.Doc): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const item of timeline(doc).toArray()) {
    const parsed = storedSchema.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
  }
  return entries.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}
