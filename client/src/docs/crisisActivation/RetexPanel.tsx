// The RETEX once the crisis (or the exercise) is ended: the template's three questions, for the plan's next update.
import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { FieldError, Retex, RetexInput } from '@maillage/shared';
import { Field } from '../../ui/Field';
import { formatDate } from '../../i18n';

const FIELDS = ['happened', 'worked', 'change'] as const;

interface Props {
  workspaceId: string;
  docId: string;
  retex: Retex | null;
  canWrite: boolean;
  nameOf: (memberId: string) => string;
  onSave: (input: RetexInput) => FieldError[] | null;
}

export function RetexPanel({ workspaceId, docId, retex, canWrite, nameOf, onSave }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Record<(typeof FIELDS)[number], string>>({ happened: '', worked: '', change: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  // A colleague's save arrives: the form shows it (the last save wins, as for any field written as a whole).
  useEffect(() => {
    if (retex) setDraft({ happened: retex.happened, worked: retex.worked, change: retex.change });
  }, [retex]);
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? t(e.message) : false;
  };
  return (
    <section className="stack card" aria-labelledby="crisis-retex-heading" data-testid="crisis-retex">
      <h2 id="crisis-retex-heading">{t('crisis.retex.heading')}</h2>
      <p className="muted">{t('crisis.retex.intro')}</p>
      {retex ? (
        <p role="status">
          {t('crisis.retex.saved', { name: nameOf(retex.updatedBy), when: formatDate(retex.updatedAt) })}{' '}
          <Link to="/w/$workspaceId/crise/$docId/retex" params={{ workspaceId, docId }}>
            {t('crisis.retex.print')}
          </Link>
        </p>
      ) : null}
      <form
        className="stack"
        aria-label={t('crisis.retex.submit')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors(onSave(draft) ?? []);
        }}
      >
        {FIELDS.map((field) => (
          <Field key={field} id={`crisis-retex-${field}`} label={t(`crisis.retex.${field}`)} error={errorOf(field)}>
            <textarea
              id={`crisis-retex-${field}`}
              rows={3}
              value={draft[field]}
              readOnly={!canWrite}
              onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
            />
          </Field>
        ))}
        {errorOf('actor') || errorOf('retex') ? (
          <p className="error" role="alert">
            {errorOf('actor') || errorOf('retex')}
          </p>
        ) : null}
        {canWrite ? (
          <div className="row">
            <button type="submit" className="primary">
              {t('crisis.retex.submit')}
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}
