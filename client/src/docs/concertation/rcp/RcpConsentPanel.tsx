// « Accord du patient » on the fiche: before the case is discussed its presenter records that the patient was informed
// and did not object (day, by whom). Recording it brings the meeting's participants who are not on the care team into
// it for this meeting; until then only the team sees the case.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { parisToday, readRcpConsent, recordRcpConsent, type RcpMeeting } from '@maillage/shared';
import { DateField } from '../../../ui/DateField';
import { Field } from '../../../ui/Field';
import { frenchDay } from './dayLabel';

interface Props {
  doc: Y.Doc;
  meeting: RcpMeeting;
  /** The meeting's participants: those off the care team join it with the consent. */
  participants: readonly string[];
  team: readonly string[];
  names: ReadonlyMap<string, string>;
  me: string;
  presenter: string;
  writable: boolean;
  /** The team changed here: push its list to the relay now. */
  onRecorded: () => void;
}

export function RcpConsentPanel({
  doc,
  meeting,
  participants,
  team,
  names,
  me,
  presenter,
  writable,
  onRecorded,
}: Props) {
  const { t } = useTranslation();
  const consent = readRcpConsent(doc, meeting.meetingId);
  const [informedOn, setInformedOn] = useState(() => parisToday());
  const [informedBy, setInformedBy] = useState(presenter === me || team.includes(presenter) ? presenter : '');
  const [noObjection, setNoObjection] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const nameOf = (id: string) => names.get(id) ?? t('concertation.unknownMember');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = recordRcpConsent(doc, meeting, { informedOn, informedBy, noObjection }, me, participants);
    setErrors(result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
    if (result.ok) onRecorded();
  };
  const err = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const general = errors.consent ?? errors.status ?? errors.meeting ?? errors.participants;
  // A meeting validated without it: nothing more can be recorded, and nothing to say.
  if (!consent && meeting.status !== 'planifiee' && meeting.status !== 'tenue') return null;

  return (
    <section className="stack tight rcp-consent" aria-labelledby={`rcp-consent-${meeting.meetingId}`}>
      <h3 id={`rcp-consent-${meeting.meetingId}`}>{t('rcp.consent.heading')}</h3>
      {consent ? (
        <>
          <p role="status" data-testid="rcp-consent">
            {t('rcp.consent.recorded', {
              date: frenchDay(consent.informedOn),
              informer: nameOf(consent.informedBy),
              recorder: nameOf(consent.recordedBy),
            })}
          </p>
          <p className="muted">
            {consent.joined.length === 0
              ? t('rcp.consent.joinedNone')
              : t('rcp.consent.joined', { count: consent.joined.length, names: consent.joined.map(nameOf).join(', ') })}
          </p>
        </>
      ) : writable ? (
        <form className="stack tight no-print" noValidate onSubmit={submit}>
          <p className="muted">{t('rcp.consent.intro')}</p>
          <div className="row wrap">
            <DateField
              id={`rcp-consent-day-${meeting.meetingId}`}
              label={t('rcp.consent.informedOn')}
              value={informedOn}
              max={parisToday()}
              onChange={setInformedOn}
              error={err('informedOn')}
            />
            <Field
              id={`rcp-consent-by-${meeting.meetingId}`}
              label={t('rcp.consent.informedBy')}
              error={err('informedBy')}
            >
              <select
                id={`rcp-consent-by-${meeting.meetingId}`}
                value={informedBy}
                onChange={(e) => setInformedBy(e.target.value)}
              >
                <option value="">{t('rcp.consent.choose')}</option>
                {team.map((id) => (
                  <option key={id} value={id}>
                    {nameOf(id)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <label className="check">
            <input type="checkbox" checked={noObjection} onChange={(e) => setNoObjection(e.target.checked)} />
            {t('rcp.consent.noObjection')}
          </label>
          {errors.noObjection ? (
            <p className="error" role="alert">
              {t(errors.noObjection)}
            </p>
          ) : null}
          {general ? (
            <p className="error" role="alert">
              {t(general)}
            </p>
          ) : null}
          <div>
            <button type="submit">{t('rcp.consent.submit')}</button>
          </div>
        </form>
      ) : (
        <p role="note">{t('rcp.consent.missing')}</p>
      )}
    </section>
  );
}
