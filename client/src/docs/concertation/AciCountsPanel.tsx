// The ACI counts of a chosen year, on the meetings screen: meetings held with a validated compte rendu, cases
// discussed and per criterion, professions present per meeting.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACI_CRITERIA, parisToday, type CatalogueItem } from '@maillage/shared';
import { formatDate } from '../../i18n';
import { useAciCounts } from './useAciCounts';

export function AciCountsPanel({ workspaceId, items }: { workspaceId: string; items: readonly CatalogueItem[] }) {
  const { t } = useTranslation();
  const thisYear = Number(parisToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const counts = useAciCounts(workspaceId, items, year);
  // This year and every year a meeting is planned in, latest first.
  const years = [
    ...new Set([
      thisYear,
      ...items.flatMap((i) => (i.kind === 'concertation' && i.meetingDate ? [Number(i.meetingDate.slice(0, 4))] : [])),
    ]),
  ].sort((a, b) => b - a);
  return (
    <section className="card stack" aria-labelledby="aci-heading">
      <h2 id="aci-heading">{t('concertation.aci.heading')}</h2>
      <div className="field compact">
        <label htmlFor="aci-year">{t('concertation.aci.year')}</label>
        <select id="aci-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {counts ? (
        <>
          <p data-testid="aci-summary">
            {t('concertation.aci.summary', {
              meetings: t('concertation.aci.meetings', { count: counts.meetingsHeld }),
              cases: t('concertation.aci.cases', { count: counts.casesDiscussed }),
              distinct: t('concertation.aci.distinct', { count: counts.distinctCases }),
            })}
          </p>
          <ul aria-label={t('concertation.aci.perCriterion')}>
            {ACI_CRITERIA.filter((c) => counts.perCriterion[c] > 0).map((c) => (
              <li key={c}>
                {t(`concertation.criteria.${c}`)} : {counts.perCriterion[c]}
              </li>
            ))}
          </ul>
          <ul aria-label={t('concertation.aci.professions')}>
            {counts.professionsPerMeeting.map((m) => (
              <li key={m.docId}>
                {formatDate(`${m.date}T12:00:00Z`, false)} :{' '}
                {Object.entries(m.professions)
                  .map(([p, n]) => `${t(`professions.${p}`, { defaultValue: p })} (${n})`)
                  .join(', ') || t('concertation.sheet.empty')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
