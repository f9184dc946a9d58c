// « Mise à jour annuelle »: when the plan's yearly update is due (a year after the last dated update), highlighted
// two months before and once overdue.
import { useTranslation } from 'react-i18next';
import { updateDueState } from '@maillage/shared';
import { parisToday } from '@maillage/shared';
import { dayLabel } from './days';

export function UpdateDue({ due }: { due: string | null }) {
  const { t } = useTranslation();
  if (!due) return null;
  const state = updateDueState(due, parisToday());
  return (
    <p className={`notice update-due due-${state}${state === 'ok' ? '' : ' warn'}`} role="note">
      <strong>{t('crisisPlan.due.label')} : </strong>
      {t(`crisisPlan.due.${state}`, { date: dayLabel(due) })}
    </p>
  );
}
