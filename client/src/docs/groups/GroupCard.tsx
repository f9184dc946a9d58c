// One working group: its lead and members (added from the annuaire), and the documents that hang from it. A member the
// annuaire does not hold reads « Membre absent de l'annuaire », never as an id; « … » while the annuaire loads.
import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem, DirectoryMember, Group } from '@maillage/shared';
import { catalogueItemLink, catalogueStatusKey } from '../catalogue/catalogueItem';
import { memberNameOr } from '../directory/memberName';

interface GroupCardProps {
  group: Group;
  workspaceId: string;
  names: ReadonlyMap<string, string>;
  members: DirectoryMember[];
  documents: CatalogueItem[];
  canWrite: boolean;
  /** Attaching a document to a group makes the group's pilot its lead: coordinators only. */
  canAttach: boolean;
  onMember: (memberId: string, isMember: boolean) => void;
  onAttach: (docId: string) => void;
}

export function GroupCard({
  group,
  workspaceId,
  names,
  members,
  documents,
  canWrite,
  canAttach,
  onMember,
  onAttach,
}: GroupCardProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState('');
  const [attaching, setAttaching] = useState('');
  const own = documents.filter((d) => d.groupId === group.groupId);
  const headingId = `group-${group.groupId}`;
  const nameOf = (id: string) => memberNameOr(names, id, t('groups.unknownMember'));
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{group.name}</h2>
      <p className="muted">
        {[group.theme, group.lead ? t('groups.ledBy', { name: nameOf(group.lead) }) : null].filter(Boolean).join(' · ')}
      </p>
      <h3>{t('groups.members', { count: group.members.length })}</h3>
      <ul className="list" aria-label={t('groups.membersOf', { name: group.name })}>
        {group.members.map((id) => (
          <li key={id}>
            <span className="list-title">{nameOf(id)}</span>
            {canWrite && id !== group.lead ? (
              <button
                type="button"
                className="ghost small"
                aria-label={t('groups.removeWho', { name: nameOf(id), group: group.name })}
                onClick={() => onMember(id, false)}
              >
                {t('groups.remove')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canWrite ? (
        <div className="row">
          <label htmlFor={`${headingId}-add`}>{t('groups.addMember')}</label>
          <select id={`${headingId}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">{t('profile.choose')}</option>
            {members
              .filter((m) => !group.members.includes(m.memberId))
              .map((m) => (
                <option key={m.memberId} value={m.memberId}>
                  {m.name}
                </option>
              ))}
          </select>
          <button
            type="button"
            className="small"
            disabled={!adding}
            onClick={() => {
              onMember(adding, true);
              setAdding('');
            }}
          >
            {t('groups.add')}
          </button>
        </div>
      ) : null}
      <h3>{t('groups.documents', { count: own.length })}</h3>
      {own.length === 0 ? <p className="empty">{t('groups.noDocuments')}</p> : null}
      <ul className="list" aria-label={t('groups.documentsOf', { name: group.name })}>
        {own.map((d) => (
          <li key={d.docId}>
            <Link {...catalogueItemLink(workspaceId, d)} className="list-title">
              {d.title || t('catalogue.untitled')}
            </Link>
            <span className="badge">{t(catalogueStatusKey(d))}</span>
          </li>
        ))}
      </ul>
      {canAttach ? (
        <div className="row">
          <label htmlFor={`${headingId}-attach`}>{t('groups.attach')}</label>
          <select id={`${headingId}-attach`} value={attaching} onChange={(e) => setAttaching(e.target.value)}>
            <option value="">{t('profile.choose')}</option>
            {documents
              .filter((d) => d.kind === 'protocol' && d.groupId !== group.groupId)
              .map((d) => (
                <option key={d.docId} value={d.docId}>
                  {d.title || t('catalogue.untitled')}
                </option>
              ))}
          </select>
          <button
            type="button"
            className="small"
            disabled={!attaching}
            onClick={() => {
              onAttach(attaching);
              setAttaching('');
            }}
          >
            {t('groups.attachButton')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
