// What this device holds of the open workspace, for the screens that say it: the background sync's progress, and
// the device's own choice of closed files to keep (« Mon appareil »).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useCatalogue } from '../../docs/catalogue/useCatalogue';
import { readKeepClosed, writeKeepClosed } from '../../store/deviceSettings';
import type { BackgroundState } from './backgroundSync';
import { closedCasesSetAside, type KeepClosedMonths } from './setAside';
import { useBackgroundSync } from './useBackgroundSync';

export interface OnDevice {
  state: BackgroundState | null;
  /** undefined until read from this device. */
  keepClosed: KeepClosedMonths | undefined;
  /** Closed files this device does not keep under its setting. */
  setAside: ReadonlySet<string>;
  /** Closed files a setting would not keep, for the confirmation that names them. */
  setAsideUnder: (months: KeepClosedMonths) => ReadonlySet<string>;
  changeKeepClosed: (months: KeepClosedMonths) => Promise<void>;
}

const OnDeviceContext = createContext<OnDevice | null>(null);

export function useOnDevice(): OnDevice {
  const value = useContext(OnDeviceContext);
  if (!value) throw new Error('useOnDevice outside OnDeviceProvider');
  return value;
}

export function OnDeviceProvider({
  workspaceId,
  token,
  children,
}: {
  workspaceId: string;
  token: string;
  children: ReactNode;
}) {
  const { items } = useCatalogue(workspaceId);
  const [keepClosed, setKeepClosed] = useState<KeepClosedMonths | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void readKeepClosed(workspaceId).then((months) => current && setKeepClosed(months));
    return () => {
      current = false;
    };
  }, [workspaceId]);
  const setAsideUnder = useCallback(
    (months: KeepClosedMonths) => closedCasesSetAside(items, months, new Date()),
    [items],
  );
  const setAside = useMemo(() => setAsideUnder(keepClosed ?? null), [setAsideUnder, keepClosed]);
  // The background sync reads the latest set at each round, without restarting when the catalogue changes.
  const latest = useRef(setAside);
  useEffect(() => {
    latest.current = setAside;
  }, [setAside]);
  const readSetAside = useCallback(() => latest.current, []);
  const { state, checkNow } = useBackgroundSync(workspaceId, token, {
    setAside: readSetAside,
    enabled: keepClosed !== undefined,
  });
  const changeKeepClosed = useCallback(
    async (months: KeepClosedMonths) => {
      await writeKeepClosed(workspaceId, months);
      latest.current = setAsideUnder(months);
      setKeepClosed(months);
      checkNow();
    },
    [workspaceId, setAsideUnder, checkNow],
  );
  const value = useMemo(
    () => ({ state, keepClosed, setAside, setAsideUnder, changeKeepClosed }),
    [state, keepClosed, setAside, setAsideUnder, changeKeepClosed],
  );
  return <OnDeviceContext.Provider value={value}>{children}</OnDeviceContext.Provider>;
}
