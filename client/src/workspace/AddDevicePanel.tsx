// « Ajouter un de mes appareils » : a link and a QR code for the member's phone or laptop. The other device is told who
// its owner is (it asks nothing) and, where this device holds a key for it, gets a device id of its own.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../ui/QrCode';
import { useWorkspace } from './WorkspaceContext';
import { useProfile } from './ProfileContext';
import { ownDeviceLink } from './access';
import './peopleStrings';

export default function AddDevicePanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const profile = useProfile();
  const [made, setMade] = useState<{ link: string; ownId: boolean } | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    void ownDeviceLink(workspace, profile, workspace.name).then(setMade);
  }, [workspace, profile]);
  const link = made?.link ?? '';
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
      {made ? (
        <>
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
          <p className="muted">{t(made.ownId ? 'device.warning' : 'device.warningShared')}</p>
        </>
      ) : (
        <p role="status">{t('access.loading')}</p>
      )}
    </section>
  );
}
