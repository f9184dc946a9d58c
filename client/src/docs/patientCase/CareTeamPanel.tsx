// Who can see this case: the team the document holds, checked against the list the relay enforces. Any difference is
// spelled out per person until the relay applies it; the creator, a team member or a coordinator may change it.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readTeam, setTeamMember, type DirectoryMember, type EnforcedAcl } from '@maillage/shared';
import type { TeamSyncState } from './teamSync';
import type { Me } from './relayLink';
import { MemberPicker } from './MemberPicker';
import { TeamList } from './TeamList';
import { frenchDay } from '../concertation/rcp/dayLabel';
import '../concertation/rcp/rcpStrings';

const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

interface CareTeamPanelProps {
  doc: Y.Doc;
  /** The list wanted: the document's team and the room's owner. */
  wanted: readonly string[];
  owner: string | null;
  /** What the relay was last seen to enforce (null: never confirmed yet). */
  enforced: EnforcedAcl | null;
  sync: TeamSyncState | null;
  editable: boolean;
  members: readonly DirectoryMember[];
  me: Me;
  onChanged: () => void;
}

export function CareTeamPanel({
  doc,
  wanted,
  owner,
  enforced,
  sync,
  editable,
  members,
  me,
  onChanged,
}: CareTeamPanelProps) {
  const { t } = useTranslation();
  const enforcedIds = enforced?.members ?? [];
  const nameOf = new Map(members.map((m) => [m.memberId, m.name]));
  // The creator first, then by name, as a team sheet reads.
  const rows = [...new Set([...wanted, ...enforcedIds])].sort(
    (a, b) => Number(b === owner) - Number(a === owner) || collator.compare(nameOf.get(a) ?? '', nameOf.get(b) ?? ''),
  );
  const notes = new Map<string, string>();
  if (enforced) {
    for (const id of wanted) if (!enforcedIds.includes(id)) notes.set(id, t('care.team.pendingAdd'));
    for (const id of enforcedIds) if (!wanted.includes(id)) notes.set(id, t('care.team.pendingRemove'));
  }

  // Participants of a concertation who joined for it: the team sheet says which (« RCP du … »).
  const reasons = new Map<string, string>();
  for (const m of readTeam(doc))
    if (m.rcp) reasons.set(m.memberId, t('rcp.consent.teamReason', { date: frenchDay(m.rcp.date) }));

  const [removing, setRemoving] = useState<{ memberId: string; name: string } | null>(null);
  const remove = (memberId: string) => {
    setRemoving(null);
    if (setTeamMember(doc, memberId, false, me.memberId).ok) onChanged();
  };
  const self = removing?.memberId === me.memberId;
  const add = (member: DirectoryMember) => {
    if (setTeamMember(doc, member.memberId, true, me.memberId).ok) onChanged();
  };

  let status: string | null;
  if (!sync) status = enforced ? t('care.team.offline') : null;
  else if (sync.inStep) status = t('care.team.inStep');
  else if (sync.saving) status = t('care.team.saving');
  else if (sync.error === 'offline') status = t('care.team.offline');
  else if (sync.error) status = t('care.team.retrying', { reason: t(`care.errors.${sync.error}`) });
  else status = t('care.team.pending');

  return (
    <section className="card stack care-team" aria-labelledby="case-team">
      <h2 id="case-team">{t('care.team.heading')}</h2>
      <p className="muted">{t('care.team.who')}</p>
      <TeamList
        label={t('care.team.list')}
        memberIds={rows}
        owner={owner}
        me={me.memberId}
        members={members}
        notes={notes}
        reasons={reasons}
        removable={new Set(wanted)}
        onRemove={editable ? (memberId, name) => setRemoving({ memberId, name }) : undefined}
      />
      {removing ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={
              self ? t('care.team.confirmRemoveSelfTitle') : t('care.team.confirmRemoveTitle', { name: removing.name })
            }
            confirmLabel={t('care.team.confirmRemoveButton')}
            danger
            onConfirm={() => remove(removing.memberId)}
            onCancel={() => setRemoving(null)}
          >
            <p>{self ? t('care.team.confirmRemoveSelf') : t('care.team.confirmRemove')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
      {status ? (
        <p className={sync && !sync.inStep ? 'notice warn' : 'muted'} role="status" data-testid="care-team-status">
          {status}
        </p>
      ) : null}
      {editable ? (
        <MemberPicker id="case-team-search" members={members} exclude={rows} onPick={add} />
      ) : (
        <p className="muted">{t('care.team.readOnly')}</p>
      )}
    </section>
  );
}
