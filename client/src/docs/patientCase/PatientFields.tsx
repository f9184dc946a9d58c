// The pseudonymised patient's fields, for creating a case and editing its header: initials, never a name.
import { useTranslation } from 'react-i18next';
import { COMMON_PATHWAYS, FRAGILITIES, MT_STATUSES, SEXES } from '@maillage/shared';
import { Field } from '../../ui/Field';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import type { PatientDraft } from './patientDraft';

interface PatientFieldsProps {
  idPrefix: string;
  draft: PatientDraft;
  errors: Record<string, string>;
  onChange: (draft: PatientDraft) => void;
}

export function PatientFields({ idPrefix, draft, errors, onChange }: PatientFieldsProps) {
  const { t } = useTranslation();
  const territory = useWorkspace().territory ?? [];
  const id = (field: string) => `${idPrefix}-${field}`;
  const error = (field: string) => errors[field] && t(errors[field]);
  const set = (patch: Partial<PatientDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="stack">
      <div className="grid level-foot">
        <Field
          id={id('initials')}
          label={t('care.patient.initials')}
          hint={t('care.patient.initialsHint')}
          error={error('initials')}
        >
          <input
            id={id('initials')}
            value={draft.initials}
            autoComplete="off"
            maxLength={12}
            onChange={(e) => set({ initials: e.target.value })}
          />
        </Field>
        <Field id={id('birthYear')} label={t('care.patient.birthYear')} error={error('birthYear')}>
          <input
            id={id('birthYear')}
            value={draft.birthYear}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            onChange={(e) => set({ birthYear: e.target.value })}
          />
        </Field>
        <Field id={id('sex')} label={t('care.patient.sex')} error={error('sex')}>
          <select id={id('sex')} value={draft.sex} onChange={(e) => set({ sex: e.target.value })}>
            <option value="">{t('profile.choose')}</option>
            {SEXES.map((s) => (
              <option key={s} value={s}>
                {t(`care.patient.sexes.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('commune')} label={t('care.patient.commune')} error={error('commune')}>
          <input
            id={id('commune')}
            value={draft.commune}
            list={id('communes')}
            autoComplete="off"
            onChange={(e) => set({ commune: e.target.value })}
          />
        </Field>
      </div>
      <datalist id={id('communes')}>
        {territory.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <fieldset className="plain">
        <legend>{t('care.patient.mtStatus')}</legend>
        <div className="row">
          {MT_STATUSES.map((s) => (
            <label key={s} className="check">
              <input
                type="radio"
                name={id('mtStatus')}
                value={s}
                checked={draft.mtStatus === s}
                onChange={() => set({ mtStatus: s })}
              />
              {t(`care.patient.mtStatuses.${s}`)}
            </label>
          ))}
        </div>
        {errors.mtStatus ? (
          <p className="error" role="alert">
            {t(errors.mtStatus)}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="plain">
        <legend>{t('care.patient.fragility')}</legend>
        <div className="row">
          {FRAGILITIES.map((f) => (
            <label key={f} className="check">
              <input
                type="checkbox"
                checked={draft.fragility.includes(f)}
                onChange={(e) =>
                  set({
                    fragility: e.target.checked ? [...draft.fragility, f] : draft.fragility.filter((x) => x !== f),
                  })
                }
              />
              {t(`care.patient.fragilities.${f}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id={id('pathway')} label={t('care.patient.pathway')} error={error('pathway')}>
        <input
          id={id('pathway')}
          value={draft.pathway}
          list={id('pathways')}
          placeholder={t('care.patient.pathwayPlaceholder')}
          onChange={(e) => set({ pathway: e.target.value })}
        />
      </Field>
      <datalist id={id('pathways')}>
        {COMMON_PATHWAYS.map((p) => (
          <option key={p} value={t(`care.pathways.${p}`)} />
        ))}
      </datalist>
    </div>
  );
}
