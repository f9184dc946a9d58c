// The protocols' filter bar: theme, status, profession, working group, review due; each says what it filters.
// On a phone the bar folds behind one « Filtres » button that says how many are on.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFESSIONS, PROTOCOL_STATUSES, type Group } from '@maillage/shared';
import { NO_FILTER, type CatalogueFilter } from './catalogueFilters';

interface Props {
  filter: CatalogueFilter;
  onChange: (filter: CatalogueFilter) => void;
  themes: readonly string[];
  groups: readonly Group[];
}

export function CatalogueFilters({ filter, onChange, themes, groups }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof CatalogueFilter>(key: K, value: CatalogueFilter[K]) =>
    onChange({ ...filter, [key]: value });
  const select = (key: 'theme' | 'status' | 'profession' | 'groupId', options: { value: string; label: string }[]) => (
    <div className="field compact">
      <label htmlFor={`filter-${key}`}>{t(`filters.${key}`)}</label>
      <select id={`filter-${key}`} value={filter[key]} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('filters.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const on = (Object.keys(NO_FILTER) as (keyof CatalogueFilter)[]).filter((k) => filter[k] !== NO_FILTER[k]).length;
  const active = on > 0;
  const [open, setOpen] = useState(false);
  const barId = useId();
  return (
    <>
      <button
        type="button"
        className="filters-toggle"
        aria-expanded={open}
        aria-controls={barId}
        onClick={() => setOpen(!open)}
      >
        {active ? t('filters.toggleActive', { count: on }) : t('filters.toggle')}
      </button>
      <fieldset id={barId} className={`row filters-bar plain${open ? ' open' : ''}`} aria-label={t('filters.label')}>
        {select(
          'theme',
          themes.map((th) => ({ value: th, label: th })),
        )}
        {select(
          'status',
          PROTOCOL_STATUSES.map((s) => ({ value: s, label: t(`protocol.statuses.${s}`) })),
        )}
        {select(
          'profession',
          PROFESSIONS.map((p) => ({ value: p, label: t(`professions.${p}`) })),
        )}
        {select(
          'groupId',
          groups.map((g) => ({ value: g.groupId, label: g.name })),
        )}
        <label className="check">
          <input type="checkbox" checked={filter.reviewDue} onChange={(e) => set('reviewDue', e.target.checked)} />
          {t('filters.reviewDue')}
        </label>
        {active ? (
          <button type="button" className="ghost small" onClick={() => onChange(NO_FILTER)}>
            {t('filters.clear')}
          </button>
        ) : null}
      </fieldset>
    </>
  );
}
