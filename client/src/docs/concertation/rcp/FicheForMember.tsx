// The fiche of the case on the agenda, or, for a participant off its care team, the note that only the team reads it.
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseFiche } from './CaseFiche';
import { printCaseMinutes } from './printCaseMinutes';

type FicheProps = Omit<ComponentProps<typeof CaseFiche>, 'onPrint'>;

export function FicheForMember({ onTeam, ...fiche }: { onTeam: boolean } & FicheProps) {
  const { t } = useTranslation();
  return onTeam ? (
    <CaseFiche {...fiche} onPrint={() => printCaseMinutes()} />
  ) : (
    <div className="stack tight">
      <p role="note" data-testid="rcp-reserved">
        {t('rcp.reserved')}
      </p>
      {/* Without the patient's consent recorded, nobody outside the team sees the case: the presenter records it. */}
      {fiche.item.consentRecordedAt ? null : <p className="muted">{t('rcp.consent.missing')}</p>}
    </div>
  );
}
