// For coordinators: who is in the workspace, taking access away (a person, a device, a coordination key), and the relay's access journal.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { JournalEntryView, RevocationView, RevokeRequest } from '@maillage/shared';
import { Layout } from '../ui/Layout';
import { formatDate } from '../i18n';
import { useWorkspace } from './WorkspaceScreen';
import { useDirectory } from '../docs/directory/DirectoryContext';
import { listRevocations, readJournal, RelayAccessError, revokeAccess, type JournalFilter } from './relayAccess';
import { PersonAccess, type RevokedSets } from './PersonAccess';
import { personSeen, type PersonSeen } from './devicesSeen';
import { useCoordination } from './useCoordination';
import { canSign } from './access';
import { useCatalogue } from '../docs/catalogue/useCatalogue';
import { roomName, WELL_KNOWN_DOCS } from '@maillage/shared';
import './peopleStrings';

export default function AccessScreen({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const row = useWorkspace();
  const { members } = useDirectory();
  const [revoked, setRevoked] = useState<RevocationView[]>([]);
  const [entries, setEntries] = useState<JournalEntryView[] | null>(null);
  const [filter, setFilter] = useState<JournalFilter>({ member: '', room: '', from: '', to: '' });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const names = useMemo(() => new Map(members.map((m) => [m.memberId, m.name])), [members]);
  const { allItems } = useCatalogue(workspaceId);
  /** Every document as people know it (the workspace's own by name, the others by title): the journal's filter and its column. */
  const documentChoices = useMemo(() => {
    const own = Object.entries(WELL_KNOWN_DOCS).map(([key, docId]) => ({
      room: roomName({ workspaceId, docId }),
      label: t(`access.docs.${key}`),
    }));
    const others = allItems
      .map((i) => ({ room: roomName({ workspaceId, docId: i.docId }), label: i.title || i.docId }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
    return [...own, ...others];
  }, [allItems, workspaceId, t]);
  const labels = useMemo(() => new Map(documentChoices.map((d) => [d.room, d.label])), [documentChoices]);
  const documentOf = (room: string | null) => (room === null ? '—' : (labels.get(room) ?? room.split('/')[1] ?? room));
  const nameOf = (id: string | null) =>
    id === null ? '—' : id === 'root' ? t('access.rootKey') : (names.get(id) ?? id);
  const coordination = useCoordination();
  const revokedSets = useMemo<RevokedSets>(() => {
    const of = (kind: RevokeRequest['kind']) => new Set(revoked.filter((r) => r.kind === kind).map((r) => r.target));
    return { members: of('member'), devices: of('device'), delegations: of('delegation') };
  }, [revoked]);
  const inviteesOf = (delegation: string) =>
    coordination.invitations
      .filter((i) => i.key === delegation)
      .map((i) => names.get(i.member) ?? t('access.unknownInvitee'));

  const refresh = useCallback(async () => {
    try {
      setError(null);
      const [revocations, journal] = await Promise.all([listRevocations(row), readJournal(row, filter)]);
      setRevoked(revocations);
      setEntries(journal);
    } catch (err) {
      setError(err instanceof RelayAccessError ? err.key : 'access.errors.badAnswer');
    }
  }, [row, filter]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const revoke = async (kind: RevokeRequest['kind'], target: string, done: string): Promise<boolean> => {
    try {
      setNotice(null);
      await revokeAccess(row, kind, target);
      setNotice(done);
      await refresh();
      return true;
    } catch (err) {
      setError(err instanceof RelayAccessError ? err.key : 'access.errors.badAnswer');
      return false;
    }
  };

  /** A person's devices, from the relay's journal of their connections. */
  const loadPerson = async (memberId: string): Promise<PersonSeen> => {
    try {
      return personSeen(await readJournal(row, { member: memberId, room: '', from: '', to: '' }));
    } catch (err) {
      setError(err instanceof RelayAccessError ? err.key : 'access.errors.badAnswer');
      return { devices: [], coordinator: false };
    }
  };

  if (row.role !== 'coordinator') {
    return (
      <Layout title={row.name || undefined}>
        <div className="page stack">
          <h1>{t('access.title')}</h1>
          <p role="alert">{t('access.coordinatorsOnly')}</p>
        </div>
      </Layout>
    );
  }

  return (
    <Layout title={row.name || undefined}>
      <div className="page stack">
        <Link to="/w/$workspaceId" params={{ workspaceId }} className="no-print">
          ← {t('directory.back')}
        </Link>
        <h1>{t('access.title')}</h1>
        {error ? (
          <p className="error" role="alert">
            {t(error)}
          </p>
        ) : null}
        {notice ? (
          <p role="status" className="muted">
            {notice}
          </p>
        ) : null}
        <section className="stack" aria-labelledby="access-members">
          <h2 id="access-members">{t('access.members')}</h2>
          {!canSign(row) ? <p className="muted">{t('access.noKeyHere')}</p> : null}
          <ul className="list" aria-label={t('access.members')}>
            {members.map((m) => (
              <PersonAccess
                key={m.memberId}
                member={m}
                isMe={m.memberId === row.memberId}
                canAct={canSign(row)}
                thisDevice={row.deviceId}
                revoked={revokedSets}
                keys={coordination.keys.filter((k) => k.member === m.memberId)}
                inviteesOf={inviteesOf}
                loadPerson={loadPerson}
                onRevoke={revoke}
              />
            ))}
          </ul>
        </section>
        <section className="stack" aria-labelledby="access-journal">
          <h2 id="access-journal">{t('access.journal')}</h2>
          <div className="row filters">
            <label htmlFor="journal-member">{t('access.filterMember')}</label>
            <select
              id="journal-member"
              value={filter.member}
              onChange={(e) => setFilter({ ...filter, member: e.target.value })}
            >
              <option value="">{t('access.allMembers')}</option>
              {members.map((m) => (
                <option key={m.memberId} value={m.memberId}>
                  {m.name}
                </option>
              ))}
            </select>
            <label htmlFor="journal-room">{t('access.filterDocument')}</label>
            <select
              id="journal-room"
              value={filter.room}
              onChange={(e) => setFilter({ ...filter, room: e.target.value })}
            >
              <option value="">{t('access.allDocuments')}</option>
              {documentChoices.map((d) => (
                <option key={d.room} value={d.room}>
                  {d.label}
                </option>
              ))}
            </select>
            <label htmlFor="journal-from">{t('access.from')}</label>
            <input
              id="journal-from"
              type="date"
              value={filter.from}
              onChange={(e) => setFilter({ ...filter, from: e.target.value })}
            />
            <label htmlFor="journal-to">{t('access.to')}</label>
            <input
              id="journal-to"
              type="date"
              value={filter.to}
              onChange={(e) => setFilter({ ...filter, to: e.target.value })}
            />
            <button type="button" className="ghost small" onClick={() => void refresh()}>
              {t('access.refresh')}
            </button>
          </div>
          {entries && entries.length === 0 ? <p className="empty">{t('access.journalEmpty')}</p> : null}
          {entries && entries.length > 0 ? (
            <div className="table-frame">
              <table className="journal">
                <caption className="visually-hidden">{t('access.journal')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('access.when')}</th>
                    <th scope="col">{t('access.who')}</th>
                    <th scope="col">{t('access.event')}</th>
                    <th scope="col">{t('access.document')}</th>
                    <th scope="col">{t('access.address')}</th>
                    <th scope="col">{t('access.bytes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e, i) => (
                    <tr key={`${e.t}-${i}`}>
                      <td>{formatDate(e.t)}</td>
                      <td>{nameOf(e.member)}</td>
                      <td>
                        {t(`access.events.${e.event}`)}
                        {e.reason
                          ? ` (${e.event === 'revoke' ? nameOf(e.reason.split(':')[1] ?? null) : e.reason})`
                          : ''}
                      </td>
                      <td>{documentOf(e.room)}</td>
                      <td>{e.address ?? '—'}</td>
                      <td>{e.bytes > 0 ? e.bytes.toLocaleString('fr-FR') : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      </div>
    </Layout>
  );
}
