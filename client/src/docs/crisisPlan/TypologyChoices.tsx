// The five ORSAN typologies as boxes to tick (a place, a volunteer): all five visible, each with its short name.
import { useTranslation } from 'react-i18next';
import { CRISIS_TYPOLOGIES, type CrisisTypology } from '@maillage/shared';
import './crisisPlan.css';

export function TypologyChoices({
  legend,
  value,
  onChange,
  disabled,
  idPrefix,
}: {
  legend: string;
  value: readonly CrisisTypology[];
  onChange: (next: CrisisTypology[]) => void;
  disabled?: boolean;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="typology-choices">
      <legend>{legend}</legend>
      {CRISIS_TYPOLOGIES.map((typology) => (
        <label key={typology} className="choice" htmlFor={`${idPrefix}-${typology}`}>
          <input
            id={`${idPrefix}-${typology}`}
            type="checkbox"
            checked={value.includes(typology)}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked ? [...value, typology] : value.filter((x) => x !== typology))}
          />{' '}
          {t(`crisisPlan.typologyShort.${typology}`)}
        </label>
      ))}
    </fieldset>
  );
}
