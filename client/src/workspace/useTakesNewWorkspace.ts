// Whether the relay serving this app would host a workspace created now (GET /hosting): a relay that already hosts its
// CPTS (WORKSPACES=first, README command 1) would refuse a second one. Null until known, and when it cannot be asked
// (offline, a relay without the route): creating stays offered then, as on any device that works offline.
import { useEffect, useState } from 'react';
import { HOSTING_PATH, hostingSchema } from '@maillage/shared';

export function useTakesNewWorkspace(): boolean | null {
  const [takes, setTakes] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    fetch(HOSTING_PATH, { cache: 'no-store', signal: AbortSignal.timeout(3000) })
      .then(async (response) => (response.ok ? hostingSchema.parse(await response.json()).newWorkspace : null))
      .catch(() => null)
      .then((answer) => {
        if (live) setTakes(answer);
      });
    return () => {
      live = false;
    };
  }, []);
  return takes;
}
