// One comment thread: the passage it is about, its messages with their @mentions, a reply box, resolve / reopen.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentMessage, CommentThread, DirectoryMember, MessageInput, Validated } from '@maillage/shared';
import { formatDate } from '../../../i18n';
import { MessageForm } from './MessageForm';

interface Props {
  thread: CommentThread;
  active: boolean;
  canWrite: boolean;
  members: readonly DirectoryMember[];
  onReveal: () => void;
  onReply: (input: MessageInput) => Validated<unknown>;
  onResolve: (resolved: boolean) => void;
}

/** The message's text with each « @Name » of a mentioned colleague set apart. */
function MessageText({ message, members }: { message: CommentMessage; members: readonly DirectoryMember[] }) {
  const names = message.mentions
    .map((id) => members.find((m) => m.memberId === id)?.name)
    .filter((n): n is string => Boolean(n));
  if (names.length === 0) return <p>{message.text}</p>;
  const pattern = new RegExp(`(${names.map((n) => `@${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).join('|')})`, 'g');
  return (
    <p>
      {message.text.split(pattern).map((part, i) =>
        i % 2 === 1 ? (
          <strong key={i} className="mention">
            {part}
          </strong>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </p>
  );
}

export function ThreadCard({ thread, active, canWrite, members, onReveal, onReply, onResolve }: Props) {
  const { t } = useTranslation();
  const headingId = `thread-${thread.id}`;
  // A reply box opens on demand: a protocol may carry a hundred open threads.
  const [replying, setReplying] = useState(false);
  return (
    <article
      className={`thread card${active ? ' active' : ''}${thread.resolvedAt ? ' resolved' : ''}`}
      aria-labelledby={headingId}
      data-thread={thread.id}
    >
      <h3 id={headingId} className="visually-hidden">
        {t('comments.threadOn', { quote: thread.quote })}
      </h3>
      <button type="button" className="quote" onClick={onReveal} title={t('comments.reveal')}>
        « {thread.quote} »
      </button>
      <ol className="messages">
        {thread.messages.map((m) => (
          <li key={m.id}>
            <p className="muted small">
              <strong>{m.authorName}</strong> · {formatDate(m.at)}
            </p>
            <MessageText message={m} members={members} />
          </li>
        ))}
      </ol>
      {thread.resolvedAt ? (
        <p className="muted small">
          {t('comments.resolvedBy', { name: thread.resolvedBy ?? '', date: formatDate(thread.resolvedAt) })}
        </p>
      ) : null}
      {canWrite && !thread.resolvedAt && replying ? (
        <MessageForm
          id={`reply-${thread.id}`}
          label={t('comments.reply')}
          submitLabel={t('comments.send')}
          members={members}
          onSubmit={(input) => {
            const sent = onReply(input);
            if (sent.ok) setReplying(false);
            return sent;
          }}
          onCancel={() => setReplying(false)}
          autoFocus
        />
      ) : null}
      {canWrite ? (
        <div className="row">
          {!thread.resolvedAt && !replying ? (
            <button type="button" className="small" onClick={() => setReplying(true)}>
              {t('comments.reply')}
            </button>
          ) : null}
          <button type="button" className="small ghost" onClick={() => onResolve(!thread.resolvedAt)}>
            {thread.resolvedAt ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      ) : null}
    </article>
  );
}
