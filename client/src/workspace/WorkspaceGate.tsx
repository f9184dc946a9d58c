// Gate for every /w/:id screen: the workspace must be on this device (joined by invitation); its access is then shared
// below, with the documents every screen reads (annuaire, groups, catalogue) kept open. A revoked device sees why.
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { workspaceIdSchema } from '@maillage/shared';
import type { WorkspaceRow } from '../store/db';
import { Layout } from '../ui/Layout';
import { useRevokedSeen } from '../sync/syncRegistry';
import { markRevoked, watchWorkspace } from './workspaces';
import { WorkspaceContext } from './WorkspaceContext';
import { RevokedScreen } from './RevokedScreen';
import { DirectoryProvider } from '../docs/directory/DirectoryContext';
import { GroupsProvider } from '../docs/groups/GroupsContext';
import { OnDeviceProvider } from '../sync/background/OnDeviceContext';
import { CatalogueProvider } from '../docs/catalogue/useCatalogue';

// Patient cases created offline go up in the background; its code (the care-team gate) stays off the first screen.
const PendingShares = lazy(() => import('../docs/patientCase/PendingShares'));
// Adverse-event reports made offline go up the same way: the room's list first, then the report.
const ReportSender = lazy(() => import('../docs/adverseEvent/ReportSender'));

/** The relay closed a document for revocation: remembered on the device, and every document here closes. */
function RevocationWatch({ workspaceId }: { workspaceId: string }) {
  const revoked = useRevokedSeen();
  useEffect(() => {
    if (revoked) void markRevoked(workspaceId);
  }, [revoked, workspaceId]);
  return null;
}

export function WorkspaceGate({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [row, setRow] = useState<WorkspaceRow | null | undefined>(undefined);
  // Watched, not read once: the gate now lives as long as the workspace is open, across its screens.
  useEffect(() => watchWorkspace(workspaceId, setRow), [workspaceId]);

  if (row === undefined) return null;
  if (row?.revokedAt) return <RevokedScreen name={row.name} />;
  if (row) {
    return (
      <WorkspaceContext.Provider value={row}>
        <RevocationWatch workspaceId={workspaceId} />
        <DirectoryProvider workspaceId={workspaceId}>
          <GroupsProvider workspaceId={workspaceId}>
            <CatalogueProvider workspaceId={workspaceId}>
              <Suspense fallback={null}>
                <PendingShares workspaceId={workspaceId} />
                <ReportSender workspaceId={workspaceId} />
              </Suspense>
              <OnDeviceProvider workspaceId={workspaceId} token={row.token}>
                {children}
              </OnDeviceProvider>
            </CatalogueProvider>
          </GroupsProvider>
        </DirectoryProvider>
      </WorkspaceContext.Provider>
    );
  }
  const valid = workspaceIdSchema.safeParse(workspaceId).success;
  return (
    <Layout>
      <div className="narrow stack">
        <h1>{t('join.title')}</h1>
        <p className={valid ? undefined : 'error'} role={valid ? undefined : 'alert'}>
          {valid ? t('join.notOnDevice') : t('errors.workspaceId')}
        </p>
      </div>
    </Layout>
  );
}
