// « Me prévenir quand on me mentionne »: the browser's permission is asked only when this is pressed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bell } from 'lucide-react';
import { askToNotify, notifyState } from './notify';

export function NotifyButton() {
  const { t } = useTranslation();
  const [state, setState] = useState(notifyState);
  if (state === 'unsupported' || state === 'denied') return null;
  if (state === 'granted') return <span className="muted small">{t('notify.on')}</span>;
  return (
    <button type="button" className="ghost small icon-button" onClick={() => void askToNotify().then(setState)}>
      <Bell aria-hidden="true" size={14} />
      {t('notify.ask')}
    </button>
  );
}
