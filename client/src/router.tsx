// Routes, thin: each one reads its params and hands them to a screen. The editor loads lazily.
import { lazy, Suspense, type ComponentType } from 'react';
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

/**
 * Every screen of a workspace sits under one gate (on this device? which access?), mounted once per workspace:
 * moving between its screens keeps the annuaire open and synced instead of reopening it each time.
 */
const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$workspaceId',
  component: function WorkspaceLayout() {
    const { workspaceId } = workspaceRoute.useParams();
    return (
      <WorkspaceGate key={workspaceId} workspaceId={workspaceId}>
        <Suspense fallback={null}>
          <Outlet />
        </Suspense>
      </WorkspaceGate>
    );
  },
});

/** A screen of the open workspace, given its id. */
const workspaceScreen = <Path extends string>(path: Path, Screen: ComponentType<{ workspaceId: string }>) =>
  createRoute({ getParentRoute: () => workspaceRoute, path, component: () => <Screen workspaceId={workspaceRoute.useParams().workspaceId} /> });

const catalogueRoute = workspaceScreen('/', CatalogueScreen);
const directoryRoute = workspaceScreen('annuaire', DirectoryScreen);
const accessRoute = workspaceScreen('acces', AccessScreen);
const groupsRoute = workspaceScreen('groupes', GroupsScreen);

const protocolRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'protocols/$docId',
  component: function ProtocolRoute() {
    const { workspaceId, docId } = protocolRoute.useParams();
    return <ProtocolScreen key={docId} workspaceId={workspaceId} docId={docId} />;
  },
});

export const router = createRouter({
  routeTree: rootRoute.addChildren([homeRoute, joinRoute, workspaceRoute.addChildren([catalogueRoute, protocolRoute, directoryRoute, accessRoute, groupsRoute])]),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
