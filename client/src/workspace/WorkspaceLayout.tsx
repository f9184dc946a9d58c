// Every screen of a workspace, loaded with its first one: the gate (on this device? which access?), « Pour vous »
// and the shell, mounted once per workspace so that moving between screens keeps its documents open and synced.
import { getRouteApi, Outlet } from '@tanstack/react-router';
import { WorkspaceGate } from './WorkspaceGate';
import { NeedsMeProvider } from './home/NeedsMeContext';
import { WorkspaceShell } from './shell/WorkspaceShell';

const workspaceRoute = getRouteApi('/w/$workspaceId');

export default function WorkspaceLayout() {
  const { workspaceId } = workspaceRoute.useParams();
  return (
    <WorkspaceGate key={workspaceId} workspaceId={workspaceId}>
      <NeedsMeProvider workspaceId={workspaceId}>
        <WorkspaceShell workspaceId={workspaceId}>
          <Outlet />
        </WorkspaceShell>
      </NeedsMeProvider>
    </WorkspaceGate>
  );
}
