// Home: the workspaces on this device, and creating the CPTS's workspace.
import { lazy, Suspense, useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Layout } from '../ui/Layout';
import { SearchBox } from '../ui/SearchBox';
import { Field } from '../ui/Field';
import { matches } from '../ui/search';
import { formatDate } from '../i18n';
import type { WorkspaceRow } from '../store/db';
import { createWorkspace, listWorkspaces } from './workspaces';
import { useTakesNewWorkspace } from './useTakesNewWorkspace';
import { parseTerritory } from '@maillage/shared';

// Decrypting a backup needs only WebCrypto, but the form and its messages load when asked for.
const RestoreForm = lazy(() => import('./RestoreForm'));

export function HomeScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [workspaces, setWorkspaces] = useState<WorkspaceRow[] | null>(null);
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const [territory, setTerritory] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);
  // A relay that already hosts its CPTS would refuse another workspace: the form is not offered there.
  const hosted = useTakesNewWorkspace() === false;

  useEffect(() => {
    void listWorkspaces().then(setWorkspaces);
  }, []);

  const shown = useMemo(
    () => (workspaces ?? []).filter((w) => matches(w.name, query)).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    [workspaces, query],
  );

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await createWorkspace(name, parseTerritory(territory));
      if (!result.ok) return setError(t(result.errors[0]?.message ?? 'errors.invalid'));
      await navigate({ to: '/w/$workspaceId', params: { workspaceId: result.workspaceId } });
    } catch {
      setError(t('errors.crypto'));
    } finally {
      setBusy(false);
    }
  };

  /** A field typed into: its value kept, the form's last error gone. */
  const edited = (set: (value: string) => void, value: string) => {
    set(value);
    setError(null);
  };
  return (
    <Layout>
      <div className="narrow stack">
        <h1>{t('home.title')}</h1>
        {workspaces && workspaces.length > 3 ? (
          <SearchBox label={t('home.search')} value={query} onChange={setQuery} />
        ) : null}
        {workspaces && workspaces.length === 0 && !hosted ? <p className="empty">{t('home.empty')}</p> : null}
        <ul className="list">
          {shown.map((w) => (
            <li key={w.id}>
              <Link to="/w/$workspaceId" params={{ workspaceId: w.id }} className="list-title">
                {w.name || t('home.unnamed')}
              </Link>
              <span className="muted">{t('home.joinedAt', { date: formatDate(w.joinedAt, false) })}</span>
            </li>
          ))}
        </ul>
        {hosted ? (
          <p className="card">{t('home.hostedAlready')}</p>
        ) : (
          <form onSubmit={create} noValidate className="card stack">
            <h2>{t('home.create')}</h2>
            <Field id="workspace-name" label={t('home.name')} error={error ?? undefined}>
              <input
                id="workspace-name"
                value={name}
                placeholder={t('home.namePlaceholder')}
                onChange={(e) => edited(setName, e.target.value)}
              />
            </Field>
            <Field id="workspace-territory" label={t('home.territory')}>
              <textarea
                id="workspace-territory"
                rows={3}
                value={territory}
                placeholder={t('home.territoryPlaceholder')}
                onChange={(e) => edited(setTerritory, e.target.value)}
              />
            </Field>
            <p className="muted small">{t('home.territoryHint')}</p>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('home.creating') : t('home.submit')}
            </button>
          </form>
        )}
        {restoring ? (
          <Suspense fallback={null}>
            <RestoreForm />
          </Suspense>
        ) : (
          <button type="button" className="ghost" onClick={() => setRestoring(true)}>
            {t('backup.restoreOpen')}
          </button>
        )}
      </div>
    </Layout>
  );
}
