// Home: recreate a workspace on this device from its root key's backup file and passphrase.
import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';
import { decryptRootKey } from './keyBackup';
import { restoreWorkspace } from './workspaces';
import './peopleStrings';

/** `onRestored` runs before the workspace opens (the first screen sets this device's profile then). */
export default function RestoreForm({ onRestored }: { onRestored?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  // Each error under the field it is about: the file (not a backup, inconsistent, already here) or the passphrase.
  const [errors, setErrors] = useState<{ file?: string; passphrase?: string }>({});
  const [busy, setBusy] = useState(false);

  const restore = async (event: FormEvent) => {
    event.preventDefault();
    const missing = {
      ...(file ? {} : { file: t('backup.errors.noFile') }),
      ...(passphrase ? {} : { passphrase: t('backup.errors.noPassphrase') }),
    };
    if (!file || !passphrase) return setErrors(missing);
    setBusy(true);
    try {
      const result = await decryptRootKey(await file.text(), passphrase);
      if (!result.ok)
        return setErrors({
          [result.error === 'passphrase' ? 'passphrase' : 'file']: t(`backup.errors.${result.error}`),
        });
      if ((await restoreWorkspace(result.keyPair, result.backup.workspaceId, result.backup.name)) === 'alreadyHere')
        return setErrors({ file: t('backup.errors.alreadyHere') });
      onRestored?.();
      await navigate({ to: '/w/$workspaceId', params: { workspaceId: result.backup.workspaceId } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={restore} noValidate className="card stack" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('backup.restoreTitle')}</h2>
      <Field id="restore-file" label={t('backup.file')} error={errors.file}>
        <input
          id="restore-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setErrors({});
          }}
        />
      </Field>
      <Field id="restore-passphrase" label={t('backup.passphrase')} error={errors.passphrase}>
        <input
          id="restore-passphrase"
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.target.value);
            setErrors({});
          }}
        />
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('backup.restoring') : t('backup.restore')}
      </button>
    </form>
  );
}
