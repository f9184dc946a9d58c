// Where a restricted document (a coordination file, a concertation) stands with the relay when it is not simply
// synced: on this device only, waiting for the network, waiting for its creator to share it, open to all (a meeting
// planned before meetings were restricted), or the relay misbehaving. Said, never left to a spinner.
import { useTranslation } from 'react-i18next';
import { isUnshareable, type GateState } from './caseGate';

export function GateBanner({
  kind,
  state,
  found,
  synced,
}: {
  /** Whose strings: `care.access.*` or `concertation.access.*`. */
  kind: 'care' | 'concertation';
  state: GateState;
  /** The document's content is on screen. */
  found: boolean;
  synced: boolean;
}) {
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
    <p
      className={warn ? 'notice warn' : 'empty'}
      role="status"
      data-testid={kind === 'care' ? 'case-banner' : 'meeting-banner'}
    >
      {t(`${kind}.access.${key}`, { reason })}
    </p>
  );
}
