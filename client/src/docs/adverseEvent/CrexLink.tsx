// Links a report to the CREX that analyses it: the référent picks one of the CREX meetings on this device; the report
// goes on its agenda under its register line only (day, category, severity: no text, no reporter), then the analysis
// room keeps the meeting's id. The meeting is opened (and synced) only for that write.
import { useEffect, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  addAgendaItem,
  linkCrex,
  observeCrexLink,
  readCrexLink,
  type CatalogueItem,
  type RegisterRow,
} from '@maillage/shared';
import { formatDate } from '../../i18n';
import { useSyncedDoc } from '../../sync/useSyncedDoc';
import { useCatalogue } from '../catalogue/useCatalogue';
import { useDirectory } from '../directory/DirectoryContext';
import { crexMeetingsOnDevice } from './crexOnDevice';

interface Props {
  workspaceId: string;
  /** The analysis room's document. */
  room: Y.Doc;
  row: RegisterRow;
  me: string;
  referents: ReadonlySet<string>;
}

/** The register's line as the agenda shows it. */
export function useRegisterLabel(row: RegisterRow): string {
  const { t } = useTranslation();
  return t('adverse.crex.label', {
    date: formatDate(`${row.day}T12:00:00Z`, false),
    category: row.category ? t(`adverse.categories.${row.category}`) : t('adverse.uncategorised'),
    severity: String(row.severity),
  });
}

function AgendaWriter({
  workspaceId,
  meetingId,
  room,
  row,
  me,
  referents,
  onDone,
}: Props & {
  meetingId: string;
  onDone: (error: string | null) => void;
}) {
  const { t } = useTranslation();
  const { annuaireNow } = useDirectory();
  const opened = useSyncedDoc(workspaceId, meetingId);
  const label = useRegisterLabel(row);
  useEffect(() => {
    if (!opened) return;
    let cancelled = false;
    void annuaireNow().then((annuaire) => {
      if (cancelled) return;
      const input = {
        caseId: row.docId,
        label,
        presenter: me,
        question: t('adverse.crex.question'),
        criterion: 'autre',
        minutes: 20,
      };
      const added = addAgendaItem(opened.doc, input, annuaire);
      const already = !added.ok && added.errors.some((e) => e.message === 'errors.caseAlreadyOnAgenda');
      if (!added.ok && !already) return onDone(added.errors[0]!.message);
      const linked = linkCrex(room, row.docId, meetingId, me, referents);
      onDone(linked.ok ? null : linked.errors[0]!.message);
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one write when the meeting opens.
  }, [opened]);
  return <p role="status">{t('adverse.crex.adding')}</p>;
}

export function CrexLink(props: Props) {
  const { workspaceId, room, row } = props;
  const { t } = useTranslation();
  const { items } = useCatalogue(workspaceId);
  const [meetings, setMeetings] = useState<CatalogueItem[] | null>(null);
  const [linked, setLinked] = useState(() => readCrexLink(room, row.docId));
  const [chosen, setChosen] = useState('');
  const [writing, setWriting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => observeCrexLink(room, () => setLinked(readCrexLink(room, row.docId))), [room, row.docId]);
  useEffect(() => {
    let cancelled = false;
    void crexMeetingsOnDevice(workspaceId, items).then((found) => !cancelled && setMeetings(found));
    return () => {
      cancelled = true;
    };
  }, [workspaceId, items]);

  const titleOf = (id: string) => items.find((i) => i.docId === id)?.title || t('catalogue.untitled');
  return (
    <section className="stack card" aria-labelledby="crex-title">
      <h2 id="crex-title">{t('adverse.crex.title')}</h2>
      {linked ? (
        <p>
          {t('adverse.crex.linked', { title: titleOf(linked) })}{' '}
          <Link to="/w/$workspaceId/concertations/$docId" params={{ workspaceId, docId: linked }}>
            {t('adverse.crex.open')}
          </Link>
        </p>
      ) : null}
      <p className="muted">{t('adverse.crex.intro')}</p>
      {meetings && meetings.length === 0 ? <p className="empty">{t('adverse.crex.none')}</p> : null}
      {meetings && meetings.length > 0 ? (
        <form
          className="row"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!chosen) return setError('errors.crexRequired');
            setError(null);
            setWriting(chosen);
          }}
        >
          <label htmlFor="crex-choose">{t('adverse.crex.choose')}</label>
          <select
            id="crex-choose"
            value={chosen}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'crex-error' : undefined}
            onChange={(e) => setChosen(e.target.value)}
          >
            <option value="">{t('adverse.crex.chooseOne')}</option>
            {meetings.map((m) => (
              <option key={m.docId} value={m.docId}>
                {m.title || t('catalogue.untitled')}
              </option>
            ))}
          </select>
          <button type="submit" disabled={writing !== null}>
            {t('adverse.crex.add')}
          </button>
        </form>
      ) : null}
      {error ? (
        <p id="crex-error" className="error" role="alert">
          {t(error)}
        </p>
      ) : null}
      {writing ? (
        <AgendaWriter
          {...props}
          meetingId={writing}
          onDone={(message) => {
            setError(message);
            setWriting(null);
          }}
        />
      ) : null}
    </section>
  );
}
