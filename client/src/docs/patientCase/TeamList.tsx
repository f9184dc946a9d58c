// A care team as a list of people from the annuaire (name, profession), the creator marked, each removable if allowed.
import { useTranslation } from 'react-i18next';
import type { DirectoryMember } from '@maillage/shared';

interface TeamListProps {
  label: string;
  memberIds: readonly string[];
  owner: string | null;
  me: string;
  members: readonly DirectoryMember[];
  /** Absent: nobody may be removed here. */
  onRemove?: (memberId: string, name: string) => void;
  /** Who may be removed (default: everyone but the owner, whom the relay always keeps). */
  removable?: ReadonlySet<string>;
  /** A note per member (e.g. « ne peut pas encore ouvrir le dossier »). */
  notes?: ReadonlyMap<string, string>;
  /** Why a member is on it, when it was not the team's own choice (« RCP du … »). */
  reasons?: ReadonlyMap<string, string>;
  /** The remove button's accessible name for a member (default: taking them off the care team). */
  removeLabel?: (name: string) => string;
}

export function TeamList({
  label,
  memberIds,
  owner,
  me,
  members,
  onRemove,
  removable,
  notes,
  reasons,
  removeLabel,
}: TeamListProps) {
  const { t } = useTranslation();
  const byId = new Map(members.map((m) => [m.memberId, m]));
  return (
    <ul className="list team-list" aria-label={label}>
      {memberIds.map((id) => {
        const member = byId.get(id);
        const name = member?.name ?? t('care.team.unknown');
        const note = notes?.get(id);
        const reason = reasons?.get(id);
        return (
          <li key={id}>
            <span className="stack tight grow-name">
              <span className="list-title">
                {name} {id === me ? <span className="muted">{t('care.team.you')}</span> : null}
              </span>
              {member ? (
                <span className="muted">
                  {t(`professions.${member.profession}`)}
                  {member.commune ? ` · ${member.commune}` : ''}
                </span>
              ) : null}
            </span>
            {id === owner ? <span className="badge">{t('care.team.owner')}</span> : null}
            {reason ? <span className="badge">{reason}</span> : null}
            {note ? <span className="badge pending">{note}</span> : null}
            {onRemove && id !== owner && (!removable || removable.has(id)) ? (
              <button
                type="button"
                className="ghost small"
                aria-label={removeLabel ? removeLabel(name) : t('care.team.removeWho', { name })}
                onClick={() => onRemove(id, name)}
              >
                {t('care.team.remove')}
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
