// The coordinator enters the ACI contract's annex: missions → actions → indicators (thresholds and amount). Saved
// whole; anything refused is listed with where it is, in French, and nothing is written.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, Trash2 } from 'lucide-react';
import { ACI_MEASURES, setAciAnnex, type AciAnnex, type AciMeasure } from '@maillage/shared';
import { useGroups } from '../groups/GroupsContext';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { parseNumber } from './parseNumber';

const NUMBERS = ['socle', 'intermediaire', 'objectif', 'amount'] as const;
type NumberField = (typeof NUMBERS)[number];

interface IndicatorDraft extends Record<NumberField, string> {
  id: string;
  label: string;
  measure: AciMeasure;
}
interface ActionDraft {
  id: string;
  label: string;
  indicators: IndicatorDraft[];
}
interface MissionDraft {
  id: string;
  label: string;
  actions: ActionDraft[];
}

const newId = () => crypto.randomUUID();
const newIndicator = (): IndicatorDraft => ({
  id: newId(),
  label: '',
  measure: 'manuel',
  socle: '',
  intermediaire: '',
  objectif: '',
  amount: '',
});
const newAction = (): ActionDraft => ({ id: newId(), label: '', indicators: [newIndicator()] });
const newMission = (): MissionDraft => ({ id: newId(), label: '', actions: [newAction()] });

const toDraft = (annex: AciAnnex): MissionDraft[] =>
  annex.map((m) => ({
    ...m,
    actions: m.actions.map((a) => ({
      ...a,
      indicators: a.indicators.map((i) => ({
        ...i,
        socle: String(i.socle),
        intermediaire: String(i.intermediaire),
        objectif: String(i.objectif),
        amount: String(i.amount),
      })),
    })),
  }));

const fromDraft = (missions: MissionDraft[]) =>
  missions.map((m) => ({
    ...m,
    actions: m.actions.map((a) => ({
      ...a,
      indicators: a.indicators.map((i) => ({
        ...i,
        socle: parseNumber(i.socle),
        intermediaire: parseNumber(i.intermediaire),
        objectif: parseNumber(i.objectif),
        amount: parseNumber(i.amount),
      })),
    })),
  }));

export function AciAnnexEditor({ annex, onDone }: { annex: AciAnnex | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { governance } = useGroups();
  const { role } = useWorkspace();
  const [missions, setMissions] = useState<MissionDraft[]>(() => (annex ? toDraft(annex) : [newMission()]));
  const [errors, setErrors] = useState<string[]>([]);

  const change = (update: (draft: MissionDraft[]) => void) => {
    const next = structuredClone(missions);
    update(next);
    setMissions(next);
  };

  /** « 0.actions.1.indicators.0.socle » → « Mission 1, action 2, indicateur 1 ». */
  const where = (field: string) => {
    const parts = field.split('.');
    const names: string[] = [];
    const m = Number(parts[0]);
    if (parts[0] !== '' && Number.isInteger(m)) names.push(t('quality.aci.mission', { n: m + 1 }));
    const a = parts.indexOf('actions');
    if (a >= 0 && parts[a + 1] !== undefined) names.push(t('quality.aci.actionAt', { n: Number(parts[a + 1]) + 1 }));
    const i = parts.indexOf('indicators');
    if (i >= 0 && parts[i + 1] !== undefined) names.push(t('quality.aci.indicatorAt', { n: Number(parts[i + 1]) + 1 }));
    return names.join(', ');
  };

  const save = () => {
    if (!governance) return;
    const result = setAciAnnex(governance.doc, fromDraft(missions), role);
    if (result.ok) {
      onDone();
      return;
    }
    const seen = new Set<string>();
    setErrors(
      result.errors.flatMap((e) => {
        const place = where(e.field);
        const line = place ? t('quality.aci.where', { where: place, message: t(e.message) }) : t(e.message);
        if (seen.has(line)) return [];
        seen.add(line);
        return [line];
      }),
    );
  };

  const numberLabel = (field: NumberField) =>
    field === 'amount' ? t('quality.columns.amount') : t(`quality.columns.${field}`);

  return (
    <form
      className="card stack aci-editor"
      aria-labelledby="aci-editor-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 id="aci-editor-title">{t('quality.aci.editorTitle')}</h3>
      <p className="muted">{t('quality.aci.editorIntro')}</p>
      {missions.map((mission, mi) => (
        <fieldset key={mission.id} className="stack aci-mission">
          <legend>{t('quality.aci.mission', { n: mi + 1 })}</legend>
          <div className="field">
            <label htmlFor={`${mission.id}-label`}>{t('quality.aci.missionLabel')}</label>
            <input
              id={`${mission.id}-label`}
              value={mission.label}
              onChange={(e) => change((d) => void (d[mi]!.label = e.target.value))}
            />
          </div>
          {mission.actions.map((action, ai) => (
            <fieldset key={action.id} className="stack aci-action">
              <legend>{t('quality.aci.action', { n: ai + 1 })}</legend>
              <div className="field">
                <label htmlFor={`${action.id}-label`}>{t('quality.aci.actionLabel')}</label>
                <input
                  id={`${action.id}-label`}
                  value={action.label}
                  onChange={(e) => change((d) => void (d[mi]!.actions[ai]!.label = e.target.value))}
                />
              </div>
              {action.indicators.map((indicator, ii) => {
                const edit = (update: (draft: IndicatorDraft) => void) =>
                  change((d) => update(d[mi]!.actions[ai]!.indicators[ii]!));
                return (
                  <fieldset key={indicator.id} className="stack aci-indicator">
                    <legend>{t('quality.aci.indicator', { n: ii + 1 })}</legend>
                    <div className="field">
                      <label htmlFor={`${indicator.id}-label`}>{t('quality.aci.indicatorLabel')}</label>
                      <input
                        id={`${indicator.id}-label`}
                        value={indicator.label}
                        onChange={(e) => edit((d) => void (d.label = e.target.value))}
                      />
                    </div>
                    <div className="field">
                      <label htmlFor={`${indicator.id}-measure`}>{t('quality.aci.measure')}</label>
                      <select
                        id={`${indicator.id}-measure`}
                        value={indicator.measure}
                        onChange={(e) => edit((d) => void (d.measure = e.target.value as AciMeasure))}
                      >
                        {ACI_MEASURES.map((m) => (
                          <option key={m} value={m}>
                            {t(`quality.aci.measures.${m}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="aci-numbers">
                      {NUMBERS.map((field) => (
                        <div key={field} className="field compact">
                          <label htmlFor={`${indicator.id}-${field}`}>{numberLabel(field)}</label>
                          <input
                            id={`${indicator.id}-${field}`}
                            inputMode="decimal"
                            value={indicator[field]}
                            onChange={(e) => edit((d) => void (d[field] = e.target.value))}
                          />
                        </div>
                      ))}
                    </div>
                    {action.indicators.length > 1 ? (
                      <button
                        type="button"
                        className="ghost small"
                        onClick={() => change((d) => void d[mi]!.actions[ai]!.indicators.splice(ii, 1))}
                      >
                        <Trash2 aria-hidden="true" size={16} /> {t('quality.aci.removeIndicator', { n: ii + 1 })}
                      </button>
                    ) : null}
                  </fieldset>
                );
              })}
              <div className="row wrap">
                <button
                  type="button"
                  className="ghost small"
                  onClick={() => change((d) => void d[mi]!.actions[ai]!.indicators.push(newIndicator()))}
                >
                  <Plus aria-hidden="true" size={16} /> {t('quality.aci.addIndicator')}
                </button>
                {mission.actions.length > 1 ? (
                  <button
                    type="button"
                    className="ghost small"
                    onClick={() => change((d) => void d[mi]!.actions.splice(ai, 1))}
                  >
                    <Trash2 aria-hidden="true" size={16} /> {t('quality.aci.removeAction', { n: ai + 1 })}
                  </button>
                ) : null}
              </div>
            </fieldset>
          ))}
          <div className="row wrap">
            <button
              type="button"
              className="ghost small"
              onClick={() => change((d) => void d[mi]!.actions.push(newAction()))}
            >
              <Plus aria-hidden="true" size={16} /> {t('quality.aci.addAction')}
            </button>
            {missions.length > 1 ? (
              <button type="button" className="ghost small" onClick={() => change((d) => void d.splice(mi, 1))}>
                <Trash2 aria-hidden="true" size={16} /> {t('quality.aci.removeMission', { n: mi + 1 })}
              </button>
            ) : null}
          </div>
        </fieldset>
      ))}
      <div className="row">
        <button type="button" className="ghost small" onClick={() => change((d) => void d.push(newMission()))}>
          <Plus aria-hidden="true" size={16} /> {t('quality.aci.addMission')}
        </button>
      </div>
      {errors.length > 0 ? (
        <div role="alert" className="error-summary">
          <p>{t('quality.aci.refused')}</p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="row">
        <button type="submit" className="primary">
          {t('quality.aci.save')}
        </button>
        <button type="button" className="ghost" onClick={onDone}>
          {t('quality.aci.cancel')}
        </button>
      </div>
    </form>
  );
}
