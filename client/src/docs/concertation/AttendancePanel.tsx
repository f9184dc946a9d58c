// Before the meeting: each participant answers for themself (présent / excusé); the quorum rule reads the answers.
// During it: each person present ticks their own line of the émargement; the animateur closes the sheet, after a
// confirmation naming who has not signed yet.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkQuorum,
  unsignedParticipants,
  type Attendance,
  type AttendanceAnswer,
  type DirectoryMember,
  type Meeting,
  type QuorumRule,
  type Signature,
} from '@maillage/shared';
import { formatDate } from '../../i18n';
import { memberNameOr } from '../directory/memberName';

const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

interface Props {
  meeting: Meeting;
  /** The series' quorum, else the default rule. */
  quorumRule: QuorumRule;
  attendance: Attendance[];
  sheet: Signature[];
  members: readonly DirectoryMember[];
  me: string;
  editable: boolean;
  onAnswer: (answer: AttendanceAnswer) => void;
  onSign: () => void;
  onCloseSheet: () => void;
}

const timeOf = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

export function AttendancePanel({
  meeting,
  quorumRule,
  attendance,
  sheet,
  members,
  me,
  editable,
  onAnswer,
  onSign,
  onCloseSheet,
}: Props) {
  const { t } = useTranslation();
  const byId = new Map(members.map((m) => [m.memberId, m]));
  const answers = new Map(attendance.map((a) => [a.memberId, a.answer]));
  const mine = answers.get(me);
  const participant = meeting.participants.includes(me);
  // Signed-in people once the sheet has any line; before, those who said they will come.
  const presentIds =
    sheet.length > 0
      ? sheet.map((s) => s.memberId)
      : attendance.filter((a) => a.answer === 'present').map((a) => a.memberId);
  const professions = presentIds.flatMap((id) => {
    const p = byId.get(id)?.profession;
    return p ? [p] : [];
  });
  const quorum = checkQuorum(professions, quorumRule);
  const signed = sheet.some((s) => s.memberId === me);
  const self = byId.get(me);
  const [closing, setClosing] = useState(false);
  const names = new Map(members.map((m) => [m.memberId, m.name]));
  const nameOf = (id: string) => memberNameOr(names, id, t('concertation.unknownMember'));
  const unsigned = unsignedParticipants(meeting, sheet).map(nameOf);

  return (
    <>
      <section className="card stack" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t('concertation.attendance.heading')}</h2>
        {participant && editable ? (
          <fieldset className="plain row">
            <legend>{t('concertation.attendance.mine')}</legend>
            {(['present', 'excuse'] as const).map((answer) => (
              <label key={answer} className="check">
                <input
                  type="radio"
                  name="attendance-mine"
                  checked={mine === answer}
                  onChange={() => onAnswer(answer)}
                />
                {t(`concertation.attendance.${answer}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        {!participant ? <p className="muted">{t('concertation.attendance.notParticipant')}</p> : null}
        <ul className="list" aria-labelledby="attendance-heading">
          {meeting.participants.map((id) => {
            const member = byId.get(id);
            const answer = answers.get(id);
            return (
              <li key={id}>
                <span className="grow">
                  {nameOf(id)}
                  {member ? <span className="muted"> · {t(`professions.${member.profession}`)}</span> : null}
                </span>
                <span className={`badge ${answer ?? ''}`}>{t(`concertation.attendance.${answer ?? 'none'}`)}</span>
              </li>
            );
          })}
        </ul>
        <p role="status" className={quorum.holds ? 'ok' : 'warning'}>
          {t('concertation.attendance.quorum', {
            rule: t('concertation.attendance.rule', {
              professions: String(quorumRule.minProfessions),
              medecins: String(quorumRule.minMedecins),
            }),
            state: t(`concertation.attendance.${quorum.holds ? 'holds' : 'missing'}`),
          })}
        </p>
      </section>
      <section className="card stack" aria-labelledby="sheet-heading">
        <h2 id="sheet-heading">{t('concertation.sheet.heading')}</h2>
        {sheet.length === 0 ? (
          <p className="empty">{t('concertation.sheet.empty')}</p>
        ) : (
          <ul className="list" aria-labelledby="sheet-heading">
            {sheet.map((s) => (
              <li key={s.memberId} data-testid="sheet-line">
                <span className="grow">
                  {s.name} · {t(`professions.${s.profession}`, { defaultValue: s.profession })}
                </span>
                <span className="muted">{t('concertation.sheet.signedAt', { time: timeOf(s.at) })}</span>
              </li>
            ))}
          </ul>
        )}
        {meeting.sheetClosedAt ? (
          <p>{t('concertation.sheet.closed', { date: formatDate(meeting.sheetClosedAt) })}</p>
        ) : null}
        {editable && !meeting.sheetClosedAt ? (
          <div className="row no-print">
            {!signed && self ? (
              <button type="button" className="primary" onClick={onSign}>
                {t('concertation.sheet.sign')}
              </button>
            ) : null}
            {me === meeting.animateur ? (
              <button type="button" onClick={() => setClosing(true)}>
                {t('concertation.sheet.close')}
              </button>
            ) : null}
          </div>
        ) : null}
        {closing ? (
          <Suspense fallback={null}>
            <ConfirmDialog
              title={t('concertation.sheet.confirmTitle')}
              confirmLabel={t('concertation.sheet.confirmButton')}
              onConfirm={() => {
                setClosing(false);
                onCloseSheet();
              }}
              onCancel={() => setClosing(false)}
            >
              <p>
                {unsigned.length > 0
                  ? t('concertation.sheet.confirmUnsigned', { count: unsigned.length, names: unsigned.join(', ') })
                  : t('concertation.sheet.confirmAllSigned')}
              </p>
              <p>{t('concertation.sheet.confirmWhat')}</p>
            </ConfirmDialog>
          </Suspense>
        ) : null}
      </section>
    </>
  );
}
