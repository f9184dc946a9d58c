// « Mises à jour annuelles »: the dated record the ACI asks for. Each update is a named version of the plan; its
// comparison with the previous one (or the plan as sent to the ARS and CPAM) shows what changed, and prints.
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { leadsPlan, listYearlyUpdates, parisToday, recordYearlyUpdate, type PlanActor } from '@maillage/shared';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { DiffView } from '../protocol/versions/DiffView';
import { compareUpdate, type UpdateComparison } from './updateComparison';
import { usePlanWords } from './usePlanWords';
import { dayLabel } from './days';

const WideDialog = lazy(() => import('../../ui/WideDialog'));

interface Props {
  doc: Y.Doc;
  actor: PlanActor;
  archived: boolean;
  workspaceId: string;
  docId: string;
}

export function YearlyUpdatesPanel({ doc, actor, archived, workspaceId, docId }: Props) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const updates = listYearlyUpdates(doc);
  const [form, setForm] = useState({ date: parisToday(), summary: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [shown, setShown] = useState<UpdateComparison | null>(null);
  const mayRecord = leadsPlan(doc, actor) && !archived;
  const u = (key: string) => t(`crisisPlan.updates.${key}`);

  const record = (event: FormEvent) => {
    event.preventDefault();
    const result = recordYearlyUpdate(doc, form, actor, (date) =>
      t('crisisPlan.updates.versionName', { date: dayLabel(date) }),
    );
    if (!result.ok) {
      setDone(null);
      return setErrors(Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
    }
    setErrors({});
    setForm({ date: parisToday(), summary: '' });
    setDone(u('recorded'));
  };

  return (
    <section className="card stack" id="plan-updates" aria-labelledby="plan-updates-title">
      <h2 id="plan-updates-title">{u('title')}</h2>
      <p className="muted small">{u('intro')}</p>
      {mayRecord ? (
        <form className="stack" onSubmit={record} noValidate aria-label={u('record')}>
          <DateField
            id="plan-update-date"
            label={u('date')}
            value={form.date}
            max={parisToday()}
            onChange={(date) => setForm({ ...form, date })}
            error={errors.date ? t(errors.date) : undefined}
          />
          <Field id="plan-update-summary" label={u('summary')} error={errors.summary ? t(errors.summary) : undefined}>
            <textarea
              id="plan-update-summary"
              rows={3}
              value={form.summary}
              onChange={(e) => setForm({ ...form, summary: e.target.value })}
            />
          </Field>
          {errors.status ? (
            <p className="error" role="alert">
              {t(errors.status)}
            </p>
          ) : null}
          <div className="row">
            <button type="submit" className="primary">
              {u('record')}
            </button>
          </div>
        </form>
      ) : actor.role !== 'observer' && !archived ? (
        <p className="muted small">{u('leadOnly')}</p>
      ) : null}
      <p role="status" className="small">
        {done}
      </p>
      {updates.length === 0 ? <p className="empty">{u('empty')}</p> : null}
      <ol className="list" aria-label={u('title')}>
        {[...updates].reverse().map((update) => (
          <li key={update.versionId} className="stack tight">
            <span className="list-title">
              {t('crisisPlan.updates.line', { date: dayLabel(update.date), by: update.byName })}
            </span>
            <span className="small">{update.summary}</span>
            <span className="row">
              <button type="button" className="ghost small" onClick={() => setShown(compareUpdate(doc, update, words))}>
                {u('compare')}
              </button>
              <Link
                className="small"
                to="/w/$workspaceId/plan-de-crise/$docId/impression"
                params={{ workspaceId, docId }}
                search={{ maj: update.versionId }}
              >
                {u('printCompare')}
              </Link>
            </span>
          </li>
        ))}
      </ol>
      {shown ? (
        <Suspense fallback={null}>
          <WideDialog title={u('compare')} onClose={() => setShown(null)}>
            <p className="muted">
              {shown.fromName ? t('crisisPlan.updates.comparedWith', { name: shown.fromName }) : u('nothingBefore')}
            </p>
            <DiffView
              title={t('crisisPlan.updates.diffTitle', { from: shown.fromName ?? '—', to: shown.toName })}
              changes={shown.changes}
            />
          </WideDialog>
        </Suspense>
      ) : null}
    </section>
  );
}
