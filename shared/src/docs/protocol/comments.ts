// Comment threads of a protocol: anchored to a passage by two Yjs relative positions (the body itself is never
// touched, so a frozen protocol can still be discussed), with replies, resolve/reopen and @mentions.
import * as Y from 'yjs';
import { z } from 'zod/mini';
import { idSchema, memberIdSchema, newDocId } from '../../sync/ids';
import { validate, type Validated } from '../validation';

/** Y.relativePositionToJSON's shape: an item id, or a type name for the start of a root type. */
const relativePositionSchema = z.object({
  type: z.optional(z.nullable(z.object({ client: z.number(), clock: z.number() }))),
  tname: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  item: z.optional(z.nullable(z.object({ client: z.number(), clock: z.number() }))),
  assoc: z.optional(z.number()),
});
export const anchorSchema = z.object({ start: relativePositionSchema, end: relativePositionSchema });
export type CommentAnchor = z.infer<typeof anchorSchema>;

export const messageInputSchema = z.object({
  text: z
    .string()
    .check(z.trim(), z.minLength(1, 'errors.commentRequired'), z.maxLength(4000, 'errors.commentTooLong')),
  mentions: z._default(z.array(memberIdSchema).check(z.maxLength(20, 'errors.tooMany')), []),
});
export type MessageInput = z.input<typeof messageInputSchema>;

const messageSchema = z.object({
  id: idSchema,
  author: memberIdSchema,
  authorName: z.string().check(z.maxLength(80)),
  at: z.iso.datetime(),
  text: z.string(),
  mentions: z.array(memberIdSchema),
});
export type CommentMessage = z.infer<typeof messageSchema>;

export interface CommentThread {
  id: string;
  anchor: CommentAnchor;
  /** The passage as it read when the thread was opened: shown if the passage is later deleted. */
  quote: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  messages: CommentMessage[];
}

export interface Author {
  memberId: string;
  name: string;
}

const threadsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('comments');

function message(author: Author, input: z.infer<typeof messageInputSchema>, now: Date): CommentMessage {
  return {
    id: newDocId(),
    author: author.memberId,
    authorName: author.name.slice(0, 80),
    at: now.toISOString(),
    text: input.text,
    mentions: [...new Set(input.mentions)],
  };
}

/** Opens a thread on a passage with its first message; nothing is written if the message is invalid. */
export function openThread(
  doc: Y.Doc,
  anchor: CommentAnchor,
  quote: string,
  author: Author,
  input: MessageInput,
  now = new Date(),
): Validated<{ threadId: string; message: CommentMessage }> {
  const checked = validate(messageInputSchema, input);
  if (!checked.ok) return checked;
  if (!anchorSchema.safeParse(anchor).success)
    return { ok: false, errors: [{ field: 'anchor', message: 'errors.anchor' }] };
  const threadId = newDocId();
  const first = message(author, checked.value, now);
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    thread.set('anchor', anchor);
    thread.set('quote', quote.slice(0, 300));
    thread.set('createdAt', first.at);
    thread.set('resolvedAt', null);
    thread.set('resolvedBy', null);
    const messages = new Y.Array<CommentMessage>();
    messages.push([first]);
    thread.set('messages', messages);
    threadsOf(doc).set(threadId, thread);
  });
  return { ok: true, value: { threadId, message: first } };
}

export function replyToThread(
  doc: Y.Doc,
  threadId: string,
  author: Author,
  input: MessageInput,
  now = new Date(),
): Validated<CommentMessage> {
  const checked = validate(messageInputSchema, input);
  if (!checked.ok) return checked;
  const messages = threadsOf(doc).get(threadId)?.get('messages');
  if (!(messages instanceof Y.Array)) return { ok: false, errors: [{ field: 'thread', message: 'errors.thread' }] };
  const reply = message(author, checked.value, now);
  messages.push([reply]);
  return { ok: true, value: reply };
}

/** Resolves or reopens a thread; the last one to act wins, and is named. */
export function setThreadResolved(doc: Y.Doc, threadId: string, resolved: boolean, by: Author, now = new Date()): void {
  const thread = threadsOf(doc).get(threadId);
  if (!thread) return;
  doc.transact(() => {
    thread.set('resolvedAt', resolved ? now.toISOString() : null);
    thread.set('resolvedBy', resolved ? by.name.slice(0, 80) : null);
  });
}

export function listThreads(doc: Y.Doc): CommentThread[] {
  const threads: CommentThread[] = [];
  threadsOf(doc).forEach((thread, id) => {
    const anchor = anchorSchema.safeParse(thread.get('anchor'));
    const messages = thread.get('messages');
    if (!anchor.success || !(messages instanceof Y.Array)) return;
    const resolvedAt = thread.get('resolvedAt');
    const resolvedBy = thread.get('resolvedBy');
    const quote = thread.get('quote');
    const createdAt = thread.get('createdAt');
    threads.push({
      id,
      anchor: anchor.data,
      quote: typeof quote === 'string' ? quote : '',
      createdAt: typeof createdAt === 'string' ? createdAt : '',
      resolvedAt: typeof resolvedAt === 'string' ? resolvedAt : null,
      resolvedBy: typeof resolvedBy === 'string' ? resolvedBy : null,
      // A malformed message (an older or hostile client) is left out, not shown half.
      messages: messages.toArray().flatMap((m) => {
        const parsed = messageSchema.safeParse(m);
        return parsed.success ? [parsed.data] : [];
      }),
    });
  });
  return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function observeThreads(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  threadsOf(doc).observeDeep(handler);
  return () => threadsOf(doc).unobserveDeep(handler);
}
