// The ACI indicators of the year: each one's value (computed by Maillage, or entered by a coordinator with its
// source) against its socle, intermédiaire and objectif. Coordinators enter the annex and the hand-entered values.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setAciManualValue, type IndicatorProgress } from '@maillage/shared';
import { Field } from '../../ui/Field';
import { useGroups } from '../groups/GroupsContext';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { AciAnnexEditor } from './AciAnnexEditor';
import { parseNumber } from './parseNumber';
import type { QualityData } from './useQualityData';

function ManualValueForm({ progress, year }: { progress: IndicatorProgress; year: number }) {
  const { t } = useTranslation();
  const { governance } = useGroups();
  const { role } = useWorkspace();
  const id = `aci-value-${progress.indicator.id}`;
  const [value, setValue] = useState(progress.value === null ? '' : String(progress.value));
  const [source, setSource] = useState(progress.source);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="stack aci-value-form"
      aria-label={`${t('quality.aci.enter')} — ${progress.indicator.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!governance) return;
        const result = setAciManualValue(
          governance.doc,
          year,
          progress.indicator.id,
          { value: parseNumber(value), source },
          role,
        );
        setSaved(result.ok);
        setErrors(result.ok ? {} : Object.fromEntries(result.errors.map((er) => [er.field, t(er.message)])));
      }}
    >
      <div className="row wrap">
        <Field id={`${id}-v`} label={t('quality.aci.value', { year })} error={errors.value}>
          <input id={`${id}-v`} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        </Field>
        <Field id={`${id}-s`} label={t('quality.aci.source')} hint={t('quality.aci.sourceHint')} error={errors.source}>
          <input id={`${id}-s`} value={source} onChange={(e) => setSource(e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <button type="submit" className="small">
          {t('quality.aci.saveValue')}
        </button>
        {saved ? (
          <span role="status" className="muted">
            {t('quality.aci.valueSaved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

export function AciPanel({ data, year, coordinator }: { data: QualityData; year: number; coordinator: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  // One mission at a time when the annex has several: each is reported to the ACI on its own.
  const [missionId, setMissionId] = useState('');
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const { annex, progress } = data;
  return (
    <section className="stack" aria-labelledby="aci-heading">
      <h2 id="aci-heading">{t('quality.aci.heading')}</h2>
      <p className="muted">{t('quality.aci.intro')}</p>
      {!annex ? (
        <p className="empty">
          {t('quality.aci.noAnnex')} {coordinator ? null : t('quality.aci.noAnnexAsk')}
        </p>
      ) : null}
      {annex && annex.length > 1 ? (
        <div className="field compact">
          <label htmlFor="aci-mission">{t('quality.aci.missionFilter')}</label>
          <select id="aci-mission" value={missionId} onChange={(e) => setMissionId(e.target.value)}>
            <option value="">{t('quality.aci.allMissions')}</option>
            {annex.map((mission) => (
              <option key={mission.id} value={mission.id}>
                {mission.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {annex
        ?.filter((mission) => !missionId || mission.id === missionId)
        .map((mission) => (
          <section key={mission.id} className="card stack" aria-label={mission.label}>
            <h3>{mission.label}</h3>
            {mission.actions.map((action) => (
              <div key={action.id} className="stack">
                <h4>{action.label}</h4>
                <ul className="aci-indicators">
                  {progress
                    .filter((p) => p.actionId === action.id)
                    .map((p) => (
                      <li key={p.indicator.id} className="stack" data-testid="aci-indicator">
                        <strong>{p.indicator.label}</strong>
                        <meter
                          min={0}
                          max={p.indicator.objectif}
                          low={p.indicator.socle}
                          high={p.indicator.intermediaire}
                          optimum={p.indicator.objectif}
                          value={p.value ?? 0}
                          aria-label={t('quality.aci.progress', {
                            indicator: p.indicator.label,
                            value: p.value === null ? t('quality.aci.notEntered') : number.format(p.value),
                            objectif: number.format(p.indicator.objectif),
                          })}
                        />
                        <span>
                          {p.value === null ? t('quality.aci.notEntered') : number.format(p.value)} ·{' '}
                          {t('quality.columns.reached')} :{' '}
                          {p.reached ? t(`quality.aci.levels.${p.reached}`) : t('quality.aci.belowSocle')}
                          {p.next
                            ? ` · ${t('quality.aci.next', {
                                level: t(`quality.aci.levels.${p.next}`),
                                value: number.format(p.indicator[p.next]),
                              })}`
                            : null}
                        </span>
                        <span className="muted small">
                          {p.computed
                            ? `${t('quality.aci.computed')} (${t(`quality.aci.measures.${p.indicator.measure}`)})`
                            : p.source
                              ? `${t('quality.aci.source')} : ${p.source}`
                              : t('quality.aci.measures.manuel')}
                          {' · '}
                          {t('quality.columns.socle')} {number.format(p.indicator.socle)} ·{' '}
                          {t('quality.columns.intermediaire')} {number.format(p.indicator.intermediaire)} ·{' '}
                          {t('quality.columns.objectif')} {number.format(p.indicator.objectif)} ·{' '}
                          {t('quality.columns.amount')} {number.format(p.indicator.amount)}
                        </span>
                        {coordinator && !p.computed ? <ManualValueForm key={year} progress={p} year={year} /> : null}
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      {coordinator ? (
        editing ? (
          <AciAnnexEditor annex={annex} onDone={() => setEditing(false)} />
        ) : (
          <div className="row no-print">
            <button type="button" onClick={() => setEditing(true)}>
              {annex ? t('quality.aci.editAgain') : t('quality.aci.edit')}
            </button>
          </div>
        )
      ) : null}
    </section>
  );
}
