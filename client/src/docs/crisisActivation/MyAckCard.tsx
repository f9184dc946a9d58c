// This member's own answer to an active crisis, with the escalation that called them in, if one did.
import { useTranslation } from 'react-i18next';
import type { AckAnswer, Escalation } from '@maillage/shared';
import { dayAtTime } from '../../workspace/dayAtTime';
import { AckButtons } from './AckButtons';

export function MyAckCard({
  call,
  current,
  onAnswer,
}: {
  call: Escalation | null;
  current: AckAnswer | null;
  onAnswer: (answer: AckAnswer) => void;
}) {
  const { t, i18n } = useTranslation();
  const clock = (iso: string) => {
    const at = dayAtTime(iso, i18n.language);
    return `${at.hour}:${at.minute}`;
  };
  return (
    <section className="stack card" aria-labelledby="crisis-my-ack">
      <h2 id="crisis-my-ack">{t('crisis.banner.ask')}</h2>
      {call?.group ? (
        <p className="crisis-called">
          {t('crisis.banner.calledIn', {
            group: t(`crisis.escalation.groups.${call.group}`),
            time: clock(call.at),
          })}
        </p>
      ) : null}
      <AckButtons onAnswer={onAnswer} current={current} />
    </section>
  );
}
