// The plan's free-text sections (territory, risks, articulation, equipment, volunteers, continuity of care): the
// protocol's live editor on the same kind of body, with its comment threads beside it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listThreads, observeThreads, type CommentThread, type PlanActor } from '@maillage/shared';
import type { SyncedDoc } from '../../sync/useSyncedDoc';
import { useDocValue } from '../../sync/useDocValue';
import { useProfile } from '../../workspace/ProfileContext';
import { useDirectory } from '../directory/DirectoryContext';
import { useBodyEditor } from '../protocol/body/useBodyEditor';
import { ProtocolBodyEditor } from '../protocol/body/ProtocolBodyEditor';
import {
  refreshHighlights,
  revealAnchor,
  selectionAnchor,
  type HighlightSource,
} from '../protocol/body/commentHighlights';
import { CommentsPanel, type PendingComment } from '../protocol/comments/CommentsPanel';

interface Props {
  opened: SyncedDoc;
  actor: PlanActor;
  canWrite: boolean;
  canComment: boolean;
}

export function PlanSections({ opened, actor, canWrite, canComment }: Props) {
  const { t } = useTranslation();
  const { doc } = opened;
  const profile = useProfile();
  const { members } = useDirectory();
  const threads = useDocValue(doc, listThreads, observeThreads);
  const [pending, setPending] = useState<PendingComment | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const source = useRef<HighlightSource>({ threads, active, onSelect: () => undefined }).current;
  source.onSelect = (id) => {
    setActive(id);
    document.querySelector(`[data-thread="${CSS.escape(id)}"].thread`)?.scrollIntoView({ block: 'nearest' });
  };
  const editor = useBodyEditor({
    doc,
    provider: opened.sync.provider,
    profile,
    readOnly: !canWrite,
    highlights: source,
    label: t('crisisPlan.body'),
  });
  useEffect(() => {
    source.threads = threads;
    source.active = active;
    if (editor) refreshHighlights(editor);
  }, [threads, active, editor, source]);

  const comment = () => {
    const selection = editor ? selectionAnchor(editor) : null;
    if (!selection) return;
    setPending(selection);
    requestAnimationFrame(() => document.getElementById('new-comment')?.focus());
  };
  const activate = (thread: CommentThread) => {
    setActive(thread.id);
    if (editor) revealAnchor(editor, thread.anchor);
  };

  return (
    <section className="stack" id="plan-sections" aria-labelledby="plan-sections-title">
      <h2 id="plan-sections-title">{t('crisisPlan.sectionsTitle')}</h2>
      <p className="muted small">{t('crisisPlan.sectionsHint')}</p>
      <div className="protocol-layout">
        <div className="protocol-main stack">
          <ProtocolBodyEditor
            editor={editor}
            canWrite={canWrite}
            canComment={canComment}
            onComment={comment}
            label={t('crisisPlan.body')}
          />
        </div>
        <aside className="protocol-side no-print" aria-label={t('crisisPlan.comments')}>
          <CommentsPanel
            doc={doc}
            threads={threads}
            pending={pending}
            onPendingDone={() => setPending(null)}
            active={active}
            onActivate={activate}
            canWrite={canComment}
            author={actor}
            members={members}
            onMentioned={() => undefined}
          />
        </aside>
      </div>
    </section>
  );
}
