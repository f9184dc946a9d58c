// The discussion beside a protocol: a new thread on the selected passage, the open threads, the resolved ones.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  openThread,
  replyToThread,
  setThreadResolved,
  type Author,
  type CommentAnchor,
  type CommentThread,
  type DirectoryMember,
  type MessageInput,
} from '@maillage/shared';
import { MessageForm } from './MessageForm';
import { ThreadCard } from './ThreadCard';

export interface PendingComment {
  anchor: CommentAnchor;
  quote: string;
}

interface Props {
  doc: Y.Doc;
  threads: CommentThread[];
  pending: PendingComment | null;
  onPendingDone: () => void;
  active: string | null;
  onActivate: (thread: CommentThread) => void;
  canWrite: boolean;
  author: Author;
  members: readonly DirectoryMember[];
  /** Tells the mentioned colleagues (their home screen lists it). */
  onMentioned: (memberIds: string[], threadId: string) => void;
}

export function CommentsPanel({
  doc,
  threads,
  pending,
  onPendingDone,
  active,
  onActivate,
  canWrite,
  author,
  members,
  onMentioned,
}: Props) {
  const { t } = useTranslation();
  const [showResolved, setShowResolved] = useState(false);
  const open = threads.filter((th) => !th.resolvedAt);
  const resolved = threads.filter((th) => th.resolvedAt);

  const start = (input: MessageInput) => {
    const result = openThread(doc, pending!.anchor, pending!.quote, author, input);
    if (result.ok) {
      onMentioned(result.value.message.mentions, result.value.threadId);
      onPendingDone();
    }
    return result;
  };
  const reply = (thread: CommentThread) => (input: MessageInput) => {
    const result = replyToThread(doc, thread.id, author, input);
    if (result.ok) onMentioned(result.value.mentions, thread.id);
    return result;
  };
  const card = (thread: CommentThread) => (
    <ThreadCard
      key={thread.id}
      thread={thread}
      active={thread.id === active}
      canWrite={canWrite}
      members={members}
      onReveal={() => onActivate(thread)}
      onReply={reply(thread)}
      onResolve={(r) => setThreadResolved(doc, thread.id, r, author)}
    />
  );

  return (
    <section className="stack comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title', { count: open.length })}</h2>
      {pending ? (
        <div className="card stack new-thread">
          <p className="quote">« {pending.quote} »</p>
          <MessageForm
            id="new-comment"
            label={t('comments.new')}
            submitLabel={t('comments.send')}
            members={members}
            onSubmit={start}
            onCancel={onPendingDone}
          />
        </div>
      ) : null}
      {open.length === 0 && !pending ? (
        <p className="empty">{canWrite ? t('comments.emptyHint') : t('comments.empty')}</p>
      ) : null}
      {open.map(card)}
      {resolved.length > 0 ? (
        <button
          type="button"
          className="ghost small"
          aria-expanded={showResolved}
          onClick={() => setShowResolved(!showResolved)}
        >
          {showResolved ? t('comments.hideResolved') : t('comments.showResolved', { count: resolved.length })}
        </button>
      ) : null}
      {showResolved ? resolved.map(card) : null}
    </section>
  );
}
