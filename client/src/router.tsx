// Routes, thin: each one reads its params and hands them to a screen. The editor loads lazily.
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type AsyncRouteComponent,
} from '@tanstack/react-router';
import { HomeScreen } from './workspace/HomeScreen';
import { ProfileGate } from './workspace/ProfileContext';
import { ScreenError } from './ui/ScreenError';
import { z } from 'zod/mini';

// Screens past the first load on demand. Once loaded they render at once: a route waits for its screen's code
// (its loader) instead of suspending, so no Suspense fallback and no reveal throttle sit between a click and the screen.
// The catalogue too: the app opens on the list of workspaces, and the catalogue is prefetched while the user reads it.
// A workspace's frame (its gate, « Pour vous », the shell) loads with its first screen, not with the list of workspaces.
const WorkspaceLayout = lazyRouteComponent(() => import('./workspace/WorkspaceLayout'));
const WorkspaceHome = lazyRouteComponent(() => import('./workspace/home/WorkspaceHome'));
const CatalogueScreen = lazyRouteComponent(() => import('./docs/catalogue/CatalogueScreen'));
const CasesScreen = lazyRouteComponent(() => import('./docs/patientCase/CasesScreen'));
const ProtocolScreen = lazyRouteComponent(() => import('./docs/protocol/ProtocolScreen'));
const ProtocolReadScreen = lazyRouteComponent(() => import('./docs/protocol/print/ProtocolReadScreen'));
const DirectoryScreen = lazyRouteComponent(() => import('./docs/directory/DirectoryScreen'));
const AccessScreen = lazyRouteComponent(() => import('./workspace/AccessScreen'));
const GroupsScreen = lazyRouteComponent(() => import('./docs/groups/GroupsScreen'));
const PatientCaseScreen = lazyRouteComponent(() => import('./docs/patientCase/PatientCaseScreen'));
const NewPatientCaseScreen = lazyRouteComponent(() => import('./docs/patientCase/NewPatientCaseScreen'));
const ConcertationsScreen = lazyRouteComponent(() => import('./docs/concertation/ConcertationsScreen'));
const ConcertationScreen = lazyRouteComponent(() => import('./docs/concertation/ConcertationScreen'));
const AdverseEventsScreen = lazyRouteComponent(() => import('./docs/adverseEvent/AdverseEventsScreen'));
const ReportEventScreen = lazyRouteComponent(() => import('./docs/adverseEvent/ReportEventScreen'));
const ReportScreen = lazyRouteComponent(() => import('./docs/adverseEvent/ReportScreen'));
const QualityScreen = lazyRouteComponent(() => import('./docs/quality/QualityScreen'));
const AciReportScreen = lazyRouteComponent(() => import('./docs/quality/AciReportScreen'));
const DeviceScreen = lazyRouteComponent(() => import('./workspace/device/DeviceScreen'));
const CrisisPlansScreen = lazyRouteComponent(() => import('./docs/crisisPlan/CrisisPlansScreen'));
const CrisisPlanScreen = lazyRouteComponent(() => import('./docs/crisisPlan/CrisisPlanScreen'));
const CrisisPlanPrintScreen = lazyRouteComponent(() => import('./docs/crisisPlan/print/CrisisPlanPrintScreen'));
const CrisisScreen = lazyRouteComponent(() => import('./docs/crisisActivation/CrisisScreen'));
const ActivationScreen = lazyRouteComponent(() => import('./docs/crisisActivation/ActivationScreen'));
const RetexPrintScreen = lazyRouteComponent(() => import('./docs/crisisActivation/RetexPrintScreen'));
// Invitations carry signed tokens: their verification code (jose) loads only here.
const JoinScreen = lazyRouteComponent(() => import('./workspace/JoinScreen'));
/** What the first tap from the list of workspaces needs; the other screens' code waits in the service worker's cache. */
const firstScreens = [WorkspaceLayout, WorkspaceHome, CatalogueScreen];

/** Loads the workspace's frame and first screens once the list of workspaces shows and the browser is idle. */
export function prefetchScreens(): void {
  const load = () => void Promise.all(firstScreens.map((screen) => screen.preload?.()));
  if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 5000 });
  else setTimeout(load, 2000);
}

const rootRoute = createRootRoute({
  component: () => (
    <ProfileGate>
      <Outlet />
    </ProfileGate>
  ),
  errorComponent: ScreenError,
});

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomeScreen });
const joinRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/join',
  loader: () => JoinScreen.preload?.(),
  component: JoinScreen,
});

/**
 * Every screen of a workspace sits under one gate (on this device? which access?) and one shell, mounted once per
 * workspace: moving between its screens keeps the annuaire and the catalogue open and synced.
 */
const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$workspaceId',
  loader: () => WorkspaceLayout.preload?.(),
  component: WorkspaceLayout,
});

/** A screen of the open workspace, given its id; the route waits for its code rather than suspending. */
const workspaceScreen = <Path extends string>(path: Path, Screen: AsyncRouteComponent<{ workspaceId: string }>) =>
  createRoute({
    getParentRoute: () => workspaceRoute,
    path,
    loader: () => Screen.preload?.(),
    component: () => <Screen workspaceId={workspaceRoute.useParams().workspaceId} />,
  });

const homeOfWorkspaceRoute = workspaceScreen('/', WorkspaceHome);
const catalogueRoute = workspaceScreen('protocoles', CatalogueScreen);
const casesRoute = workspaceScreen('dossiers', CasesScreen);
const directoryRoute = workspaceScreen('annuaire', DirectoryScreen);
const accessRoute = workspaceScreen('acces', AccessScreen);
const groupsRoute = workspaceScreen('groupes', GroupsScreen);
const newCaseRoute = workspaceScreen('dossiers/nouveau', NewPatientCaseScreen);
const concertationsRoute = workspaceScreen('concertations', ConcertationsScreen);
const adverseEventsRoute = workspaceScreen('evenements', AdverseEventsScreen);
const reportEventRoute = workspaceScreen('evenements/signaler', ReportEventScreen);
const deviceRoute = workspaceScreen('appareil', DeviceScreen);
const qualityRoute = workspaceScreen('qualite', QualityScreen);
const crisisPlansRoute = workspaceScreen('plan-de-crise', CrisisPlansScreen);
const crisisRoute = workspaceScreen('crise', CrisisScreen);

/** The concertation screens' paths, for the shell's navigation. */
export const CONCERTATION_PATHS = {
  list: '/w/$workspaceId/concertations',
  meeting: '/w/$workspaceId/concertations/$docId',
} as const;

// Search parameters are checked like any input: an unknown or malformed one is dropped, never trusted.
const threadSearch = z.object({
  thread: z.optional(z.catch(z.optional(z.string().check(z.maxLength(64))), undefined)),
});
const versionSearch = z.object({
  version: z.optional(z.catch(z.optional(z.string().check(z.maxLength(64))), undefined)),
});

const protocolRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'protocols/$docId',
  validateSearch: (search: Record<string, unknown>) => threadSearch.parse(search),
  loader: () => ProtocolScreen.preload?.(),
  component: function ProtocolRoute() {
    const { workspaceId, docId } = protocolRoute.useParams();
    const { thread } = protocolRoute.useSearch();
    return <ProtocolScreen key={docId} workspaceId={workspaceId} docId={docId} thread={thread} />;
  },
});

const protocolReadRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'protocols/$docId/lecture',
  validateSearch: (search: Record<string, unknown>) => versionSearch.parse(search),
  loader: () => ProtocolReadScreen.preload?.(),
  component: function ProtocolReadRoute() {
    const { workspaceId, docId } = protocolReadRoute.useParams();
    const { version } = protocolReadRoute.useSearch();
    return (
      <ProtocolReadScreen key={`${docId}/${version ?? ''}`} workspaceId={workspaceId} docId={docId} version={version} />
    );
  },
});

const caseRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'dossiers/$docId',
  loader: () => PatientCaseScreen.preload?.(),
  component: function PatientCaseRoute() {
    const { workspaceId, docId } = caseRoute.useParams();
    return <PatientCaseScreen key={docId} workspaceId={workspaceId} docId={docId} />;
  },
});

const concertationRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'concertations/$docId',
  loader: () => ConcertationScreen.preload?.(),
  component: function ConcertationRoute() {
    const { workspaceId, docId } = concertationRoute.useParams();
    return <ConcertationScreen key={docId} workspaceId={workspaceId} docId={docId} />;
  },
});

const reportRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'evenements/$docId',
  loader: () => ReportScreen.preload?.(),
  component: function ReportRoute() {
    const { workspaceId, docId } = reportRoute.useParams();
    return <ReportScreen key={docId} workspaceId={workspaceId} docId={docId} />;
  },
});

// The annual ACI report of a year (this year when absent or malformed).
const yearSearch = z.object({
  annee: z.optional(z.catch(z.optional(z.int().check(z.minimum(2000), z.maximum(2100))), undefined)),
});

const aciReportRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'qualite/rapport',
  validateSearch: (search: Record<string, unknown>) => yearSearch.parse(search),
  loader: () => AciReportScreen.preload?.(),
  component: function AciReportRoute() {
    const { workspaceId } = aciReportRoute.useParams();
    const { annee } = aciReportRoute.useSearch();
    const year =
      annee ?? Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format());
    return <AciReportScreen key={year} workspaceId={workspaceId} year={year} />;
  },
});

const crisisPlanRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'plan-de-crise/$docId',
  loader: () => CrisisPlanScreen.preload?.(),
  component: function CrisisPlanRoute() {
    const { workspaceId, docId } = crisisPlanRoute.useParams();
    return <CrisisPlanScreen key={docId} workspaceId={workspaceId} docId={docId} />;
  },
});

/** The plan's print view: the whole plan, one typology sheet (fiche), or a yearly update's comparison (maj). */
const crisisPrintSearch = z.object({
  fiche: z.optional(z.catch(z.optional(z.string().check(z.maxLength(40))), undefined)),
  maj: z.optional(z.catch(z.optional(z.string().check(z.maxLength(64))), undefined)),
});
const crisisPlanPrintRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'plan-de-crise/$docId/impression',
  validateSearch: (search: Record<string, unknown>) => crisisPrintSearch.parse(search),
  loader: () => CrisisPlanPrintScreen.preload?.(),
  component: function CrisisPlanPrintRoute() {
    const { workspaceId, docId } = crisisPlanPrintRoute.useParams();
    const { fiche, maj } = crisisPlanPrintRoute.useSearch();
    return (
      <CrisisPlanPrintScreen
        key={`${docId}/${fiche ?? ''}/${maj ?? ''}`}
        workspaceId={workspaceId}
        docId={docId}
        fiche={fiche}
        maj={maj}
      />
    );
  },
});

const activationRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'crise/$docId',
  loader: () => ActivationScreen.preload?.(),
  component: function ActivationRoute() {
    const { workspaceId, docId } = activationRoute.useParams();
    return <ActivationScreen key={docId} workspaceId={workspaceId} docId={docId} />;
  },
});

const retexPrintRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'crise/$docId/retex',
  loader: () => RetexPrintScreen.preload?.(),
  component: function RetexPrintRoute() {
    const { workspaceId, docId } = retexPrintRoute.useParams();
    return <RetexPrintScreen key={docId} workspaceId={workspaceId} docId={docId} />;
  },
});

export const router = createRouter({
  // A screen's code starts loading when a finger touches its link (or a pointer rests on it), before the tap ends.
  defaultPreload: 'intent',
  routeTree: rootRoute.addChildren([
    homeRoute,
    joinRoute,
    workspaceRoute.addChildren([
      homeOfWorkspaceRoute,
      catalogueRoute,
      casesRoute,
      protocolRoute,
      protocolReadRoute,
      directoryRoute,
      accessRoute,
      groupsRoute,
      newCaseRoute,
      caseRoute,
      concertationsRoute,
      concertationRoute,
      adverseEventsRoute,
      reportEventRoute,
      reportRoute,
      deviceRoute,
      qualityRoute,
      aciReportRoute,
      crisisPlansRoute,
      crisisPlanRoute,
      crisisPlanPrintRoute,
      crisisRoute,
      activationRoute,
      retexPrintRoute,
    ]),
  ]),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
