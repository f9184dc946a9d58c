// Where the meeting stands with the relay when it is not simply synced: on this device only, waiting for the network,
// waiting for its planner to share it, open to all (planned before meetings were restricted). Said, never a spinner.
import { useTranslation } from 'react-i18next';
import { isUnshareable, type GateState } from '../patientCase/caseGate';

export function MeetingBanner({ state, found, synced }: { state: GateState; found: boolean; synced: boolean }) {
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
      key = found ? null : synced ? 'notFound' : 'opening';
      break;
    case 'open':
      key = 'open';
      break;
    default:
      key = null;
  }
  if (!key) return null;
  const warn = key !== 'checking' && key !== 'opening' && key !== 'sharing';
  return (
    <p className={warn ? 'notice warn' : 'empty'} role="status" data-testid="meeting-banner">
      {t(`concertation.access.${key}`, { reason })}
    </p>
  );
}
