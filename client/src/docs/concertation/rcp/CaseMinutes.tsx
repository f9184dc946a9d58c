// The compte rendu of one case for the patient's file and the médecin traitant: the meeting, the question, what was
// discussed, proposed and decided, and the actions. Printed alone (print CSS); read from the case's own document, so
// only its care team ever sees it.
import { useTranslation } from 'react-i18next';
import {
  parisToday,
  type AciCriterion,
  type Meeting,
  type Patient,
  type RcpFiche,
  type Signature,
} from '@maillage/shared';
import { frenchDay } from './dayLabel';
import { memberNameOr } from '../../directory/memberName';

interface Props {
  /** The case's neutral reference, as the catalogue shows it. */
  reference: string;
  /** The meeting when printed from its screen; from the case, the day the fiche noted. */
  meeting: Pick<Meeting, 'type' | 'date' | 'start' | 'end'> | null;
  question: string;
  criterion: AciCriterion | null;
  patient: Patient | null;
  fiche: RcpFiche;
  /** Who signed the meeting's sheet, when printed from the meeting's screen. */
  sheet: readonly Signature[] | null;
  names: ReadonlyMap<string, string>;
  /** Unique on the page: the case screen lists one compte rendu per meeting. */
  headingId: string;
}

export function CaseMinutes({
  reference,
  meeting,
  question,
  criterion,
  patient,
  fiche,
  sheet,
  names,
  headingId,
}: Props) {
  const { t } = useTranslation();
  const empty = t('rcp.cr.empty');
  const nameOf = (id: string) => memberNameOr(names, id, t('concertation.unknownMember'));
  const meetingLine = (m: Pick<Meeting, 'type' | 'date' | 'start' | 'end'>) =>
    `${t(`concertation.types.${m.type}`)} · ${frenchDay(m.date)} · ${m.start}–${m.end}`;
  return (
    <article className="case-cr stack" aria-labelledby={headingId} data-testid="case-cr">
      <h3 id={headingId}>{t('rcp.cr.heading')}</h3>
      <p className="muted">{t('rcp.cr.purpose')}</p>
      <dl className="details">
        <dt>{t('rcp.cr.patient')}</dt>
        <dd>
          {reference}
          {patient
            ? ` — ${t('rcp.cr.patientValue', { initials: patient.initials, birthYear: patient.birthYear })}`
            : ''}
        </dd>
        <dt>{t('rcp.cr.meeting')}</dt>
        <dd>
          {meeting
            ? meetingLine(meeting)
            : fiche.date && fiche.held
              ? meetingLine({ ...fiche.held, date: fiche.date })
              : fiche.date
                ? frenchDay(fiche.date)
                : empty}
        </dd>
        {sheet ? (
          <div className="contents">
            <dt>{t('rcp.cr.participants')}</dt>
            <dd>
              {sheet.length
                ? sheet
                    .map((s) => `${s.name} (${t(`professions.${s.profession}`, { defaultValue: s.profession })})`)
                    .join(', ')
                : empty}
            </dd>
          </div>
        ) : null}
        <dt>{t('rcp.cr.question')}</dt>
        <dd>{question || empty}</dd>
        <dt>{t('rcp.cr.criterion')}</dt>
        <dd>{criterion ? t(`concertation.criteria.${criterion}`) : empty}</dd>
        {(['discussion', 'proposition', 'decision'] as const).map((field) => (
          <div key={field} className="contents">
            <dt>{t(`rcp.fields.${field}`)}</dt>
            <dd className="pre-line">{fiche[field] || empty}</dd>
          </div>
        ))}
        <dt>{t('rcp.actions.heading')}</dt>
        <dd>
          {fiche.actions.length === 0 ? (
            empty
          ) : (
            <ul>
              {fiche.actions.map((a) => (
                <li key={a.id}>
                  {t('rcp.cr.action', {
                    text: a.text,
                    owner: a.owner ? nameOf(a.owner) : t('rcp.actions.noOwner'),
                    due: a.due ? frenchDay(a.due) : t('rcp.cr.noDue'),
                  })}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {fiche.decided ? (
        <p>
          {t('rcp.recorded', {
            date: frenchDay(parisToday(new Date(fiche.decided.decidedAt))),
            name: nameOf(fiche.decided.decidedBy),
          })}
        </p>
      ) : null}
    </article>
  );
}
