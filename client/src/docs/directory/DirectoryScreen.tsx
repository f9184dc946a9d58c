// L'annuaire : who is in the CPTS, searchable as one types, filtered, sorted, exported; and each member's own entry.
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isInvitationLive,
  PROFESSIONS,
  readDirectoryEntry,
  type DirectoryMember,
  type Profession,
} from '@maillage/shared';
import { Layout } from '../../ui/Layout';
import { SearchBox } from '../../ui/SearchBox';
import { FilterSelect } from '../../ui/FilterSelect';
import { downloadFile } from '../../ui/download';
import { formatDate } from '../../i18n';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useInvitations } from '../../workspace/useInvitations';
import { matches } from '../../ui/search';
import { useDirectory } from './DirectoryContext';
import { openAnnuaireNow } from '../../workspace/home/firstRead';
import {
  communesOf,
  gpsTakingNewPatients,
  indexDirectory,
  queryDirectory,
  type DirectoryFilter,
  type DirectorySort,
} from './directoryQuery';
import { directoryCsv, directoryVCards } from './directoryExport';
import { DirectoryEntryForm } from './DirectoryEntryForm';
import '../../workspace/peopleStrings';

const SORTS: DirectorySort[] = ['name', 'profession', 'commune', 'updated'];
/** Rows rendered at first, as in the catalogue: an annuaire of thousands is searched, not scrolled. */
const PAGE = 100;

export default function DirectoryScreen() {
  const { t } = useTranslation();
  const { opened, members } = useDirectory();
  const workspace = useWorkspace();
  // This screen is the annuaire: it does not wait for « Pour vous » to be read first.
  useEffect(() => openAnnuaireNow(workspace.id), [workspace.id]);
  const [filter, setFilter] = useState<DirectoryFilter>({ query: '', profession: '', commune: '', sort: 'name' });
  const [view, setView] = useState<'all' | 'newPatients'>('all');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [limit, setLimit] = useState(PAGE);

  const label = (p: Profession) => t(`professions.${p}`);
  const index = useMemo(() => indexDirectory(members, label), [members, t]); // eslint-disable-line react-hooks/exhaustive-deps
  // The field shows each keystroke at once; the list follows in a render React may interrupt for the next one.
  const listed = useDeferredValue(filter);
  const shown = useMemo(() => queryDirectory(index, listed), [index, listed]);
  const firstRows = useMemo(() => shown.slice(0, limit), [shown, limit]);
  const communes = useMemo(() => communesOf(members), [members]);
  const groups = useMemo(() => gpsTakingNewPatients(shown), [shown]);
  // Observers cannot write their own entry: the annuaire shows them as their invitation named them.
  const invitations = useInvitations();
  const observers = useMemo(
    () =>
      invitations.filter(
        (i) =>
          i.role === 'observer' &&
          i.name &&
          isInvitationLive(i) &&
          !filter.profession &&
          !filter.commune &&
          matches(`${i.name} ${i.organisation}`, filter.query),
      ),
    [invitations, filter],
  );

  const exportCsv = () => {
    const headers = Object.fromEntries(
      [
        'name',
        'profession',
        'professionalId',
        'practiceName',
        'address',
        'commune',
        'phone',
        'mssante',
        'skills',
        'languages',
        'acceptsNewPatients',
        'acceptsNewPatientsSince',
      ].map((k) => [k, t(`directory.fields.${k}`)]),
    );
    downloadFile(
      'annuaire.csv',
      'text/csv;charset=utf-8',
      directoryCsv(shown, headers, label, (v) =>
        v === true ? t('directory.accepts.yes') : v === false ? t('directory.accepts.no') : '',
      ),
    );
  };
  const exportVcf = () => downloadFile('annuaire.vcf', 'text/vcard;charset=utf-8', directoryVCards(shown, label));
  const update = (patch: Partial<DirectoryFilter>) => setFilter({ ...filter, ...patch });

  return (
    <Layout title={workspace.name || undefined}>
      <div className="page stack">
        <div className="row">
          <h1>{t('directory.title')}</h1>
          <div className="spacer" />
          <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
            {t('directory.exportCsv')}
          </button>
          <button type="button" onClick={exportVcf} disabled={shown.length === 0}>
            {t('directory.exportVcard')}
          </button>
          {workspace.role !== 'observer' ? (
            <button
              type="button"
              className="primary"
              onClick={() => {
                setEditing(true);
                setSaved(false);
              }}
              disabled={!opened}
            >
              {t('directory.myEntry')}
            </button>
          ) : null}
        </div>
        {saved ? (
          <p role="status" className="muted">
            {t('directory.saved')}
          </p>
        ) : null}
        {editing && opened ? (
          <DirectoryEntryForm
            doc={opened.doc}
            memberId={workspace.memberId}
            entry={readDirectoryEntry(opened.doc, workspace.memberId)}
            communes={[...new Set([...(workspace.territory ?? []), ...communes])]}
            onDone={(ok) => {
              setEditing(false);
              setSaved(ok);
            }}
          />
        ) : null}
        <div className="row" role="group" aria-label={t('directory.views')}>
          <button
            type="button"
            className={view === 'all' ? 'primary small' : 'ghost small'}
            aria-pressed={view === 'all'}
            onClick={() => setView('all')}
          >
            {t('directory.viewAll')}
          </button>
          <button
            type="button"
            className={view === 'newPatients' ? 'primary small' : 'ghost small'}
            aria-pressed={view === 'newPatients'}
            onClick={() => setView('newPatients')}
          >
            {t('directory.viewNewPatients')}
          </button>
        </div>
        <div className="row filters directory-filters" role="search">
          <SearchBox label={t('directory.search')} value={filter.query} onChange={(query) => update({ query })} />
          <FilterSelect
            id="directory-profession"
            label={t('directory.fields.profession')}
            value={filter.profession}
            choices={[
              { value: '', label: t('directory.allProfessions') },
              ...PROFESSIONS.map((p) => ({ value: p, label: label(p) })),
            ]}
            onChange={(profession) => update({ profession })}
          />
          <FilterSelect
            id="directory-commune"
            label={t('directory.fields.commune')}
            value={filter.commune}
            choices={[
              { value: '', label: t('directory.allCommunes') },
              ...communes.map((c) => ({ value: c, label: c })),
            ]}
            onChange={(commune) => update({ commune })}
          />
          <FilterSelect
            id="directory-sort"
            label={t('directory.sortBy')}
            value={filter.sort}
            choices={SORTS.map((s) => ({ value: s, label: t(`directory.sort.${s}`) }))}
            onChange={(sort) => update({ sort })}
          />
          <span className="muted" aria-live="polite">
            {t('directory.count', { count: shown.length })}
          </span>
        </div>
        {members.length === 0 ? <p className="empty">{t('directory.empty')}</p> : null}
        {members.length > 0 && shown.length === 0 ? <p className="empty">{t('directory.noMatch')}</p> : null}
        {view === 'all' ? (
          <>
            <MemberList members={firstRows} label={t('directory.title')} />
            {shown.length > limit ? (
              <button type="button" className="ghost" onClick={() => setLimit(limit + PAGE * 5)}>
                {t('directory.more', { count: Math.min(PAGE * 5, shown.length - limit), total: shown.length })}
              </button>
            ) : null}
            {observers.length > 0 ? (
              <section className="stack" aria-labelledby="directory-observers">
                <h2 id="directory-observers">{t('directory.observers')}</h2>
                <ul className="list directory" aria-label={t('directory.observers')}>
                  {observers.map((o) => (
                    <li key={o.member}>
                      <div className="stack tight">
                        <strong className="list-title">{o.name}</strong>
                        {o.organisation ? <span className="muted">{o.organisation}</span> : null}
                      </div>
                      <span className="badge">{t('directory.observer')}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        ) : groups.length === 0 ? (
          <p className="empty">{t('directory.noNewPatients')}</p>
        ) : (
          groups.map(([commune, list]) => (
            <section key={commune} className="stack">
              <h2>{commune || t('directory.noCommune')}</h2>
              <MemberList members={list} label={commune || t('directory.noCommune')} />
            </section>
          ))
        )}
      </div>
    </Layout>
  );
}

const MemberList = memo(function MemberList({ members, label }: { members: DirectoryMember[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="list directory" aria-label={label}>
      {members.map((m) => (
        <li key={m.memberId}>
          <div className="stack tight">
            <strong className="list-title">{m.name}</strong>
            <span className="muted">
              {[t(`professions.${m.profession}`), m.practiceName, m.commune].filter(Boolean).join(' · ')}
            </span>
            {m.skills.length ? <span className="small">{m.skills.join(', ')}</span> : null}
          </div>
          <div className="stack tight">
            {m.phone ? <a href={`tel:${m.phone.replace(/\s/g, '')}`}>{m.phone}</a> : null}
            {m.mssante ? <a href={`mailto:${m.mssante}`}>{m.mssante}</a> : null}
          </div>
          {m.acceptsNewPatients === true ? (
            <span className="badge">
              {t('directory.acceptsSince', {
                date: m.acceptsNewPatientsSince ? formatDate(`${m.acceptsNewPatientsSince}T12:00:00Z`, false) : '',
              })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
});
