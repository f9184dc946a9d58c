// Escalation: the alert extended to the next group (suppléants, then volunteers) or a new typology, with who and when
// and whom it called in. A référent or coordinator records one; a cell device records the plan's automatic one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CRISIS_TYPOLOGIES,
  ESCALATION_GROUPS,
  type CrisisTypology,
  type Escalation,
  type EscalationGroup,
  type EscalationInput,
  type FieldError,
} from '@maillage/shared';
import { Field } from '../../ui/Field';
import { formatDate } from '../../i18n';

interface Props {
  escalations: Escalation[];
  typology: CrisisTypology | null;
  canEscalate: boolean;
  nameOf: (memberId: string) => string;
  onEscalate: (input: EscalationInput) => FieldError[] | null;
}

export function EscalationPanel({ escalations, typology, canEscalate, nameOf, onEscalate }: Props) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<EscalationGroup | ''>('');
  const [next, setNext] = useState<CrisisTypology | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? t(e.message) : false;
  };
  const what = (e: Escalation) =>
    [
      e.group ? t('crisis.escalation.alerted', { group: t(`crisis.escalation.groups.${e.group}`) }) : null,
      e.group
        ? e.alerted.length > 0
          ? t('crisis.escalation.called', { count: e.alerted.length, names: e.alerted.map(nameOf).join(', ') })
          : t('crisis.escalation.calledNobody')
        : null,
      e.typology ? t('crisis.escalation.typologyChanged', { typology: t(`crisis.typologies.${e.typology}`) }) : null,
      e.automatic ? t('crisis.escalation.automatic') : null,
    ]
      .filter(Boolean)
      .join(', ');
  const submit = () => {
    const refused = onEscalate({ group: group || null, typology: next || null, reason });
    setErrors(refused ?? []);
    if (!refused) {
      setGroup('');
      setNext('');
      setReason('');
    }
  };
  return (
    <section className="stack card" aria-labelledby="crisis-escalation-heading" data-testid="crisis-escalation">
      <h2 id="crisis-escalation-heading">{t('crisis.escalation.heading')}</h2>
      {escalations.length === 0 ? (
        <p className="empty">{t('crisis.escalation.none')}</p>
      ) : (
        <ul>
          {escalations.map((e) => (
            <li key={e.id}>
              {t('crisis.escalation.item', {
                when: formatDate(e.at),
                name: nameOf(e.by),
                what: what(e),
                reason: e.reason,
              })}
            </li>
          ))}
        </ul>
      )}
      {canEscalate ? (
        <form
          className="stack"
          aria-label={t('crisis.escalation.submit')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <p className="muted">{t('crisis.escalation.intro')}</p>
          <Field id="crisis-escalation-group" label={t('crisis.escalation.group')} error={errorOf('group')}>
            <select
              id="crisis-escalation-group"
              value={group}
              onChange={(e) => setGroup(e.target.value as EscalationGroup | '')}
            >
              <option value="">{t('crisis.escalation.noGroup')}</option>
              {ESCALATION_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`crisis.escalation.groups.${g}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="crisis-escalation-typology" label={t('crisis.escalation.typology')} error={errorOf('typology')}>
            <select
              id="crisis-escalation-typology"
              value={next}
              onChange={(e) => setNext(e.target.value as CrisisTypology | '')}
            >
              <option value="">{t('crisis.escalation.sameTypology')}</option>
              {CRISIS_TYPOLOGIES.filter((c) => c !== typology).map((c) => (
                <option key={c} value={c}>
                  {t(`crisis.typologies.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="crisis-escalation-reason" label={t('crisis.escalation.reason')} error={errorOf('reason')}>
            <input id="crisis-escalation-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          {errorOf('actor') || errorOf('activation') ? (
            <p className="error" role="alert">
              {errorOf('actor') || errorOf('activation')}
            </p>
          ) : null}
          <div className="row">
            <button type="submit" className="primary">
              {t('crisis.escalation.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
