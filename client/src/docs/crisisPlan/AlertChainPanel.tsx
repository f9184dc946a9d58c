// La chaîne d'alerte: who may trigger the plan (DG ARS, préfet, ministre), the channel, the on-call number, the cascade
// to members, the acknowledgement expected and the delay before the next group is alerted.
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CRISIS_AUTHORITIES, readAlertChain, updateAlertChain, type AlertChain } from '@maillage/shared';
import { PlanTextField } from './PlanTextField';

export function AlertChainPanel({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const { t } = useTranslation();
  const a = readAlertChain(doc);
  const save = (patch: Partial<AlertChain>) => updateAlertChain(doc, patch);
  const text = (key: 'channel' | 'onCallNumber' | 'cascade' | 'acknowledgement', multiline = false) => (
    <PlanTextField
      id={`plan-alert-${key}`}
      label={t(`crisisPlan.alert.${key}`)}
      value={a[key]}
      readOnly={readOnly}
      multiline={multiline}
      type={key === 'onCallNumber' ? 'tel' : 'text'}
      onSave={(value) => save({ [key]: value })}
    />
  );
  return (
    <section className="card stack" id="plan-alert" aria-labelledby="plan-alert-title">
      <h2 id="plan-alert-title">{t('crisisPlan.alert.title')}</h2>
      <fieldset className="typology-choices">
        <legend>{t('crisisPlan.alert.issuers')}</legend>
        {CRISIS_AUTHORITIES.map((authority) => (
          <label key={authority} className="choice">
            <input
              type="checkbox"
              checked={a.issuers.includes(authority)}
              disabled={readOnly}
              onChange={(e) =>
                save({
                  issuers: e.target.checked ? [...a.issuers, authority] : a.issuers.filter((i) => i !== authority),
                })
              }
            />{' '}
            {t(`crisisPlan.authority.${authority}`)}
          </label>
        ))}
      </fieldset>
      <div className="plan-grid">
        {text('channel')}
        {text('onCallNumber')}
        <PlanTextField
          id="plan-alert-escalationMinutes"
          label={t('crisisPlan.alert.escalationMinutes')}
          value={a.escalationMinutes === null ? '' : String(a.escalationMinutes)}
          readOnly={readOnly}
          type="number"
          onSave={(value) => save({ escalationMinutes: value.trim() === '' ? null : Number(value) })}
        />
      </div>
      {text('cascade', true)}
      {text('acknowledgement', true)}
    </section>
  );
}
