// From the qualification: one form turns the report into an action of the quality plan (action, objectif, responsable,
// échéance, indicateur), without waiting for a CREX. Only the report's id goes with it, never its text or reporter.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addPlanAction, type FieldError } from '@maillage/shared';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { useDirectory } from '../directory/DirectoryContext';
import { useGroups } from '../groups/GroupsContext';

interface Props {
  reportId: string;
  me: string;
  referents: ReadonlySet<string>;
}

const EMPTY = { action: '', objective: '', owner: '', due: '', indicator: '' };

export function PlanActionForm({ reportId, me, referents }: Props) {
  const { t } = useTranslation();
  const { members } = useDirectory();
  const { governance } = useGroups();
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const errorOf = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : false;
  };
  const set = (key: keyof typeof EMPTY) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!governance) return;
    const annuaire = { has: (id: string) => members.some((m) => m.memberId === id) };
    const result = addPlanAction(governance.doc, { ...draft, reportId }, me, referents, annuaire);
    setErrors(result.ok ? [] : result.errors);
    setSaved(result.ok);
    if (result.ok) setDraft(EMPTY);
  };

  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="plan-add-title">
      <h2 id="plan-add-title">{t('adverse.plan.add')}</h2>
      <p className="muted">{t('adverse.plan.addIntro')}</p>
      <Field id="plan-action" label={t('adverse.plan.action')} error={errorOf('action')}>
        <input id="plan-action" value={draft.action} maxLength={300} onChange={(e) => set('action')(e.target.value)} />
      </Field>
      <Field id="plan-objective" label={t('adverse.plan.objective')} error={errorOf('objective')}>
        <input
          id="plan-objective"
          value={draft.objective}
          maxLength={300}
          onChange={(e) => set('objective')(e.target.value)}
        />
      </Field>
      <Field id="plan-owner" label={t('adverse.plan.owner')} error={errorOf('owner')}>
        <select id="plan-owner" value={draft.owner} onChange={(e) => set('owner')(e.target.value)}>
          <option value="">{t('adverse.plan.ownerChoose')}</option>
          {members.map((m) => (
            <option key={m.memberId} value={m.memberId}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      <DateField
        id="plan-due"
        label={t('adverse.plan.due')}
        value={draft.due}
        onChange={set('due')}
        error={errorOf('due')}
      />
      <Field id="plan-indicator" label={t('adverse.plan.indicator')} error={errorOf('indicator')}>
        <input
          id="plan-indicator"
          value={draft.indicator}
          maxLength={200}
          onChange={(e) => set('indicator')(e.target.value)}
        />
      </Field>
      <div className="row">
        <button type="submit">{t('adverse.plan.save')}</button>
      </div>
      {saved ? <p role="status">{t('adverse.plan.saved')}</p> : null}
    </form>
  );
}
