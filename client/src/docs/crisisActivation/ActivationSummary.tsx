// The activation at a glance: its typology and status, the exercise it may be, the sheet to follow, the ACI figures,
// and who qualified, activated and ended it, when.
import { useTranslation } from 'react-i18next';
import type { Activation, CrisisTypology, Mobilisation } from '@maillage/shared';
import { SheetLink } from './SheetLink';
import { ActivationFacts } from './ActivationFacts';

interface Props {
  workspaceId: string;
  activation: Activation;
  typology: CrisisTypology | null;
  active: boolean;
  counts: Mobilisation | undefined;
  name: (id: string | null) => string;
}

export function ActivationSummary({ workspaceId, activation, typology, active, counts, name }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <h1>
        {t(`crisis.typologies.${typology ?? activation.typology}`)}{' '}
        <span className="badge">{t(`crisis.statuses.${active ? 'active' : 'terminee'}`)}</span>
        {activation.exercise ? <span className="badge">{t('crisis.exercise.badge')}</span> : null}
      </h1>
      {activation.exercise ? <p>{t('crisis.exercise.shown', { scenario: activation.scenario })}</p> : null}
      {typology ? <SheetLink workspaceId={workspaceId} typology={typology} /> : null}
      {counts ? (
        <p data-testid="crisis-figures">
          {t('crisis.figures.line', { mobilised: counts.mobilised, actions: counts.actionsDone })}
        </p>
      ) : null}
      <ul className="plain stack tight">
        <ActivationFacts activation={activation} name={name} />
      </ul>
    </>
  );
}
