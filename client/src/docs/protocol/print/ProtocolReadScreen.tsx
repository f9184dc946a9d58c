// A protocol to read and print (PDF through the browser's print): the current text or a version of it, with its HAS
// header block, body and tables. A version is replayed from its snapshot, header and validators included.
import { useEffect, useMemo } from 'react';
import '../protocol.css';
import '../protocolStrings';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { findVersion, protocolAtVersion, protocolOrigin } from '@maillage/shared';
import { Layout } from '../../../ui/Layout';
import { useDocRevision } from '../../../sync/useDocRevision';
import { useDocSyncStatus } from '../../../sync/syncRegistry';
import { formatDate } from '../../../i18n';
import { useCatalogue } from '../../catalogue/useCatalogue';
import { useDirectory } from '../../directory/DirectoryContext';
import { useGroups } from '../../groups/GroupsContext';
import { useProtocolDoc } from '../useProtocolDoc';
import { PrintHeader } from './PrintHeader';
import { PrintTables } from './PrintTables';
import { StaticBody } from './StaticBody';

export default function ProtocolReadScreen({
  workspaceId,
  docId,
  version,
}: {
  workspaceId: string;
  docId: string;
  version?: string;
}) {
  const { t } = useTranslation();
  const { opened, ready } = useProtocolDoc(workspaceId, docId);
  const catalogue = useCatalogue(workspaceId);
  const { groups } = useGroups();
  const { members } = useDirectory();
  // Re-read on every change: the header block and tables follow edits, and a version that arrives from the relay after
  // this screen opened (a link to the diffused version on a device not yet synced) appears when it lands.
  useDocRevision(opened?.doc ?? null);
  const syncState = useDocSyncStatus(opened?.sync ?? null).state;
  const known = Boolean(opened && version && findVersion(opened.doc, version));
  const past = useMemo(
    () => (opened && ready === 'ready' && version && known ? protocolAtVersion(opened.doc, version) : null),
    [opened, ready, version, known],
  );
  useEffect(() => () => past?.destroy(), [past]);
  const doc = version ? past : ready === 'ready' ? (opened?.doc ?? null) : null;
  const shownVersion = opened && version ? findVersion(opened.doc, version) : null;
  const entry = catalogue.items.find((i) => i.docId === docId);
  const group = groups.find((g) => g.groupId === entry?.groupId);
  const leadId = group ? group.lead : doc ? protocolOrigin(doc).createdBy : null;
  const nameOf = (id: string | null) => members.find((m) => m.memberId === id)?.name ?? null;

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack reading">
        <div className="row no-print">
          <Link to="/w/$workspaceId/protocols/$docId" params={{ workspaceId, docId }} search={{}}>
            ← {t('print.back')}
          </Link>
          <div className="spacer" />
          <button type="button" className="primary" onClick={() => window.print()} disabled={!doc}>
            {t('print.print')}
          </button>
        </div>
        {shownVersion ? (
          <p className="notice" role="note">
            {t('print.versionOf', {
              name: shownVersion.name,
              date: formatDate(shownVersion.at),
              by: shownVersion.byName,
            })}
          </p>
        ) : null}
        {!doc ? (
          <p className="empty" role="status">
            {version && ready === 'ready' && syncState === 'synced' ? t('print.unknownVersion') : t('protocol.loading')}
          </p>
        ) : null}
        {doc ? (
          <article className="print-sheet">
            <PrintHeader
              doc={doc}
              workspaceName={catalogue.name ?? ''}
              groupName={group?.name ?? null}
              leadName={nameOf(leadId)}
            />
            <StaticBody doc={doc} />
            <PrintTables doc={doc} />
          </article>
        ) : null}
      </div>
    </Layout>
  );
}
