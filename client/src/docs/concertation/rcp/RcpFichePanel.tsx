// « Fiche RCP » on the meeting screen: pick the case being discussed, write its fiche in the case's own document.
// A participant not on that case's care team is told so and nothing of the case is asked for (decision 0038).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, CatalogueItem, DirectoryMember, Meeting, Signature } from '@maillage/shared';
import { FicheForMember } from './FicheForMember';

interface Props {
  workspaceId: string;
  meetingId: string;
  meeting: Meeting;
  agenda: AgendaItem[];
  cases: readonly CatalogueItem[];
  members: readonly DirectoryMember[];
  sheet: readonly Signature[];
  me: string;
  canWrite: boolean;
  onDecisionRecorded: (itemId: string) => void;
  onConsentRecorded: (itemId: string) => void;
}

export function RcpFichePanel({
  workspaceId,
  meetingId,
  meeting,
  agenda,
  cases,
  members,
  sheet,
  me,
  canWrite,
  onDecisionRecorded,
  onConsentRecorded,
}: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string>('');
  const item = agenda.find((i) => i.id === chosen) ?? agenda[0] ?? null;
  const entry = item ? cases.find((c) => c.docId === item.caseId) : undefined;
  // The catalogue lists whom the case is shared with: someone else's case is not even asked for.
  const onTeam = !!entry && (entry.restrictedTo ?? []).includes(me);

  return (
    <section className="card stack rcp-fiche" aria-labelledby="rcp-heading">
      <h2 id="rcp-heading">{t('rcp.heading')}</h2>
      <p className="muted no-print">{t('rcp.intro')}</p>
      {!item ? (
        <p className="empty">{t('rcp.noAgenda')}</p>
      ) : (
        <>
          <div className="field no-print">
            <label htmlFor="rcp-case">{t('rcp.chooseCase')}</label>
            <select id="rcp-case" value={item.id} onChange={(e) => setChosen(e.target.value)}>
              {agenda.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label}
                </option>
              ))}
            </select>
          </div>
          <FicheForMember
            key={item.id}
            onTeam={onTeam}
            workspaceId={workspaceId}
            meetingId={meetingId}
            meeting={meeting}
            item={item}
            members={members}
            sheet={sheet}
            canWrite={canWrite}
            onRecorded={() => onDecisionRecorded(item.id)}
            onConsentRecorded={() => onConsentRecorded(item.id)}
          />
        </>
      )}
    </section>
  );
}
