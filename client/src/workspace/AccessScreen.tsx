// For coordinators: who is in the workspace (observers too), pending invitations, taking access away (a person, a
// device, a coordination key, an invitation), and the access journal in words.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  markInvitationWithdrawn,
  roomName,
  WELL_KNOWN_DOCS,
  type JournalEntryView,
  type RevocationView,
  type RevokeRequest,
  type WorkspaceInvitation,
} from '@maillage/shared';
import { Layout } from '../ui/Layout';
import { SearchBox } from '../ui/SearchBox';
import { matches } from '../ui/search';
import { useWorkspace } from './WorkspaceContext';
import { useProfile } from './ProfileContext';
import { useDirectory } from '../docs/directory/DirectoryContext';
import { useGroups } from '../docs/groups/GroupsContext';
import {
  listRevocations,
  readJournal,
  RelayAccessError,
  revokeAccess,
  seenMembers,
  type JournalFilter,
} from './relayAccess';
import { PersonAccess, type RevokedSets } from './PersonAccess';
import { personSeen, type PersonSeen } from './devicesSeen';
import { useCoordination } from './useCoordination';
import { useInvitations } from './useInvitations';
import { accessPeople, type AccessPerson } from './accessPeople';
import { PendingInvitations } from './PendingInvitations';
import { JournalSection, type JournalWords } from './JournalSection';
import { canSign } from './access';
import { useCatalogue } from '../docs/catalogue/useCatalogue';
import './peopleStrings';

export default function AccessScreen({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const row = useWorkspace();
  const me = useProfile();
  const { members } = useDirectory();
  const { governance } = useGroups();
  const invitations = useInvitations();
  const [revoked, setRevoked] = useState<RevocationView[]>([]);
  const [entries, setEntries] = useState<JournalEntryView[] | null>(null);
  const [seen, setSeen] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState<JournalFilter>({ member: '', room: '', from: '', to: '' });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [who, setWho] = useState('');

  const { people, pending, toCheck } = useMemo(
    () => accessPeople(members, invitations, seen),
    [members, invitations, seen],
  );
  const byId = useMemo(() => new Map<string, AccessPerson>(people.map((p) => [p.memberId, p])), [people]);
  const invitationOf = useMemo(() => new Map(invitations.map((i) => [i.member, i])), [invitations]);
  const { allItems } = useCatalogue(workspaceId);
  /** Every document as people know it (the workspace's own by name, the others by title): the journal's filter and lines. */
  const documentChoices = useMemo(() => {
    const own = Object.entries(WELL_KNOWN_DOCS).map(([key, docId]) => ({
      room: roomName({ workspaceId, docId }),
      label: t(`access.docs.${key}`),
    }));
    const others = allItems
      .map((i) => ({ room: roomName({ workspaceId, docId: i.docId }), label: i.title || t('access.untitled') }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
    return [...own, ...others];
  }, [allItems, workspaceId, t]);
  const labels = useMemo(() => new Map(documentChoices.map((d) => [d.room, d.label])), [documentChoices]);
  const coordination = useCoordination();

  const detailOf = (p: AccessPerson): string =>
    p.role === 'observer'
      ? [t('directory.observer'), p.organisation].filter(Boolean).join(', ')
      : p.profession
        ? t(`professions.${p.profession}`).toLocaleLowerCase(i18n.language)
        : t(`join.roleNames.${p.role ?? 'member'}`);
  const nameOf = (id: string | null): string => {
    if (id === null) return t('access.nobody');
    if (id === 'root') return row.rootKey ? me.name : t('access.founder');
    return byId.get(id)?.name || invitationOf.get(id)?.name || t('access.unknownPerson');
  };
  const words: JournalWords = {
    name: nameOf,
    person: (id) => {
      // Revocations signed with the workspace's own key name it « root »: on its device, that is this person.
      const person = id ? byId.get(id === 'root' && row.rootKey ? row.memberId : id) : undefined;
      return person?.name ? t('access.personWith', { name: person.name, detail: detailOf(person) }) : nameOf(id);
    },
    document: (room) => (room === null ? t('access.noDocument') : (labels.get(room) ?? t('access.otherDocument'))),
    keyHolder: (delegation) => {
      const key = coordination.keys.find((k) => k.delegation === delegation);
      return key ? nameOf(key.member) : null;
    },
  };

  const shownPeople = who.trim() ? people.filter((p) => matches(`${p.name} ${detailOf(p)}`, who)) : people;

  const revokedSets = useMemo<RevokedSets>(() => {
    const of = (kind: RevokeRequest['kind']) => new Set(revoked.filter((r) => r.kind === kind).map((r) => r.target));
    return { members: of('member'), devices: of('device'), delegations: of('delegation') };
  }, [revoked]);
  const inviteesOf = (delegation: string) =>
    coordination.invitations
      .filter((i) => i.key === delegation)
      .map((i) => byId.get(i.member)?.name || t('access.unknownInvitee'));

  const fail = (err: unknown) => setError(err instanceof RelayAccessError ? err.key : 'access.errors.badAnswer');
  // Typing a date changes the filter at each complete value (year 0002, 0020, 0202, 2026): only the latest
  // request's answer is shown, whatever order the answers arrive in.
  const latest = useRef(0);
  const refresh = useCallback(async () => {
    const request = ++latest.current;
    try {
      setError(null);
      const [revocations, journal] = await Promise.all([listRevocations(row), readJournal(row, filter)]);
      if (request !== latest.current) return;
      setRevoked(revocations);
      setEntries(journal);
    } catch (err) {
      if (request === latest.current) fail(err);
    }
  }, [row, filter]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // An invitation not yet seen in the annuaire may have been used (an observer writes no entry): the server knows.
  const checkKey = toCheck.join(',');
  useEffect(() => {
    if (!checkKey) return;
    void seenMembers(row, checkKey.split(',')).then(
      (found) => found.size > 0 && setSeen((s) => new Set([...s, ...found])),
      fail,
    );
  }, [row, checkKey]);

  const revoke = async (kind: RevokeRequest['kind'], target: string, done: string): Promise<boolean> => {
    try {
      setNotice(null);
      await revokeAccess(row, kind, target);
      // The annuaire stops listing an observer whose access is gone.
      if (kind === 'member' && governance) markInvitationWithdrawn(governance.doc, target);
      setNotice(done);
      await refresh();
      return true;
    } catch (err) {
      fail(err);
      return false;
    }
  };
  const withdraw = (i: WorkspaceInvitation) =>
    revoke('member', i.member, t('access.withdrawnNotice', { name: i.name || t('access.invitationUnnamed') }));

  /** A person's devices, from the relay's journal of their connections. */
  const loadPerson = async (memberId: string): Promise<PersonSeen> => {
    try {
      return personSeen(await readJournal(row, { member: memberId, room: '', from: '', to: '' }));
    } catch (err) {
      fail(err);
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
          {people.length > 1 ? (
            <div className="row filters" role="search">
              <SearchBox label={t('access.searchPeople')} value={who} onChange={setWho} />
              <span className="muted" role="status">
                {t('access.peopleCount', { count: shownPeople.length })}
              </span>
            </div>
          ) : null}
          {shownPeople.length === 0 && who.trim() ? (
            <p className="empty">{t('access.noPersonMatch', { query: who.trim() })}</p>
          ) : null}
          <ul className="list" aria-label={t('access.members')}>
            {shownPeople.map((p) => (
              <PersonAccess
                key={p.memberId}
                member={{ memberId: p.memberId, name: p.name || t('access.unknownPerson'), detail: detailOf(p) }}
                isMe={p.memberId === row.memberId}
                canAct={canSign(row)}
                thisDevice={row.deviceId}
                revoked={revokedSets}
                keys={coordination.keys.filter((k) => k.member === p.memberId)}
                inviteesOf={inviteesOf}
                loadPerson={loadPerson}
                onRevoke={revoke}
              />
            ))}
          </ul>
        </section>
        <PendingInvitations
          pending={pending.filter((i) => !revokedSets.members.has(i.member))}
          canAct={canSign(row)}
          nameOf={nameOf}
          onWithdraw={withdraw}
        />
        <JournalSection
          entries={entries}
          filter={filter}
          onFilter={setFilter}
          onRefresh={() => void refresh()}
          people={people.map((p) => ({ memberId: p.memberId, name: p.name || t('access.unknownPerson') }))}
          documents={documentChoices}
          words={words}
        />
      </div>
    </Layout>
  );
}
