// How many of the workspace's documents are on this device while more arrive, in a place kept for it (the shell's):
// the line comes and goes without moving anything a person is about to tap. Nothing when every document is here.
import { useTranslation } from 'react-i18next';
import { useOnDevice } from './OnDeviceContext';

export function OnDeviceCount() {
  const { t } = useTranslation();
  const { state } = useOnDevice();
  const fetching = state?.phase === 'fetching' && state.onDevice < state.total;
  return (
    <p className="on-device-count" role="status">
      {fetching ? t('onDevice.fetching', { onDevice: state.onDevice, total: state.total, count: state.total }) : null}
    </p>
  );
}
