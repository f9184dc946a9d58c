// Right after creating a workspace: save the root key, encrypted under a passphrase, to a file kept off this device.
// Said plainly, the rule before typing, each error under its field, the download confirmed; skipping is possible but
// secondary, and says what it costs before it is done.
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivateJwk } from '@maillage/shared';
import { Field } from '../ui/Field';
import { downloadFile } from '../ui/download';
import { useWorkspace } from './WorkspaceContext';
import { backupDone } from './keys';
import { encryptRootKey, MIN_PASSPHRASE } from './keyBackup';
import './peopleStrings';

const ConfirmDialog = lazy(() => import('../ui/ConfirmDialog'));

export default function BackupPanel({ jwk, onDone }: { jwk: PrivateJwk; onDone: () => void }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; again?: string }>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [skipping, setSkipping] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase.length < MIN_PASSPHRASE)
      return setErrors({ passphrase: t('backup.tooShort', { count: MIN_PASSPHRASE }) });
    if (passphrase !== again) return setErrors({ again: t('backup.mismatch') });
    setBusy(true);
    const backup = await encryptRootKey(jwk, { id: workspace.id, name: workspace.name }, passphrase);
    const file = `maillage-cle-${workspace.name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}.json`;
    downloadFile(file, 'application/json', JSON.stringify(backup, null, 2));
    backupDone(workspace.id);
    setBusy(false);
    setSaved(file);
  };

  if (saved) {
    return (
      <section className="card stack" aria-labelledby="backup-title">
        <h2 id="backup-title">{t('backup.savedTitle')}</h2>
        <p role="status">{t('backup.saved', { file: saved })}</p>
        <div className="row">
          <button type="button" className="primary" onClick={onDone}>
            {t('backup.close')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form onSubmit={save} noValidate className="card stack" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p>{t('backup.explain')}</p>
      <Field
        id="backup-passphrase"
        label={t('backup.passphrase')}
        hint={t('backup.rule', { count: MIN_PASSPHRASE })}
        error={errors.passphrase}
      >
        <input
          id="backup-passphrase"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.target.value);
            setErrors({});
          }}
        />
      </Field>
      <Field id="backup-again" label={t('backup.again')} error={errors.again}>
        <input
          id="backup-again"
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={(e) => {
            setAgain(e.target.value);
            setErrors({});
          }}
        />
      </Field>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('backup.save')}
        </button>
        <div className="spacer" />
        <button type="button" className="ghost small" onClick={() => setSkipping(true)}>
          {t('backup.skip')}
        </button>
      </div>
      {skipping ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('backup.skip')}
            confirmLabel={t('backup.skipYes')}
            onCancel={() => setSkipping(false)}
            onConfirm={() => {
              backupDone(workspace.id);
              onDone();
            }}
          >
            <p>{t('backup.confirmSkip')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
    </form>
  );
}
