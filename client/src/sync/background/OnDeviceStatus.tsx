// What the background sync is doing, said once and quietly: documents still arriving, copies that had to go, a full
// device. Nothing at all when every document is here.
import { useEffect, useState } from 'react';
import { markRevoked } from '../../workspace/workspaces';
import { useTranslation } from 'react-i18next';
import { useOnDevice } from './OnDeviceContext';

export function OnDeviceStatus({ workspaceId }: { workspaceId: string }) {
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
  const fetching = state.phase === 'fetching' && state.onDevice < state.total;
  if (!fetching && dropped <= 0 && state.phase !== 'storageFull') return null;
  return (
    <div className="on-device" role="status">
      {fetching ? (
        <p>{t('onDevice.fetching', { onDevice: state.onDevice, total: state.total, count: state.total })}</p>
      ) : null}
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
