// On the coordination file: the concertations that discussed this case, each with its compte rendu for the patient's
// record and the médecin traitant, printed alone. Read from the case itself, so only its care team sees it.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Patient } from '@maillage/shared';
import { caseReference } from '../../patientCase/caseReference';
import { CaseMinutes } from './CaseMinutes';
import { printCaseMinutes } from './printCaseMinutes';
import { useRcpFiches } from './useRcpFiches';
import { frenchDay } from './dayLabel';
import '../concertationStrings';
import './rcpStrings';
import './rcp.css';

interface Props {
  workspaceId: string;
  docId: string;
  doc: Y.Doc;
  patient: Patient | null;
  names: ReadonlyMap<string, string>;
}

export function CaseRcpHistory({ workspaceId, docId, doc, patient, names }: Props) {
  const { t } = useTranslation();
  const fiches = useRcpFiches(doc);
  if (fiches.length === 0) return null;
  return (
    <section className="card stack rcp-history" aria-labelledby="rcp-history-heading">
      <h2 id="rcp-history-heading">{t('rcp.history.heading')}</h2>
      <ul className="list">
        {fiches.map((fiche) => (
          <li key={fiche.meetingId} className="stack">
            <CaseMinutes
              reference={t('care.catalogueTitle', { reference: caseReference(docId) })}
              meeting={null}
              question={fiche.question}
              criterion={fiche.criterion}
              patient={patient}
              fiche={fiche}
              sheet={null}
              names={names}
              headingId={`case-cr-${fiche.meetingId}`}
            />
            <div className="row wrap no-print">
              <button type="button" onClick={(e) => printCaseMinutes(e.currentTarget.closest('li'))}>
                {t('rcp.history.print', { date: fiche.date ? frenchDay(fiche.date) : '' })}
              </button>
              <Link to="/w/$workspaceId/concertations/$docId" params={{ workspaceId, docId: fiche.meetingId }}>
                {t('rcp.history.openMeeting')}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
