// /w/:id — the catalogue when the workspace is on this device, otherwise the offer to join it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workspaceIdSchema } from '@maillage/shared';
import { Layout } from '../ui/Layout';
import { CatalogueScreen } from '../docs/catalogue/CatalogueScreen';
import { getWorkspace, joinWorkspace } from './workspaces';

export function WorkspaceScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const [known, setKnown] = useState<boolean | null>(null);
  useEffect(() => {
    void getWorkspace(workspaceId).then((row) => setKnown(Boolean(row)));
  }, [workspaceId]);

  if (known === null) return null;
  if (known) return <CatalogueScreen workspaceId={workspaceId} />;
  const valid = workspaceIdSchema.safeParse(workspaceId).success;
  return (
    <Layout>
      <div className="narrow stack">
        <h1>{t('join.title')}</h1>
        {valid ? (
          <>
            <p>{t('join.intro')}</p>
            <button type="button" className="primary" onClick={() => void joinWorkspace(workspaceId).then((r) => r.ok && setKnown(true))}>{t('join.submit')}</button>
          </>
        ) : (
          <p className="error" role="alert">{t('errors.workspaceId')}</p>
        )}
      </div>
    </Layout>
  );
}
