// The quality plan as every member reads it; an action's owner (or a référent) moves it between à faire, en cours and
// fait, and a référent edits it in place. Reached from « Pour vous » by its anchor.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ACTION_STATUSES, setPlanActionStatus, type PlanAction, type RegisterRow } from '@maillage/shared';
import { formatDate } from '../../i18n';
import { FilterSelect } from '../../ui/FilterSelect';
import { useDirectory } from '../directory/DirectoryContext';
import { memberNameOr } from '../directory/memberName';
import { useGroups } from '../groups/GroupsContext';
import { PlanActionEditForm } from './PlanActionEditForm';
import { ALL_PLAN, PLAN_SORTS, planView, type PlanFilter } from './planView';

interface Props {
  plan: PlanAction[];
  /** The register, to say which event an action follows (by its day only). */
  register: RegisterRow[];
  me: string;
  referents: ReadonlySet<string>;
}

const day = (iso: string) => formatDate(`${iso}T12:00:00Z`, false);

export function QualityPlanSection({ plan, register, me, referents }: Props) {
  const { t } = useTranslation();
  const { names } = useDirectory();
  const { governance } = useGroups();
  const nameOf = (id: string) => memberNameOr(names, id, t('adverse.referents.unknown'));
  const eventDay = (reportId: string | null) => register.find((r) => r.docId === reportId)?.day;
  const [editing, setEditing] = useState<string | null>(null);
  const [edited, setEdited] = useState<string | null>(null);
  const [filter, setFilter] = useState<PlanFilter>(ALL_PLAN);
  const shown = planView(plan, filter, me);

  return (
    <section className="stack" id="plan-qualite" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('adverse.plan.title')}</h2>
      <p className="muted">{t('adverse.plan.intro')}</p>
      {plan.length === 0 ? <p className="empty">{t('adverse.plan.empty')}</p> : null}
      {plan.length > 1 ? (
        <div className="row filters">
          <FilterSelect
            id="plan-status"
            label={t('adverse.plan.status')}
            value={filter.status}
            choices={[
              { value: '', label: t('adverse.plan.allStatuses') },
              ...PLAN_ACTION_STATUSES.map((s) => ({ value: s, label: t(`adverse.plan.statuses.${s}`) })),
            ]}
            onChange={(status) => setFilter({ ...filter, status })}
          />
          <FilterSelect
            id="plan-sort"
            label={t('adverse.listSortBy')}
            value={filter.sort}
            choices={PLAN_SORTS.map((sort) => ({ value: sort, label: t(`adverse.plan.sorts.${sort}`) }))}
            onChange={(sort) => setFilter({ ...filter, sort })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={filter.onlyMine}
              onChange={(e) => setFilter({ ...filter, onlyMine: e.target.checked })}
            />
            {t('adverse.plan.onlyMine')}
          </label>
        </div>
      ) : null}
      {plan.length > 0 && shown.length === 0 ? <p className="empty">{t('adverse.plan.noMatch')}</p> : null}
      <ul className="list plan-list" aria-labelledby="plan-title">
        {shown.map((a) => (
          <li key={a.id} className="stack tight">
            {editing === a.id ? (
              <PlanActionEditForm
                action={a}
                me={me}
                referents={referents}
                onDone={(saved) => {
                  setEditing(null);
                  setEdited(saved ? a.id : null);
                }}
              />
            ) : null}
            <strong>{a.action}</strong>
            {eventDay(a.reportId) ? (
              <span className="muted small">{t('adverse.plan.fromReport', { date: day(eventDay(a.reportId)!) })}</span>
            ) : null}
            <dl className="plan-facts">
              {a.objective ? (
                <>
                  <dt>{t('adverse.plan.objective')}</dt>
                  <dd>{a.objective}</dd>
                </>
              ) : null}
              <dt>{t('adverse.plan.owner')}</dt>
              <dd>{nameOf(a.owner)}</dd>
              <dt>{t('adverse.plan.due')}</dt>
              <dd>{day(a.due)}</dd>
              {a.indicator ? (
                <>
                  <dt>{t('adverse.plan.indicator')}</dt>
                  <dd>{a.indicator}</dd>
                </>
              ) : null}
            </dl>
            {governance && (a.owner === me || referents.has(me)) ? (
              <label className="row">
                <span>{t('adverse.plan.status')}</span>
                <select
                  value={a.status}
                  aria-label={t('adverse.plan.statusOf', { action: a.action })}
                  onChange={(e) => setPlanActionStatus(governance.doc, a.id, e.target.value, me, referents)}
                >
                  {PLAN_ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`adverse.plan.statuses.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <span className="badge">{t(`adverse.plan.statuses.${a.status}`)}</span>
            )}
            {governance && referents.has(me) && editing !== a.id ? (
              <div className="row">
                <button
                  type="button"
                  className="ghost"
                  aria-label={t('adverse.plan.editOf', { action: a.action })}
                  onClick={() => {
                    setEdited(null);
                    setEditing(a.id);
                  }}
                >
                  {t('adverse.plan.edit')}
                </button>
              </div>
            ) : null}
            {edited === a.id ? <p role="status">{t('adverse.plan.edited')}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
