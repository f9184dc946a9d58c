// One report's screen. A report still waiting for its room list is read from this device and never connected; once
// sent, its reporter and the référents sync it; anyone else is told it is not theirs to open, and nothing connects.
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { liveQuery } from 'dexie';
import type * as Y from 'yjs';
import { registerRow, writeRegisterRow } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { listFetchedDocs, listMyReports, type MyReport } from '../../store/myReports';
import { useSyncedDoc } from '../../sync/useSyncedDoc';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useGroups } from '../groups/GroupsContext';
import { ReportView } from './ReportView';
import { useLocalDoc } from './useLocalDoc';
import { useQualityReferents } from './useQualityReferents';
import { useReportSnapshot } from './useReportSnapshot';
import './adverseStrings';
import './adverseEvent.css';

interface OpenedProps {
  workspaceId: string;
  docId: string;
  doc: Y.Doc | null;
  pending: boolean;
}

function Opened({ workspaceId, docId, doc, pending }: OpenedProps) {
  const { t } = useTranslation();
  const { memberId } = useWorkspace();
  const { governance } = useGroups();
  const referents = new Set(useQualityReferents());
  const snapshot = useReportSnapshot(doc);
  const mirrors = !pending && referents.has(memberId);
  // A référent's device keeps the register in step with what it reads and writes here.
  useEffect(() => {
    if (!mirrors || !doc || !snapshot || !governance) return;
    const row = registerRow(docId, doc);
    if (row) writeRegisterRow(governance.doc, row);
  }, [mirrors, doc, snapshot, governance, docId]);
  if (!doc || !snapshot) return <p role="status">{t('adverse.detail.loading')}</p>;
  return (
    <ReportView
      workspaceId={workspaceId}
      docId={docId}
      doc={doc}
      snapshot={snapshot}
      me={memberId}
      referents={referents}
      pending={pending}
    />
  );
}

const Local = ({ workspaceId, docId }: { workspaceId: string; docId: string }) => (
  <Opened workspaceId={workspaceId} docId={docId} doc={useLocalDoc(workspaceId, docId)} pending />
);
const Synced = ({ workspaceId, docId }: { workspaceId: string; docId: string }) => (
  <Opened workspaceId={workspaceId} docId={docId} doc={useSyncedDoc(workspaceId, docId)?.doc ?? null} pending={false} />
);

export default function ReportScreen({ workspaceId, docId }: { workspaceId: string; docId: string }) {
  const { t } = useTranslation();
  const { memberId } = useWorkspace();
  const { governance } = useGroups();
  const referents = useQualityReferents();
  const [mine, setMine] = useState<MyReport | null | undefined>(undefined);
  const [readable, setReadable] = useState(false);
  useEffect(() => {
    const subscription = liveQuery(async () => ({
      mine: (await listMyReports(workspaceId)).find((r) => r.docId === docId) ?? null,
      // The change feed brought it here: the relay admits this member (a report made on another of their devices).
      readable: (await listFetchedDocs(workspaceId)).includes(docId),
    })).subscribe({
      next: (found) => {
        setMine(found.mine);
        setReadable(found.readable);
      },
    });
    return () => subscription.unsubscribe();
  }, [workspaceId, docId]);

  let body: ReactNode;
  if (mine === undefined || !governance) body = <p role="status">{t('adverse.detail.loading')}</p>;
  else if (mine && !mine.sent) body = <Local workspaceId={workspaceId} docId={docId} />;
  else if (mine || readable || referents.includes(memberId)) body = <Synced workspaceId={workspaceId} docId={docId} />;
  else body = <p role="note">{t('adverse.detail.notFound')}</p>;

  return (
    <Layout>
      <div className="page narrow stack">
        <Link to="/w/$workspaceId/evenements" params={{ workspaceId }}>
          ← {t('adverse.back')}
        </Link>
        <h1>{t('adverse.detail.title')}</h1>
        {body}
      </div>
    </Layout>
  );
}
