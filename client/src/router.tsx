// Routes, thin: each one reads its params and hands them to a screen. The editor loads lazily.
import { lazy, Suspense, type ReactNode } from 'react';
import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { HomeScreen } from './workspace/HomeScreen';
import { WorkspaceGate } from './workspace/WorkspaceScreen';
import { CatalogueScreen } from './docs/catalogue/CatalogueScreen';
import { ProfileGate } from './workspace/ProfileContext';
import { ScreenError } from './ui/ScreenError';

const screens = {
  protocol: () => import('./docs/protocol/ProtocolScreen'),
  directory: () => import('./docs/directory/DirectoryScreen'),
  access: () => import('./workspace/AccessScreen'),
  groups: () => import('./docs/groups/GroupsScreen'),
  // Invitations carry signed tokens: their verification code (jose) loads only here.
  join: () => import('./workspace/JoinScreen'),
};
const ProtocolScreen = lazy(screens.protocol);
const DirectoryScreen = lazy(screens.directory);
const AccessScreen = lazy(screens.access);
const GroupsScreen = lazy(screens.groups);
const JoinScreen = lazy(screens.join);

/**
 * Loads every screen's code once the first one is shown and the network is idle, so the service worker has them
 * all: a member who goes offline can still open a screen they had not visited yet.
 */
export function prefetchScreens(): void {
  const load = () => void Promise.all(Object.values(screens).map((importScreen) => importScreen().catch(() => undefined)));
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
const joinRoute = createRoute({ getParentRoute: () => rootRoute, path: '/join', component: () => <Suspense fallback={null}><JoinScreen /></Suspense> });

const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$workspaceId',
  component: function WorkspaceRoute() {
    const { workspaceId } = workspaceRoute.useParams();
    return (
      <WorkspaceGate key={workspaceId} workspaceId={workspaceId}>
        <CatalogueScreen workspaceId={workspaceId} />
      </WorkspaceGate>
    );
  },
});

/** Every screen of a workspace: behind its gate (on this device? which access?), its code loaded on demand. */
function InWorkspace({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  return (
    <WorkspaceGate workspaceId={workspaceId}>
      <Suspense fallback={null}>{children}</Suspense>
    </WorkspaceGate>
  );
}

const protocolRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$workspaceId/protocols/$docId',
  component: function ProtocolRoute() {
    const { workspaceId, docId } = protocolRoute.useParams();
    return <InWorkspace workspaceId={workspaceId}><ProtocolScreen key={docId} workspaceId={workspaceId} docId={docId} /></InWorkspace>;
  },
});

const directoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$workspaceId/annuaire',
  component: function DirectoryRoute() {
    const { workspaceId } = directoryRoute.useParams();
    return <InWorkspace workspaceId={workspaceId}><DirectoryScreen workspaceId={workspaceId} /></InWorkspace>;
  },
});

const accessRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$workspaceId/acces',
  component: function AccessRoute() {
    const { workspaceId } = accessRoute.useParams();
    return <InWorkspace workspaceId={workspaceId}><AccessScreen workspaceId={workspaceId} /></InWorkspace>;
  },
});

const groupsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$workspaceId/groupes',
  component: function GroupsRoute() {
    const { workspaceId } = groupsRoute.useParams();
    return <InWorkspace workspaceId={workspaceId}><GroupsScreen workspaceId={workspaceId} /></InWorkspace>;
  },
});

export const router = createRouter({ routeTree: rootRoute.addChildren([homeRoute, joinRoute, workspaceRoute, protocolRoute, directoryRoute, accessRoute, groupsRoute]) });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
