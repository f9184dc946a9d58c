// « Mettre à l'ordre du jour » on the coordination file: the case goes onto an upcoming concertation this member takes
// part in (only participants' devices hold a meeting), presented by them, with its question, criterion and time. The
// meeting's agenda gets the case's neutral label only (decision 0030); then the meeting opens, and syncs.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  ACI_CRITERIA,
  addAgendaItem,
  parisToday,
  readMeeting,
  type AciCriterion,
  type CatalogueItem,
} from '@maillage/shared';
import { docStore } from '../../../store/docStore';
import { useWorkspace } from '../../../workspace/WorkspaceContext';
import { useDirectory } from '../../directory/DirectoryContext';
import { Field } from '../../../ui/Field';
import { NumberField } from '../../../ui/NumberField';
import '../concertationStrings';
import './rcpStrings';

interface Props {
  workspaceId: string;
  docId: string;
  /** The case's catalogue entry: its neutral title is the agenda's label. */
  entry: CatalogueItem | undefined;
  /** The catalogue's entries this member sees. */
  items: readonly CatalogueItem[];
}

/** The fields this form shows an error beside; any other refusal is said under the form. */
const FIELDS_SHOWN = ['meeting', 'caseId', 'question', 'criterion', 'minutes'];

/** Upcoming meetings still planned whose copy is on this device: those this member takes part in. */
function useUpcoming(workspaceId: string, items: readonly CatalogueItem[]): CatalogueItem[] {
  const [held, setHeld] = useState<CatalogueItem[]>([]);
  // Read again when the list of meetings changes (the key), not on every new array of the same entries.
  const current = useRef(items);
  current.current = items;
  const today = parisToday();
  const key = items
    .filter(
      (i) => i.kind === 'concertation' && !i.deletedAt && i.status === 'planifiee' && (i.meetingDate ?? '') >= today,
    )
    .map((i) => i.docId)
    .join(',');
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const ids = key ? key.split(',') : [];
      const found: CatalogueItem[] = [];
      for (const id of ids) {
        const item = current.current.find((i) => i.docId === id);
        if (item && (await docStore.hasCopy(workspaceId, id))) found.push(item);
      }
      found.sort((a, b) => (a.meetingDate ?? '').localeCompare(b.meetingDate ?? ''));
      if (!cancelled) setHeld(found);
    })();
    return () => {
      cancelled = true;
    };
  }, [workspaceId, key]);
  return held;
}

export function AddToMeetingPanel({ workspaceId, docId, entry, items }: Props) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { annuaireNow } = useDirectory();
  const navigate = useNavigate();
  const upcoming = useUpcoming(workspaceId, items);
  const [meetingId, setMeetingId] = useState('');
  const [question, setQuestion] = useState('');
  const [criterion, setCriterion] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const err = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const elsewhere = Object.entries(errors)
    .filter(([field]) => !FIELDS_SHOWN.includes(field))
    .map(([, message]) => message);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!meetingId) return setErrors({ meeting: 'errors.agendaMeeting' });
    const annuaire = await annuaireNow();
    const doc = await docStore.acquire(workspaceId, meetingId);
    try {
      if (!readMeeting(doc)) return setErrors({ meeting: 'errors.noMeeting' });
      const added = addAgendaItem(
        doc,
        {
          caseId: docId,
          label: entry?.title ?? '',
          presenter: workspace.memberId,
          question,
          criterion,
          minutes: Number(minutes),
        },
        annuaire,
      );
      if (!added.ok) return setErrors(Object.fromEntries(added.errors.map((e) => [e.field, e.message])));
      await docStore.flushed(workspaceId, meetingId);
    } finally {
      await docStore.release(workspaceId, meetingId);
    }
    await navigate({ to: '/w/$workspaceId/concertations/$docId', params: { workspaceId, docId: meetingId } });
  };

  return (
    <section className="card stack no-print" aria-labelledby="add-to-meeting">
      <h2 id="add-to-meeting">{t('rcp.addToMeeting.heading')}</h2>
      {upcoming.length === 0 ? (
        <p className="muted">{t('rcp.addToMeeting.none')}</p>
      ) : (
        <form className="stack" noValidate onSubmit={(e) => void submit(e)}>
          <Field id="add-meeting" label={t('rcp.addToMeeting.meeting')} error={err('meeting') ?? err('caseId')}>
            <select id="add-meeting" value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
              <option value="">{t('concertation.fields.choose')}</option>
              {upcoming.map((m) => (
                <option key={m.docId} value={m.docId}>
                  {t('rcp.addToMeeting.option', { title: m.title, start: m.meetingStart ?? '' })}
                </option>
              ))}
            </select>
          </Field>
          <Field id="add-question" label={t('concertation.agenda.question')} error={err('question')}>
            <textarea id="add-question" value={question} onChange={(e) => setQuestion(e.target.value)} rows={2} />
          </Field>
          <div className="row wrap">
            <Field id="add-criterion" label={t('concertation.agenda.criterion')} error={err('criterion')}>
              <select id="add-criterion" value={criterion} onChange={(e) => setCriterion(e.target.value)}>
                <option value="">{t('concertation.fields.choose')}</option>
                {ACI_CRITERIA.map((c: AciCriterion) => (
                  <option key={c} value={c}>
                    {t(`concertation.criteria.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
            <NumberField
              id="add-minutes"
              label={t('concertation.agenda.minutes')}
              error={err('minutes')}
              min={1}
              max={180}
              value={minutes}
              onChange={setMinutes}
            />
          </div>
          {elsewhere.length > 0 ? (
            <p className="error" role="alert">
              {elsewhere.map((message) => t(message)).join(' ')}
            </p>
          ) : null}
          <div>
            <button type="submit">{t('rcp.addToMeeting.submit')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
