// Gouvernance: the SSE référents (chosen from the annuaire: no one else can be), where the crisis cell meets, how it
// talks; and the crisis cell's members and roles.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readGovernance, updateGovernance, type DirectoryMember, type Governance } from '@maillage/shared';
import { Field } from '../../ui/Field';
import { PlanTextField } from './PlanTextField';
import { CellTable } from './CellTable';

export function GovernancePanel({
  doc,
  members,
  readOnly,
}: {
  doc: Y.Doc;
  members: readonly DirectoryMember[];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const g = readGovernance(doc);
  const annuaire = new Set(members.map((m) => m.memberId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = (patch: Partial<Governance>) => updateGovernance(doc, patch, annuaire);
  const choose = (key: 'referentTitulaire' | 'referentSuppleant', value: string) => {
    const result = save({ [key]: value || null });
    setErrors({ ...errors, [key]: result.ok ? '' : (result.errors[0]?.message ?? 'errors.invalid') });
  };
  const text = (key: 'mainPlace' | 'fallbackPlace' | 'videoLink' | 'communication', multiline = false) => (
    <PlanTextField
      id={`plan-${key}`}
      label={t(`crisisPlan.governance.${key}`)}
      hint={key === 'communication' ? t('crisisPlan.governance.communicationHint') : undefined}
      value={g[key]}
      readOnly={readOnly}
      multiline={multiline}
      type={key === 'videoLink' ? 'url' : 'text'}
      onSave={(value) => save({ [key]: value })}
    />
  );
  const referent = (key: 'referentTitulaire' | 'referentSuppleant') => (
    <Field
      id={`plan-${key}`}
      label={t(`crisisPlan.governance.${key}`)}
      hint={t('crisisPlan.governance.referentHint')}
      error={errors[key] ? t(errors[key]) : undefined}
    >
      <select id={`plan-${key}`} value={g[key] ?? ''} disabled={readOnly} onChange={(e) => choose(key, e.target.value)}>
        <option value="">{t('crisisPlan.governance.nobody')}</option>
        {members.map((m) => (
          <option key={m.memberId} value={m.memberId}>
            {m.name}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <section className="card stack" id="plan-governance" aria-labelledby="plan-governance-title">
      <h2 id="plan-governance-title">{t('crisisPlan.governance.title')}</h2>
      <div className="plan-grid">
        {referent('referentTitulaire')}
        {referent('referentSuppleant')}
        {text('mainPlace')}
        {text('fallbackPlace')}
        {text('videoLink')}
      </div>
      {text('communication', true)}
      <CellTable doc={doc} readOnly={readOnly} />
    </section>
  );
}
