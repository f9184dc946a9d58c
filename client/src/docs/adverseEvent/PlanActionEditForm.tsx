// A référent edits one action of the quality plan in place: wording, objectif, responsable, échéance, indicateur,
// statut. Only what changed is written; a new responsable finds it under « Pour vous », the previous one no longer.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { editPlanAction, PLAN_ACTION_STATUSES, type FieldError, type PlanAction } from '@maillage/shared';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { useDirectory } from '../directory/DirectoryContext';
import { useGroups } from '../groups/GroupsContext';

interface Props {
  action: PlanAction;
  me: string;
  referents: ReadonlySet<string>;
  onDone: (saved: boolean) => void;
}

export function PlanActionEditForm({ action, me, referents, onDone }: Props) {
  const { t } = useTranslation();
  const { members } = useDirectory();
  const { governance } = useGroups();
  const { id, action: wording, objective, owner, due, indicator, status } = action;
  const [draft, setDraft] = useState({ action: wording, objective, owner, due, indicator, status: status as string });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const errorOf = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : false;
  };
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const field = (name: string) => `plan-edit-${id}-${name}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!governance) return;
    const annuaire = { has: (memberId: string) => members.some((m) => m.memberId === memberId) };
    const result = editPlanAction(governance.doc, id, draft, me, referents, annuaire);
    setErrors(result.ok ? [] : result.errors);
    if (result.ok) onDone(true);
  };

  return (
    <form
      className="stack card"
      onSubmit={submit}
      noValidate
      aria-label={t('adverse.plan.editOf', { action: wording })}
    >
      <Field id={field('action')} label={t('adverse.plan.action')} error={errorOf('action')}>
        <input
          id={field('action')}
          value={draft.action}
          maxLength={300}
          onChange={(e) => set('action')(e.target.value)}
        />
      </Field>
      <Field id={field('objective')} label={t('adverse.plan.objective')} error={errorOf('objective')}>
        <input
          id={field('objective')}
          value={draft.objective}
          maxLength={300}
          onChange={(e) => set('objective')(e.target.value)}
        />
      </Field>
      <Field id={field('owner')} label={t('adverse.plan.owner')} error={errorOf('owner')}>
        <select id={field('owner')} value={draft.owner} onChange={(e) => set('owner')(e.target.value)}>
          <option value="">{t('adverse.plan.ownerChoose')}</option>
          {members.map((m) => (
            <option key={m.memberId} value={m.memberId}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      <DateField
        id={field('due')}
        label={t('adverse.plan.due')}
        value={draft.due}
        onChange={set('due')}
        error={errorOf('due')}
      />
      <Field id={field('indicator')} label={t('adverse.plan.indicator')} error={errorOf('indicator')}>
        <input
          id={field('indicator')}
          value={draft.indicator}
          maxLength={200}
          onChange={(e) => set('indicator')(e.target.value)}
        />
      </Field>
      <Field id={field('status')} label={t('adverse.plan.status')} error={errorOf('status')}>
        <select id={field('status')} value={draft.status} onChange={(e) => set('status')(e.target.value)}>
          {PLAN_ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`adverse.plan.statuses.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="row">
        <button type="submit">{t('adverse.plan.editSave')}</button>
        <button type="button" className="ghost" onClick={() => onDone(false)}>
          {t('adverse.plan.editCancel')}
        </button>
      </div>
    </form>
  );
}
