// Says whether edits have reached colleagues, or are kept on this device for now.
import { useTranslation } from 'react-i18next';
import type { OverallSyncStatus } from '../sync/syncRegistry';

export function SyncIndicator({ status, testId = 'sync-status' }: { status: OverallSyncStatus; testId?: string }) {
  const { t } = useTranslation();
  // Nothing open, nothing to sync: no word about the network on a screen that uses none.
  if (status.state === 'idle') return null;
  const text =
    status.state === 'error' && status.reason
      ? t('sync.error', { reason: t(`close.${status.reason}`) })
      : t(`sync.${status.state}`);
  return (
    <p
      className={`sync sync-${status.state}`}
      role="status"
      aria-live="polite"
      data-testid={testId}
      data-state={status.state}
    >
      <span className="dot" aria-hidden="true" />
      <span className="visually-hidden">{t('sync.label')} : </span>
      <span className="sync-text">{text}</span>
    </p>
  );
}
