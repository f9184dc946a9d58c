// A crisis plan, co-written live: where it stands (status, yearly update due), its free-text sections with comments,
// governance and crisis cell, alert chain, places, volunteers, the five typology sheets and the dated yearly updates.
// Coordinators and members write; observers read; an archived plan is frozen.
import { useEffect } from 'react';
import '../protocol/protocol.css';
import '../protocol/protocolStrings';
import './crisisPlan.css';
import './crisisPlanStrings';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  crisisPlanBlocks,
  isPlanEditable,
  nextUpdateDue,
  readCrisisPlanHeader,
  renameCrisisPlan,
  upsertCatalogueEntry,
  listYearlyUpdates,
} from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { useDocSyncStatus } from '../../sync/syncRegistry';
import { useDocRevision } from '../../sync/useDocRevision';
import { Presence } from '../../sync/Presence';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useDirectory } from '../directory/DirectoryContext';
import { useCrisisPlanDoc } from './useCrisisPlanDoc';
import { usePlanActor } from './usePlanActor';
import { PlanStatusBar } from './PlanStatusBar';
import { UpdateDue } from './UpdateDue';
import { PlanTextField } from './PlanTextField';
import { PlanSections } from './PlanSections';
import { GovernancePanel } from './GovernancePanel';
import { AlertChainPanel } from './AlertChainPanel';
import { PlacesPanel } from './PlacesPanel';
import { VolunteersPanel } from './VolunteersPanel';
import { SheetsPanel } from './SheetsPanel';
import { YearlyUpdatesPanel } from './YearlyUpdatesPanel';
import { CrisesSinceUpdate } from './CrisesSinceUpdate';
import { VersionsPanel } from '../protocol/versions/VersionsPanel';
import { usePlanWords } from './usePlanWords';
import { DocReadiness } from '../../ui/DocReadiness';

const CONTENTS = ['sections', 'governance', 'alert', 'places', 'volunteers', 'sheets', 'updates', 'versions'] as const;

export default function CrisisPlanScreen({ workspaceId, docId }: { workspaceId: string; docId: string }) {
  const { t } = useTranslation();
  const { opened, ready } = useCrisisPlanDoc(workspaceId, docId);
  const catalogue = useCatalogue(workspaceId);
  const { members } = useDirectory();
  const status = useDocSyncStatus(opened?.sync ?? null);
  const { role } = useWorkspace();
  const actor = usePlanActor();
  const words = usePlanWords();
  // Every panel reads the plan while rendering: one re-render per change (at most once a frame) keeps them current.
  useDocRevision(opened?.doc ?? null);
  const doc = opened && ready === 'ready' ? opened.doc : null;
  const header = doc ? readCrisisPlanHeader(doc) : null;
  const readOnly = role === 'observer' || !header || !isPlanEditable(header.status);
  const entry = catalogue.items.find((i) => i.docId === docId);

  // The catalogue lists the plan by title and status: kept in step by whoever writes.
  useEffect(() => {
    if (!header || !catalogue.opened || role === 'observer' || !entry) return;
    if (entry.title !== header.title || entry.status !== header.status)
      upsertCatalogueEntry(catalogue.opened.doc, docId, {
        title: header.title,
        status: header.status,
        updatedAt: new Date().toISOString(),
      });
  }, [header, catalogue.opened, role, entry, docId]);

  const contents = (key: (typeof CONTENTS)[number]) =>
    key === 'sections'
      ? t('crisisPlan.sectionsTitle')
      : key === 'alert'
        ? t('crisisPlan.alert.title')
        : key === 'sheets'
          ? t('crisisPlan.sheets.title')
          : key === 'updates'
            ? t('crisisPlan.updates.title')
            : key === 'versions'
              ? t('crisisPlan.versions')
              : t(`crisisPlan.${key}.title`);

  return (
    <Layout title={catalogue.name ?? undefined}>
      <div className="page wide stack crisis-plan">
        <div className="row wrap no-print">
          <Link to="/w/$workspaceId/plan-de-crise" params={{ workspaceId }}>
            ← {t('crisisPlan.back')}
          </Link>
          <div className="spacer" />
          {opened ? <Presence provider={opened.sync.provider} label={t('crisisPlan.presence')} /> : null}
          <Link
            className="button"
            to="/w/$workspaceId/plan-de-crise/$docId/impression"
            params={{ workspaceId, docId }}
            search={{}}
          >
            {t('crisisPlan.print')}
          </Link>
        </div>
        <DocReadiness
          opened={!!opened}
          ready={ready}
          synced={status.state === 'synced'}
          loading={t('crisisPlan.loading')}
          notFound={t('crisisPlan.notFound')}
        />
        {opened && doc && header ? (
          <>
            <h1>{header.title}</h1>
            <UpdateDue due={nextUpdateDue(doc)} />
            <PlanStatusBar doc={doc} status={header.status} actor={actor} />
            {role === 'observer' ? (
              <p className="muted" role="note">
                {t('crisisPlan.readOnly')}
              </p>
            ) : header.status === 'archive' ? (
              <p className="muted" role="note">
                {t('crisisPlan.archived')}
              </p>
            ) : null}
            <nav aria-label={t('crisisPlan.contents')} className="plan-contents no-print">
              <ul>
                {CONTENTS.map((key) => (
                  <li key={key}>
                    <a href={`#plan-${key}`}>{contents(key)}</a>
                  </li>
                ))}
              </ul>
            </nav>
            {readOnly ? null : (
              <div className="card">
                <PlanTextField
                  id="plan-title"
                  label={t('crisisPlan.general')}
                  value={header.title}
                  readOnly={readOnly}
                  onSave={(value) => renameCrisisPlan(doc, value)}
                />
              </div>
            )}
            <PlanSections opened={opened} actor={actor} canWrite={!readOnly} canComment={role !== 'observer'} />
            <GovernancePanel doc={doc} members={members} readOnly={readOnly} />
            <AlertChainPanel doc={doc} readOnly={readOnly} />
            <PlacesPanel doc={doc} readOnly={readOnly} />
            <VolunteersPanel members={members} />
            <SheetsPanel doc={doc} readOnly={readOnly} workspaceId={workspaceId} docId={docId} />
            <CrisesSinceUpdate
              workspaceId={workspaceId}
              items={catalogue.items}
              since={listYearlyUpdates(doc).at(-1)?.date ?? header.createdAt?.slice(0, 10) ?? ''}
            />
            <YearlyUpdatesPanel
              doc={doc}
              actor={actor}
              archived={header.status === 'archive'}
              workspaceId={workspaceId}
              docId={docId}
            />
            <div className="card" id="plan-versions">
              <VersionsPanel
                doc={doc}
                workspaceId={workspaceId}
                docId={docId}
                author={actor}
                canWrite={role !== 'observer' && header.status !== 'archive'}
                canRestore={false}
                othersPresent={0}
                blocksOf={(d) => crisisPlanBlocks(d, words)}
                statusKey={(s) => `crisisPlanStatuses.${s}`}
                readable={false}
                listLabel={t('crisisPlan.versionsList')}
                stamp={(d) => {
                  const h = readCrisisPlanHeader(d);
                  return { label: h.version, status: h.status };
                }}
              />
            </div>
          </>
        ) : null}
      </div>
    </Layout>
  );
}
