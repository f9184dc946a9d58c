// Coordinators name the quality référents here, and remove one after saying what it does; everyone sees who they are
// (whom to ask about reporting).
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setQualityReferent, type FieldError } from '@maillage/shared';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useDirectory } from '../directory/DirectoryContext';
import { useGroups } from '../groups/GroupsContext';
import { memberNameOr } from '../directory/memberName';

const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

export function ReferentsPanel({ referents }: { referents: string[] }) {
  const { t } = useTranslation();
  const { role } = useWorkspace();
  const { members, names } = useDirectory();
  const { governance } = useGroups();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<FieldError | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const nameOf = (id: string) => memberNameOr(names, id, t('adverse.referents.unknown'));
  const change = (memberId: string, on: boolean) => {
    setRemoving(null);
    if (!governance) return;
    const result = setQualityReferent(governance.doc, memberId, on, role);
    setError(result.ok ? null : result.errors[0]!);
    if (result.ok) setChosen('');
  };
  // The last one is not asked about: the governance refuses to remove it, and the refusal shows at once.
  const askToRemove = (id: string) => (referents.length > 1 ? setRemoving(id) : change(id, false));
  const candidates = members.filter((m) => !referents.includes(m.memberId));

  return (
    <section className="stack" aria-labelledby="referents-title">
      <h2 id="referents-title">{t('adverse.referents.title')}</h2>
      <p className="muted">{t('adverse.referents.intro')}</p>
      {referents.length === 0 ? <p className="empty">{t('adverse.referents.none')}</p> : null}
      <ul className="plain-list">
        {referents.map((id) => (
          <li key={id} className="row">
            <span className="grow-text">{nameOf(id)}</span>
            {role === 'coordinator' ? (
              <button type="button" className="ghost small" onClick={() => askToRemove(id)}>
                {t('adverse.referents.remove')} <span className="visually-hidden">{nameOf(id)}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {role === 'coordinator' ? (
        <div className="row wrap">
          <label className="visually-hidden" htmlFor="referent-choice">
            {t('adverse.referents.choose')}
          </label>
          <select id="referent-choice" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('adverse.referents.choose')}</option>
            {candidates.map((m) => (
              <option key={m.memberId} value={m.memberId}>
                {m.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={!chosen || !governance} onClick={() => change(chosen, true)}>
            {t('adverse.referents.add')}
          </button>
        </div>
      ) : null}
      {removing ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('adverse.referents.removeTitle', { name: nameOf(removing) })}
            confirmLabel={t('adverse.referents.removeConfirm')}
            danger
            onConfirm={() => change(removing, false)}
            onCancel={() => setRemoving(null)}
          >
            <p>{t('adverse.referents.removeBody')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {t(error.message)}
        </p>
      ) : null}
    </section>
  );
}
