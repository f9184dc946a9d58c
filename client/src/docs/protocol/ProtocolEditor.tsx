// The open protocol's working surface: workflow bar, header, body and tables, and the side panel. It owns the body
// editor because comments both read its selection (to anchor a thread) and draw on it (the highlights).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  isEditable,
  listThreads,
  logGroupMove,
  observeThreads,
  publishedVersionId,
  recordMentions,
  type CommentThread,
} from '@maillage/shared';
import type { SyncedDoc } from '../../sync/useSyncedDoc';
import { useDocValue } from '../../sync/useDocValue';
import { useOthersPresent } from '../../sync/useOthersPresent';
import { useProfile } from '../../workspace/ProfileContext';
import { useDirectory } from '../directory/DirectoryContext';
import { useGroups } from '../groups/GroupsContext';
import { useProtocolHeader } from './useProtocolHeader';
import { ProtocolHeaderForm } from './ProtocolHeaderForm';
import { ProtocolBodyEditor } from './body/ProtocolBodyEditor';
import { useBodyEditor } from './body/useBodyEditor';
import { refreshHighlights, revealAnchor, selectionAnchor, type HighlightSource } from './body/commentHighlights';
import { ProtocolTables } from './tables/ProtocolTables';
import { WorkflowBar } from './workflow/WorkflowBar';
import { HistoryPanel } from './workflow/HistoryPanel';
import { useActor } from './workflow/useActor';
import { CommentsPanel, type PendingComment } from './comments/CommentsPanel';
import { VersionsPanel } from './versions/VersionsPanel';
import { SidePanel, type SideTab } from './SidePanel';
import { PublishedNotice } from './workflow/PublishedNotice';

interface Props {
  workspaceId: string;
  docId: string;
  opened: SyncedDoc;
  catalogueDoc: Y.Doc | null;
  groupId: string | null;
  onGroup: (groupId: string | null) => void;
  readOnly: boolean;
  initialThread: string | null;
}

export function ProtocolEditor({
  workspaceId,
  docId,
  opened,
  catalogueDoc,
  groupId,
  onGroup,
  readOnly,
  initialThread,
}: Props) {
  const { t } = useTranslation();
  const { doc } = opened;
  const profile = useProfile();
  const { members } = useDirectory();
  const { groups } = useGroups();
  const actor = useActor(doc, groupId);
  const header = useProtocolHeader(doc);
  const threads = useDocValue(doc, listThreads, observeThreads);
  const [tab, setTab] = useState<SideTab>('comments');
  const [pending, setPending] = useState<PendingComment | null>(null);
  const [active, setActive] = useState<string | null>(initialThread);
  const canWrite = !readOnly && isEditable(header.status);
  const canComment = !readOnly;
  const othersPresent = useOthersPresent(opened.sync.provider);
  // The catalogue holds the group; the protocol's history keeps who moved it, from which group to which. Logged
  // first: a lead who moves the protocol out of their group is no longer its lead afterwards.
  const changeGroup = (next: string | null) => {
    const ref = (id: string | null) => ({ id, name: id ? (groups.find((g) => g.groupId === id)?.name ?? '') : '' });
    if (logGroupMove(doc, ref(groupId), ref(next), actor).ok) onGroup(next);
  };

  // The highlights plugin reads this object; the screen updates it in place and asks for a redraw.
  const source = useRef<HighlightSource>({ threads, active, onSelect: () => undefined }).current;
  source.onSelect = (id) => {
    setActive(id);
    setTab('comments');
    document.querySelector(`[data-thread="${CSS.escape(id)}"].thread`)?.scrollIntoView({ block: 'nearest' });
  };
  const editor = useBodyEditor({
    doc,
    provider: opened.sync.provider,
    profile,
    readOnly: !canWrite,
    highlights: source,
  });
  useEffect(() => {
    source.threads = threads;
    source.active = active;
    if (editor) refreshHighlights(editor);
  }, [threads, active, editor, source]);

  // Arriving from a mention: the thread is shown and its passage selected, once both are there.
  const revealed = useRef(false);
  useEffect(() => {
    const thread = initialThread ? threads.find((th) => th.id === initialThread) : null;
    if (revealed.current || !editor || !thread) return;
    revealed.current = true;
    revealAnchor(editor, thread.anchor);
  }, [editor, initialThread, threads]);

  const lead = useMemo(() => {
    const group = groups.find((g) => g.groupId === groupId);
    return group?.lead ? (members.find((m) => m.memberId === group.lead)?.name ?? null) : null;
  }, [groups, groupId, members]);

  const comment = () => {
    const selection = editor ? selectionAnchor(editor) : null;
    if (!selection) return;
    setPending(selection);
    setTab('comments');
    requestAnimationFrame(() => document.getElementById('new-comment')?.focus());
  };
  const activate = (thread: CommentThread) => {
    setActive(thread.id);
    if (editor) revealAnchor(editor, thread.anchor);
  };
  const mentioned = (memberIds: string[], threadId: string) => {
    if (catalogueDoc && memberIds.length > 0)
      recordMentions(catalogueDoc, { to: memberIds, from: actor.memberId, fromName: actor.name, docId, threadId });
  };

  return (
    <>
      <WorkflowBar doc={doc} actor={actor} leadName={lead} />
      <PublishedNotice
        doc={doc}
        workspaceId={workspaceId}
        docId={docId}
        status={header.status}
        publishedVersion={publishedVersionId(doc)}
      />
      {readOnly ? (
        <p className="muted">{t('roles.readOnly')}</p>
      ) : !canWrite ? (
        <p className="muted" role="note">
          {t('workflow.frozen')}
        </p>
      ) : null}
      <div className="protocol-layout">
        <div className="protocol-main stack">
          <ProtocolHeaderForm
            doc={doc}
            contentReadOnly={!canWrite}
            lifeReadOnly={readOnly || header.status === 'archive'}
            groupReadOnly={readOnly || header.status === 'archive' || !(actor.isLead || actor.role === 'coordinator')}
            groupId={groupId}
            onGroup={changeGroup}
          />
          <ProtocolBodyEditor editor={editor} canWrite={canWrite} canComment={canComment} onComment={comment} />
        </div>
        <SidePanel
          tab={tab}
          onTab={setTab}
          counts={{ comments: threads.filter((th) => !th.resolvedAt).length }}
          panels={{
            comments: (
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
                onMentioned={mentioned}
              />
            ),
            versions: (
              <VersionsPanel
                doc={doc}
                workspaceId={workspaceId}
                docId={docId}
                author={actor}
                canWrite={canComment}
                canRestore={canWrite}
                othersPresent={othersPresent}
              />
            ),
            history: <HistoryPanel doc={doc} />,
          }}
        />
      </div>
      {/* The tables take the page's whole width: a step has eight columns. */}
      <ProtocolTables doc={doc} canWrite={canWrite} title={header.title} />
    </>
  );
}
