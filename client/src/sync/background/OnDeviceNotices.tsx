// What happened to this device's copies, said once: copies that had to go, a full device, a revocation heard while no
// document was open. Rare, so in flow under the sync state; the count of documents arriving is OnDeviceCount.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markRevoked } from '../../workspace/workspaces';
import { useOnDevice } from './OnDeviceContext';

export function OnDeviceNotices({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const { state } = useOnDevice();
  const [seenDropped, setSeenDropped] = useState(0);
  // Revoked while no document was open: the workspace closes as it does when an open one hears it (decision 0026).
  const revoked = state?.phase === 'revoked';
  useEffect(() => {
    if (revoked) void markRevoked(workspaceId);
  }, [revoked, workspaceId]);
  if (!state) return null;
  const dropped = state.dropped.length - seenDropped;
  if (dropped <= 0 && state.phase !== 'storageFull') return null;
  return (
    <div className="on-device" role="status">
      {state.phase === 'storageFull' ? <p className="error">{t('onDevice.storageFull')}</p> : null}
      {dropped > 0 ? (
        <p>
          {t('onDevice.dropped', { count: dropped })}{' '}
          <button type="button" className="link" onClick={() => setSeenDropped(state.dropped.length)}>
            {t('onDevice.dismiss')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
