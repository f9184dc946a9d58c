// Right after creating a workspace: save the root key, encrypted under a passphrase, to a file kept off this device.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivateJwk } from '@maillage/shared';
import { Field } from '../ui/Field';
import { downloadFile } from '../ui/download';
import { useWorkspace } from './WorkspaceScreen';
import { backupDone } from './keys';
import { encryptRootKey, MIN_PASSPHRASE } from './keyBackup';
import './peopleStrings';

export default function BackupPanel({ jwk, onDone }: { jwk: PrivateJwk; onDone: () => void }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase.length < MIN_PASSPHRASE) return setError(t('backup.tooShort', { count: MIN_PASSPHRASE }));
    if (passphrase !== again) return setError(t('backup.mismatch'));
    setBusy(true);
    const backup = await encryptRootKey(jwk, { id: workspace.id, name: workspace.name }, passphrase);
    downloadFile(
      `maillage-cle-${workspace.name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}.json`,
      'application/json',
      JSON.stringify(backup, null, 2),
    );
    backupDone(workspace.id);
    setBusy(false);
    onDone();
  };

  return (
    <form onSubmit={save} noValidate className="card stack" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p>{t('backup.explain')}</p>
      <Field id="backup-passphrase" label={t('backup.passphrase')} error={error ?? undefined}>
        <input
          id="backup-passphrase"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.target.value);
            setError(null);
          }}
        />
      </Field>
      <Field id="backup-again" label={t('backup.again')}>
        <input
          id="backup-again"
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={(e) => {
            setAgain(e.target.value);
            setError(null);
          }}
        />
      </Field>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('backup.save')}
        </button>
        <button
          type="button"
          className="ghost"
          onClick={() => {
            if (window.confirm(t('backup.confirmSkip'))) {
              backupDone(workspace.id);
              onDone();
            }
          }}
        >
          {t('backup.skip')}
        </button>
      </div>
    </form>
  );
}
