// What a document's screen says until its layout can be shown: still loading, not found once synced with the relay,
// or written by a newer version of the app (then nothing is shown, so nothing is overwritten).
import { useTranslation } from 'react-i18next';
import type { Readiness } from '../sync/useKindDoc';

interface Props {
  /** Whether the document is open on this device at all. */
  opened: boolean;
  ready: Readiness;
  /** Whether this device has synced with the relay (a document still missing then does not exist for this member). */
  synced: boolean;
  loading: string;
  notFound: string;
}

export function DocReadiness({ opened, ready, synced, loading, notFound }: Props) {
  const { t } = useTranslation();
  if (!opened || ready === 'waiting')
    return (
      <p className="empty" role="status">
        {opened && synced ? notFound : loading}
      </p>
    );
  if (ready === 'newer')
    return (
      <p className="error" role="alert">
        {t('errors.newerLayout')}
      </p>
    );
  return null;
}
