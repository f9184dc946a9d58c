// Who was @mentioned where: a small inbox in the catalogue, so the colleague sees it on their home screen without
// opening every protocol. It names a document and a thread, never the comment's text.
import * as Y from 'yjs';
import { z } from 'zod/mini';
import { idSchema, memberIdSchema, newDocId } from '../../sync/ids';
import { docIdSchema } from '../../sync/rooms';

const mentionSchema = z.object({
  to: memberIdSchema,
  from: memberIdSchema,
  fromName: z.string().check(z.maxLength(80)),
  docId: docIdSchema,
  threadId: idSchema,
  at: z.iso.datetime(),
  readAt: z.nullable(z.iso.datetime()),
});
export type Mention = z.infer<typeof mentionSchema> & { id: string };

const mentionsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('mentions');

/** Records one mention per colleague named (never the author themself); returns how many were recorded. */
export function recordMentions(
  catalogue: Y.Doc,
  mention: { to: readonly string[]; from: string; fromName: string; docId: string; threadId: string },
  now = new Date(),
): number {
  const recipients = [...new Set(mention.to)].filter((id) => id !== mention.from);
  const entries = recipients.flatMap((to) => {
    const parsed = mentionSchema.safeParse({
      to,
      from: mention.from,
      fromName: mention.fromName.slice(0, 80),
      docId: mention.docId,
      threadId: mention.threadId,
      at: now.toISOString(),
      readAt: null,
    });
    return parsed.success ? [parsed.data] : [];
  });
  catalogue.transact(() => {
    for (const entry of entries) mentionsOf(catalogue).set(newDocId(), new Y.Map(Object.entries(entry)));
  });
  return entries.length;
}

/** A member's mentions, newest first. */
export function mentionsFor(catalogue: Y.Doc, memberId: string): Mention[] {
  const list: Mention[] = [];
  mentionsOf(catalogue).forEach((entry, id) => {
    const parsed = mentionSchema.safeParse(entry.toJSON());
    if (parsed.success && parsed.data.to === memberId) list.push({ id, ...parsed.data });
  });
  return list.sort((a, b) => b.at.localeCompare(a.at));
}

export function markMentionRead(catalogue: Y.Doc, id: string, now = new Date()): void {
  const entry = mentionsOf(catalogue).get(id);
  if (entry && !entry.get('readAt')) entry.set('readAt', now.toISOString());
}

export function observeMentions(catalogue: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  mentionsOf(catalogue).observeDeep(handler);
  return () => mentionsOf(catalogue).unobserveDeep(handler);
}
