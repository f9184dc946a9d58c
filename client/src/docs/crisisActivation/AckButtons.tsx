// « Reçu, disponible / indisponible »: the two answers, one tap each, written under this member's own key.
import { useTranslation } from 'react-i18next';
import { ACK_ANSWERS, type AckAnswer } from '@maillage/shared';

export function AckButtons({
  onAnswer,
  current,
}: {
  onAnswer: (answer: AckAnswer) => void;
  current: AckAnswer | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="row wrap crisis-ack-buttons">
      {ACK_ANSWERS.map((answer) => (
        <button
          key={answer}
          type="button"
          className={answer === 'disponible' ? 'primary' : undefined}
          aria-pressed={current === answer}
          onClick={() => onAnswer(answer)}
        >
          {t(`crisis.ack.${answer}`)}
        </button>
      ))}
    </div>
  );
}
