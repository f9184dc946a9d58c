// The protocol editor: header and body co-edited live, presence, per-document sync state, print.
import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { migrateProtocol, readMeta } from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { SyncIndicator } from '../../ui/SyncIndicator';
import { useSyncedDoc } from '../../sync/useSyncedDoc';
import { useDocSyncStatus } from '../../sync/syncRegistry';
import { useProfile } from '../../workspace/ProfileContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { ProtocolHeaderForm } from './ProtocolHeaderForm';
import { ProtocolBodyEditor } from './ProtocolBodyEditor';
import { Presence } from '../../sync/Presence';
import { mirrorToCatalogue } from './mirrorToCatalogue';
import { useWorkspace } from '../../workspace/WorkspaceScreen';

export default function ProtocolScreen({ workspaceId, docId }: { workspaceId: string; docId: string }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const readOnly = useWorkspace().role === 'observer';
  const opened = useSyncedDoc(workspaceId, docId);
  const catalogue = useCatalogue(workspaceId);
  const status = useDocSyncStatus(opened?.sync ?? null);
  const [ready, setReady] = useState<'waiting' | 'ready' | 'newer'>('waiting');

  // A protocol not yet on this device becomes editable once its content arrives from the relay.
  useEffect(() => {
    if (!opened) return;
    const check = () => {
      if (readMeta(opened.doc).kind !== 'protocol') return;
      try {
        migrateProtocol(opened.doc);
        setReady('ready');
      } catch {
        setReady('newer');
      }
    };
    check();
    opened.doc.on('update', check);
    return () => opened.doc.off('update', check);
  }, [opened]);

  useEffect(() => {
    if (!opened || !catalogue.opened || ready !== 'ready') return;
    return mirrorToCatalogue(workspaceId, docId, opened.doc, catalogue.opened.doc, opened.sync.provider);
  }, [opened, catalogue.opened, ready, workspaceId, docId]);

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page stack protocol">
        <div className="row no-print">
          <Link to="/w/$workspaceId" params={{ workspaceId }}>← {t('protocol.back')}</Link>
          <div className="spacer" />
          <SyncIndicator status={status} testId="doc-sync-status" />
          {opened ? <Presence provider={opened.sync.provider} label={t('protocol.presence')} /> : null}
          <button type="button" onClick={() => window.print()}>{t('protocol.print')}</button>
        </div>
        {!opened || ready === 'waiting' ? <p className="empty" role="status">{opened && status.state === 'synced' ? t('protocol.notFound') : t('protocol.loading')}</p> : null}
        {ready === 'newer' ? <p className="error" role="alert">{t('errors.newerLayout')}</p> : null}
        {opened && ready === 'ready' ? (
          <>
            {readOnly ? <p className="muted">{t('roles.readOnly')}</p> : null}
            <ProtocolHeaderForm doc={opened.doc} readOnly={readOnly} />
            <ProtocolBodyEditor doc={opened.doc} provider={opened.sync.provider} profile={profile} readOnly={readOnly} />
          </>
        ) : null}
      </div>
    </Layout>
  );
}
