// A protocol, co-written live: where it stands in its workflow, its header, body and tables, and beside them its
// comments, versions and change log. Content freezes once the team has validated it; discussion never does.
import { useEffect } from 'react';
import './protocol.css';
import './protocolStrings';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { upsertCatalogueEntry } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { useDocSyncStatus } from '../../sync/syncRegistry';
import { Presence } from '../../sync/Presence';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useProtocolDoc } from './useProtocolDoc';
import { ProtocolEditor } from './ProtocolEditor';
import { mirrorToCatalogue } from './mirrorToCatalogue';
import { DocReadiness } from '../../ui/DocReadiness';

export default function ProtocolScreen({
  workspaceId,
  docId,
  thread,
}: {
  workspaceId: string;
  docId: string;
  thread?: string;
}) {
  const { t } = useTranslation();
  const { opened, ready } = useProtocolDoc(workspaceId, docId);
  const catalogue = useCatalogue(workspaceId);
  const status = useDocSyncStatus(opened?.sync ?? null);
  const role = useWorkspace().role;
  const entry = catalogue.items.find((i) => i.docId === docId) ?? null;

  useEffect(() => {
    if (!opened || !catalogue.opened || ready !== 'ready') return;
    return mirrorToCatalogue(
      workspaceId,
      docId,
      opened.doc,
      catalogue.opened.doc,
      opened.sync.provider,
      role !== 'observer',
    );
  }, [opened, catalogue.opened, ready, workspaceId, docId, role]);

  return (
    <Layout>
      <div className="page wide stack protocol">
        <div className="row no-print">
          <Link to="/w/$workspaceId/protocoles" params={{ workspaceId }}>
            ← {t('protocol.back')}
          </Link>
          <div className="spacer" />
          {opened ? <Presence provider={opened.sync.provider} label={t('protocol.presence')} /> : null}
          <Link
            className="button"
            to="/w/$workspaceId/protocols/$docId/lecture"
            params={{ workspaceId, docId }}
            search={{}}
          >
            {t('protocol.print')}
          </Link>
        </div>
        <DocReadiness
          opened={!!opened}
          ready={ready}
          synced={status.state === 'synced'}
          loading={t('protocol.loading')}
          notFound={t('protocol.notFound')}
        />
        {opened && ready === 'ready' ? (
          <ProtocolEditor
            key={docId}
            workspaceId={workspaceId}
            docId={docId}
            opened={opened}
            catalogueDoc={catalogue.opened?.doc ?? null}
            groupId={entry?.groupId ?? null}
            onGroup={(groupId) => catalogue.opened && upsertCatalogueEntry(catalogue.opened.doc, docId, { groupId })}
            readOnly={role === 'observer'}
            initialThread={thread ?? null}
          />
        ) : null}
      </div>
    </Layout>
  );
}
