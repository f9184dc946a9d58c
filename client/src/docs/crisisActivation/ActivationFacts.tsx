// Who qualified the crisis, its reference, who activated and who ended it, when: list items, for the screen and the
// RETEX print alike.
import { useTranslation } from 'react-i18next';
import type { Activation } from '@maillage/shared';
import { formatDate } from '../../i18n';

export function ActivationFacts({ activation, name }: { activation: Activation; name: (id: string | null) => string }) {
  const { t } = useTranslation();
  return (
    <>
      <li>
        {t('crisis.qualified', {
          authority: t(`crisis.authorities.${activation.authority}`),
          when: formatDate(activation.qualifiedAt),
        })}
      </li>
      {activation.reference ? <li>{t('crisis.reference', { reference: activation.reference })}</li> : null}
      <li>
        {t('crisis.activatedBy', {
          name: name(activation.activatedBy),
          when: formatDate(activation.activatedAt),
        })}
      </li>
      {activation.deactivatedAt ? (
        <li>
          {t('crisis.deactivatedBy', {
            name: name(activation.deactivatedBy),
            when: formatDate(activation.deactivatedAt),
          })}
        </li>
      ) : null}
    </>
  );
}
