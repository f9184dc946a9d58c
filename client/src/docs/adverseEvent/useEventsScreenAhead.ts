// The events screen ahead of the tap on it (decision 0042): its code loaded once the screen a workspace opens on has
// shown, so that a later tap on « Événements indésirables » does not wait for it; the register read ahead as before.
import { useEffect } from 'react';
import { useRouter, type AnyRouter } from '@tanstack/react-router';
import { useRegisterReadAhead } from './useRegister';

/** After the frame being drawn: the screen just rendered is on screen before anything else starts. */
const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Once the router has shown the screen it was loading, if any. Asked, not subscribed to: a subscription would draw the
 * shell again at each navigation's start and end.
 */
const whenShown = (router: AnyRouter) =>
  router.state.status === 'idle'
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        const off = router.subscribe('onResolved', () => {
          off();
          resolve();
        });
      });

export function useEventsScreenAhead(workspaceId: string): void {
  const router = useRouter();
  useEffect(() => {
    // Not while the first screen's own code is still arriving; then alongside the documents it reads, which the
    // events screen waits for too.
    let left = false;
    void whenShown(router)
      .then(afterPaint)
      .then(() => {
        if (!left) router.preloadRoute({ to: '/w/$workspaceId/evenements', params: { workspaceId } }).catch(() => null);
      });
    return () => {
      left = true;
    };
  }, [router, workspaceId]);
  useRegisterReadAhead();
}
