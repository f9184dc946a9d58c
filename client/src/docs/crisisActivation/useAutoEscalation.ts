// The alert goes on to the next group by itself when the plan's delay passed with too few available: any device of the
// cell that has the crisis open writes it (two at once count once: alertedGroups).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { escalate, escalationDue, type CrisisActor, type EscalationGroup, type EscalationRule } from '@maillage/shared';
import type { ActivationSnapshot } from './useActivation';

export function useAutoEscalation(
  doc: Y.Doc | null,
  /** The crisis is active and this device is the cell's. */
  enabled: boolean,
  rule: EscalationRule,
  snapshot: ActivationSnapshot | null,
  actor: CrisisActor,
  groupMembers: (group: EscalationGroup | null) => string[],
): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (!doc || !enabled) return;
    const check = () => {
      const group = escalationDue(doc, rule);
      if (!group) return;
      const available = snapshot?.acks.filter((a) => a.answer === 'disponible').length ?? 0;
      const reason = t('crisis.escalation.autoReason', {
        group: t(`crisis.escalation.groups.${group}`),
        available,
        minutes: rule.delayMinutes,
      });
      escalate(doc, { group, reason }, actor, new Date(), true, groupMembers(group));
    };
    check();
    const timer = setInterval(check, 30_000);
    return () => clearInterval(timer);
  }, [doc, enabled, rule, snapshot, actor, t, groupMembers]);
}
