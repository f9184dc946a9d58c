// « Série »: the meeting's series (its rule, the charte's time per case and number of cases, its permanent
// participants), set by the bureau while the meeting is editable; anyone downloads the series' calendar invitation.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_QUORUM,
  MONTH_RANKS,
  WEEKDAYS,
  type DirectoryMember,
  type FieldError,
  type Meeting,
  type Series,
  type SeriesInput,
  type Weekday,
} from '@maillage/shared';
import { Field } from '../../../ui/Field';
import { NumberField } from '../../../ui/NumberField';
import { downloadSeriesIcs, ruleLabel } from './seriesLabels';

interface Props {
  meeting: Meeting;
  series: Series | null;
  members: readonly DirectoryMember[];
  /** The bureau, while the meeting is editable. */
  canEdit: boolean;
  onSave: (input: SeriesInput) => FieldError[] | null;
  /** The series' days cancelled from this meeting on, which its calendar file leaves out. */
  cancelledDays: () => Promise<string[]>;
}

const numberOrNull = (value: string): number | null => (value.trim() === '' ? null : Number(value));

export function SeriesPanel({ meeting, series, members, canEdit, onSave, cancelledDays }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const rule = series?.rule;
  const [name, setName] = useState(series?.name ?? '');
  const [freq, setFreq] = useState<'monthly' | 'weekly'>(rule?.freq ?? 'monthly');
  const [weekday, setWeekday] = useState<Weekday>(rule?.weekday ?? 'TU');
  const [rank, setRank] = useState<string>(rule?.freq === 'monthly' ? String(rule.rank) : '1');
  const [interval, setInterval] = useState<string>(rule?.freq === 'weekly' ? String(rule.interval) : '1');
  const [perCase, setPerCase] = useState(series?.minutesPerCase?.toString() ?? '');
  const [maxCases, setMaxCases] = useState(series?.maxCases?.toString() ?? '');
  const [minProfessions, setMinProfessions] = useState(
    String(series?.quorum.minProfessions ?? DEFAULT_QUORUM.minProfessions),
  );
  const [minMedecins, setMinMedecins] = useState(String(series?.quorum.minMedecins ?? DEFAULT_QUORUM.minMedecins));
  const [permanent, setPermanent] = useState<ReadonlySet<string>>(
    new Set(series?.permanent.length ? series.permanent : meeting.participants),
  );
  const nameOf = (id: string) => members.find((m) => m.memberId === id)?.name ?? t('concertation.unknownMember');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: SeriesInput = {
      name,
      rule:
        freq === 'monthly'
          ? { freq, weekday, rank: Number(rank) as (typeof MONTH_RANKS)[number] }
          : { freq, weekday, interval: Number(interval) },
      minutesPerCase: numberOrNull(perCase),
      maxCases: numberOrNull(maxCases),
      permanent: meeting.participants.filter((id) => permanent.has(id)),
      quorum: { minProfessions: Number(minProfessions), minMedecins: Number(minMedecins) },
    };
    const refused = onSave(input);
    // A quorum's refusal shows under its own field (« quorum.minMedecins »), the others under theirs.
    const fieldOf = (path: string) => (path.startsWith('quorum.') ? path : path.split('.')[0]!);
    setErrors(refused ? Object.fromEntries(refused.map((r) => [fieldOf(r.field), r.message])) : {});
    setSaved(!refused);
    if (!refused) setEditing(false);
  };
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);

  return (
    <section className="card stack rcp-series" aria-labelledby="series-heading">
      <h2 id="series-heading">{t('rcp.series.heading')}</h2>
      {series ? (
        <div className="stack tight" data-testid="series-summary">
          <p>
            <strong>{series.name}</strong> · {ruleLabel(t, series.rule)}
          </p>
          <p className="muted">
            {t('rcp.series.rules', {
              perCase: series.minutesPerCase
                ? t('rcp.series.perCase', { count: series.minutesPerCase })
                : t('rcp.series.noRule'),
              maxCases: series.maxCases ?? t('rcp.series.noRule'),
            })}
          </p>
          <p className="muted">
            {t('rcp.series.quorum', {
              professions: series.quorum.minProfessions,
              medecins: series.quorum.minMedecins,
            })}
          </p>
          {series.permanent.length > 0 ? (
            <p className="muted">
              {t('rcp.series.permanent')} : {series.permanent.map(nameOf).join(', ')}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t('rcp.series.none')}</p>
      )}
      {saved ? <p role="status">{t('rcp.series.saved')}</p> : null}
      <div className="row wrap no-print">
        {series ? (
          <button
            type="button"
            onClick={() =>
              // A day that cannot be read is not left out: the file still comes.
              void cancelledDays()
                .catch(() => [])
                .then((days) => downloadSeriesIcs(t, series, meeting, days))
            }
          >
            {t('rcp.series.ics')}
          </button>
        ) : null}
        {canEdit && !editing ? (
          <button type="button" onClick={() => setEditing(true)} aria-expanded={false} aria-controls="series-form">
            {series ? t('rcp.series.save') : t('rcp.series.define')}
          </button>
        ) : null}
      </div>
      {canEdit && editing ? (
        <form id="series-form" className="stack no-print" onSubmit={submit} noValidate>
          <p className="muted">{t('rcp.series.intro')}</p>
          <Field id="series-name" label={t('rcp.series.name')} error={error('name')}>
            <input id="series-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />
          </Field>
          <Field id="series-freq" label={t('rcp.series.freq')} error={error('rule')}>
            <select id="series-freq" value={freq} onChange={(e) => setFreq(e.target.value as 'monthly' | 'weekly')}>
              <option value="monthly">{t('rcp.series.freqs.monthly')}</option>
              <option value="weekly">{t('rcp.series.freqs.weekly')}</option>
            </select>
          </Field>
          {freq === 'monthly' ? (
            <Field id="series-rank" label={t('rcp.series.rank')}>
              <select id="series-rank" value={rank} onChange={(e) => setRank(e.target.value)}>
                {MONTH_RANKS.map((r) => (
                  <option key={r} value={String(r)}>
                    {t(`rcp.series.ranks.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <NumberField
              id="series-interval"
              label={t('rcp.series.interval')}
              min={1}
              max={8}
              value={interval}
              onChange={setInterval}
            />
          )}
          <Field id="series-weekday" label={t('rcp.series.weekday')}>
            <select id="series-weekday" value={weekday} onChange={(e) => setWeekday(e.target.value as Weekday)}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {t(`rcp.series.weekdays.${d}`)}
                </option>
              ))}
            </select>
          </Field>
          <NumberField
            id="series-per-case"
            label={t('rcp.series.minutesPerCase')}
            error={error('minutesPerCase')}
            min={1}
            max={180}
            value={perCase}
            onChange={setPerCase}
          />
          <NumberField
            id="series-max-cases"
            label={t('rcp.series.maxCases')}
            error={error('maxCases')}
            min={1}
            max={50}
            value={maxCases}
            onChange={setMaxCases}
          />
          <Field
            id="series-quorum-professions"
            label={t('rcp.series.quorumProfessions')}
            error={error('quorum.minProfessions')}
          >
            <input
              id="series-quorum-professions"
              type="number"
              min={1}
              max={20}
              value={minProfessions}
              onChange={(e) => setMinProfessions(e.target.value)}
            />
          </Field>
          <NumberField
            id="series-quorum-medecins"
            label={t('rcp.series.quorumMedecins')}
            error={error('quorum.minMedecins')}
            min={0}
            max={20}
            value={minMedecins}
            onChange={setMinMedecins}
          />
          <fieldset className="stack tight">
            <legend>{t('rcp.series.permanent')}</legend>
            {meeting.participants.map((id) => (
              <label key={id} className="check">
                <input
                  type="checkbox"
                  checked={permanent.has(id)}
                  onChange={(e) => {
                    const next = new Set(permanent);
                    if (e.target.checked) next.add(id);
                    else next.delete(id);
                    setPermanent(next);
                  }}
                />
                {nameOf(id)}
              </label>
            ))}
          </fieldset>
          <div>
            <button type="submit" className="primary">
              {t('rcp.series.save')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
