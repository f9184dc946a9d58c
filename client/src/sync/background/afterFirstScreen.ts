// The background sync starts once the workspace's first screen is up: its own documents (the catalogue, the annuaire)
// and the screen's have had their first sync. A new device's thousand first copies then do not compete with them, or
// with the member's first keystrokes, for the page, the device and the relay (decision 0044).
import { afterPaint, whenAnnuaireMayOpen } from '../../workspace/home/firstRead';
import { whenNoneConnecting } from '../syncRegistry';

/** The longest the annuaire waits for « Pour vous » (as in DirectoryContext). */
const ANNUAIRE_AT_MOST_MS = 1000;
/** The longest the first screen's documents are waited for: a slow relay does not hold the background sync back. */
const SYNCED_AT_MOST_MS = 5000;

export async function afterFirstScreen(workspaceId: string): Promise<void> {
  await whenAnnuaireMayOpen(workspaceId, ANNUAIRE_AT_MOST_MS);
  // The annuaire's opening is registered (« connexion… ») in the render that follows.
  await new Promise<void>((resolve) => afterPaint(resolve));
  await whenNoneConnecting(SYNCED_AT_MOST_MS);
}
