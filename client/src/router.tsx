// Routes, thin: each one reads its params and hands them to a screen. The editor loads lazily.
import { lazy, Suspense } from 'react';
import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { HomeScreen } from './workspace/HomeScreen';
import { WorkspaceScreen } from './workspace/WorkspaceScreen';
import { ProfileGate } from './workspace/ProfileContext';

const ProtocolScreen = lazy(() => import('./docs/protocol/ProtocolScreen'));

const rootRoute = createRootRoute({
  component: () => (
    <ProfileGate>
      <Outlet />
    </ProfileGate>
  ),
});

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomeScreen });

const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$workspaceId',
  component: function WorkspaceRoute() {
    const { workspaceId } = workspaceRoute.useParams();
    return <WorkspaceScreen key={workspaceId} workspaceId={workspaceId} />;
  },
});

const protocolRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$workspaceId/protocols/$docId',
  component: function ProtocolRoute() {
    const { workspaceId, docId } = protocolRoute.useParams();
    return (
      <Suspense fallback={null}>
        <ProtocolScreen key={docId} workspaceId={workspaceId} docId={docId} />
      </Suspense>
    );
  },
});

export const router = createRouter({ routeTree: rootRoute.addChildren([homeRoute, workspaceRoute, protocolRoute]) });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
