// « Ajouter un de mes appareils » : the member's own access, as a link and a QR code, for their phone or laptop.
// No key is needed: the second device holds the same access (same member, same device id), revoked together.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../ui/QrCode';
import { useWorkspace } from './WorkspaceScreen';
import './peopleStrings';

export default function AddDevicePanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { token } = useWorkspace();
  const [copied, setCopied] = useState(false);
  const link = `${location.origin}/join#${token}`;
  return (
    <section className="card stack" aria-labelledby="add-device-title">
      <div className="row">
        <h2 id="add-device-title">{t('device.title')}</h2>
        <div className="spacer" />
        <button type="button" className="ghost" onClick={onClose}>
          {t('invite.close')}
        </button>
      </div>
      <p>{t('device.explain')}</p>
      <div className="row">
        <label htmlFor="device-link" className="visually-hidden">
          {t('device.link')}
        </label>
        <input id="device-link" readOnly value={link} className="grow" onFocus={(e) => e.target.select()} />
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard?.writeText(link).then(
              () => setCopied(true),
              () => undefined,
            )
          }
        >
          {copied ? t('invite.copied') : t('invite.copy')}
        </button>
      </div>
      <QrCode value={link} label={t('device.qr')} />
      <p className="muted">{t('device.warning')}</p>
    </section>
  );
}
