// Where the case stands with the relay when it is not simply synced: on this device only, waiting for the network,
// waiting for its creator to share it, or the relay misbehaving. Said, never left to a spinner.
import { useTranslation } from 'react-i18next';
import { isUnshareable, type GateState } from './caseGate';

export function CaseBanner({ state, isCase, synced }: { state: GateState; isCase: boolean; synced: boolean }) {
  const { t } = useTranslation();
  const reason = state.error ? t(`care.errors.${state.error}`) : '';
  let key: string | null;
  switch (state.phase) {
    case 'waitingNetwork':
      key = !state.showLocal ? 'offlineNoCopy' : state.everShared ? 'offlineCopy' : 'localOnly';
      break;
    case 'sharing':
      key = isUnshareable(state.error) ? 'cannotShare' : state.error ? 'localOnly' : 'sharing';
      break;
    case 'notShared':
      key = 'notShared';
      break;
    case 'checking':
      key = state.error ? 'relayError' : state.showLocal ? null : 'checking';
      break;
    case 'admitted':
      key = isCase ? null : synced ? 'notFound' : 'opening';
      break;
    default:
      key = null;
  }
  if (!key) return null;
  const warn = key !== 'checking' && key !== 'opening' && key !== 'sharing';
  return (
    <p className={warn ? 'notice warn' : 'empty'} role="status" data-testid="case-banner">
      {t(`care.access.${key}`, { reason })}
    </p>
  );
}
