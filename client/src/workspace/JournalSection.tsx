// « Journal d'accès » in words: one line per person, document and day, refusals first; the raw entries (device,
// address) only in the detail view. Every person by name, never by id.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download } from 'lucide-react';
import { parisToday, type JournalEntryView } from '@maillage/shared';
import { formatDate } from '../i18n';
import { DateField } from '../ui/DateField';
import { Field } from '../ui/Field';
import { toCsv } from '../ui/csv';
import { downloadFile } from '../ui/download';
import { EMPTY_UPDATE_BYTES, isAnonymous, summarizeJournal, type SummaryLine } from './journalSummary';
import type { JournalFilter } from './relayAccess';

export interface JournalWords {
  /** « Hélène Durand (pharmacien·ne) », « Agnès Roy (observateur·rice, ARS) », or a description, never an id. */
  person: (memberId: string | null) => string;
  /** A person's name alone, for « l'accès de … ». */
  name: (memberId: string | null) => string;
  document: (room: string | null) => string;
  /** The holder of a coordination key, from its delegation id. */
  keyHolder: (delegation: string) => string | null;
}

interface Props {
  entries: JournalEntryView[] | null;
  filter: JournalFilter;
  onFilter: (filter: JournalFilter) => void;
  onRefresh: () => void;
  people: { memberId: string; name: string }[];
  documents: { room: string; label: string }[];
  words: JournalWords;
}

export function JournalSection({ entries, filter, onFilter, onRefresh, people, documents, words }: Props) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState(false);
  const lines = useMemo(() => summarizeJournal(entries ?? []), [entries]);
  // A device's owner, from the entries themselves: « un appareil de Bruno Lefèvre ».
  const deviceOwner = useMemo(() => {
    const owners = new Map<string, string>();
    for (const e of entries ?? []) if (e.device && e.member) owners.set(e.device, e.member);
    return owners;
  }, [entries]);

  const what = (target: string | null): string => {
    const [kind, id = ''] = (target ?? '').split(':');
    if (kind === 'member') return t('access.summary.revokedPerson', { name: words.name(id) });
    if (kind === 'device') {
      const owner = deviceOwner.get(id);
      return owner
        ? t('access.summary.revokedDeviceOf', { name: words.name(owner) })
        : t('access.summary.revokedDevice');
    }
    const holder = words.keyHolder(id);
    return holder ? t('access.summary.revokedKeyOf', { name: holder }) : t('access.summary.revokedKey');
  };

  /** One raw entry as the detail table and its CSV say it: when, who, what happened, on which document, from where. */
  const cells = (e: JournalEntryView): string[] => {
    const who = isAnonymous({ ...e, refused: e.event === 'refused' }) ? t('access.anonymous') : words.person(e.member);
    const event =
      (e.event === 'close' && e.bytes > EMPTY_UPDATE_BYTES
        ? t('access.events.closeWrote')
        : t(`access.events.${e.event}`)) +
      (e.event === 'refused' && e.reason
        ? ` (${t([`access.reasons.${e.reason.split(':')[0]}`, 'access.reasons.other'])})`
        : '') +
      (e.event === 'revoke' ? ` : ${what(e.reason)}` : '');
    return [formatDate(e.t), who, event, words.document(e.room), e.address ?? '—'];
  };
  const header = () => [
    t('access.when'),
    t('access.who'),
    t('access.event'),
    t('access.document'),
    t('access.address'),
  ];
  const download = (shown: readonly JournalEntryView[]) =>
    downloadFile(`journal-acces-${parisToday()}.csv`, 'text/csv;charset=utf-8', toCsv([header(), ...shown.map(cells)]));

  const sentence = (line: SummaryLine): string => {
    const who = isAnonymous({ ...line, refused: line.kind === 'refused' })
      ? t('access.anonymous')
      : words.person(line.member);
    const doc = words.document(line.room);
    const count = Math.max(1, line.count);
    if (line.kind === 'opened')
      return t(line.wrote ? 'access.summary.edited' : 'access.summary.opened', { who, doc, count });
    if (line.kind === 'writeDropped') return t('access.summary.writeDropped', { who, doc, count });
    if (line.kind === 'acl') return t('access.summary.acl', { who, doc, count });
    if (line.kind === 'fetched') return t('access.summary.fetched', { who, count });
    if (line.kind === 'revoke') return t('access.summary.revoke', { who, what: what(line.target) });
    const reasons = line.reasons
      .map((r) => t([`access.reasons.${r.split(':')[0]}`, 'access.reasons.other']))
      .join(', ');
    return line.room
      ? t('access.summary.refused', { who, doc, reasons, count })
      : t('access.summary.refusedNoDoc', { who, reasons, count });
  };

  return (
    <section className="stack" aria-labelledby="access-journal">
      <h2 id="access-journal">{t('access.journal')}</h2>
      <div className="row wrap filters journal-filters">
        <Field id="journal-member" label={t('access.filterMember')}>
          <select
            id="journal-member"
            value={filter.member}
            onChange={(e) => onFilter({ ...filter, member: e.target.value })}
          >
            <option value="">{t('access.allMembers')}</option>
            {people.map((m) => (
              <option key={m.memberId} value={m.memberId}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="journal-room" label={t('access.filterDocument')}>
          <select id="journal-room" value={filter.room} onChange={(e) => onFilter({ ...filter, room: e.target.value })}>
            <option value="">{t('access.allDocuments')}</option>
            {documents.map((d) => (
              <option key={d.room} value={d.room}>
                {d.label}
              </option>
            ))}
          </select>
        </Field>
        <DateField
          id="journal-from"
          label={t('access.from')}
          value={filter.from}
          onChange={(from) => onFilter({ ...filter, from })}
        />
        <DateField
          id="journal-to"
          label={t('access.to')}
          value={filter.to}
          onChange={(to) => onFilter({ ...filter, to })}
        />
        <button type="button" className="ghost small" onClick={onRefresh}>
          {t('access.refresh')}
        </button>
      </div>
      {entries && entries.length === 0 ? <p className="empty">{t('access.journalEmpty')}</p> : null}
      {lines.length > 0 ? (
        <ul className="list journal-summary" aria-label={t('access.summaryLabel')}>
          {lines.map((line, i) => (
            <li key={i} className={line.kind === 'refused' ? 'refused' : undefined}>
              <span className="muted journal-day">{formatDate(`${line.day}T12:00:00Z`, false)}</span>
              {line.kind === 'refused' ? <span className="badge revoked">{t('access.refusedBadge')}</span> : null}
              <span className="grow">{sentence(line)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {entries && entries.length > 0 ? (
        <div className="row wrap">
          <button type="button" className="ghost small" aria-expanded={detail} onClick={() => setDetail(!detail)}>
            {detail ? t('access.hideDetail') : t('access.showDetail', { count: entries.length })}
          </button>
          <button type="button" className="ghost small" onClick={() => download(entries)}>
            <Download aria-hidden="true" size={16} /> {t('access.csv')}
          </button>
        </div>
      ) : null}
      {detail && entries && entries.length > 0 ? (
        <div className="table-frame">
          <table className="journal">
            <caption className="visually-hidden">{t('access.detailCaption')}</caption>
            <thead>
              <tr>
                {header().map((label) => (
                  <th key={label} scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.t}-${i}`}>
                  {cells(e).map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
