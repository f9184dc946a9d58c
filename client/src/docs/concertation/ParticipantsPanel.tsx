// Who may open this meeting: its participants, the room's list on the relay (decision 0033). Invited or taken off here;
// each difference with what the relay enforces is spelled out per person until it applies. The bureau and the person
// who planned the meeting stay.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryMember, EnforcedAcl, Meeting } from '@maillage/shared';
import { MemberPicker } from '../patientCase/MemberPicker';
import { TeamList } from '../patientCase/TeamList';
import type { TeamSyncState } from '../patientCase/teamSync';
import { canSign } from '../../workspace/access';
import { useWorkspace } from '../../workspace/WorkspaceContext';

const ConfirmDialog = lazy(() => import('../../ui/ConfirmDialog'));
const InvitePanel = lazy(() => import('../catalogue/InvitePanel'));

interface Props {
  meeting: Meeting;
  /** The list wanted: the participants and the room's owner. */
  wanted: readonly string[];
  owner: string | null;
  enforced: EnforcedAcl | null;
  sync: TeamSyncState | null;
  editable: boolean;
  members: readonly DirectoryMember[];
  me: string;
  onInvite: (memberId: string) => void;
  onRemove: (memberId: string) => void;
}

export function ParticipantsPanel({
  meeting,
  wanted,
  owner,
  enforced,
  sync,
  editable,
  members,
  me,
  onInvite,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<{ memberId: string; name: string } | null>(null);
  // A professional who is not a member yet: an observer invitation from here, then invited once in the annuaire.
  const workspace = useWorkspace();
  const [invitingOutside, setInvitingOutside] = useState(false);
  const enforcedIds = enforced?.members ?? [];
  const rows = [...new Set([...wanted, ...enforcedIds])];
  const notes = new Map<string, string>();
  if (enforced) {
    for (const id of wanted) if (!enforcedIds.includes(id)) notes.set(id, t('concertation.participants.pendingAdd'));
    for (const id of enforcedIds) if (!wanted.includes(id)) notes.set(id, t('concertation.participants.pendingRemove'));
  }
  const stays = new Set([meeting.coordonnateur, meeting.animateur, meeting.secretaire, owner]);
  const removable = new Set(meeting.participants.filter((id) => !stays.has(id)));

  let status: string | null;
  if (!sync) status = null;
  else if (sync.inStep) status = t('concertation.participants.inStep');
  else if (sync.saving) status = t('care.team.saving');
  else if (sync.error === 'offline') status = t('care.team.offline');
  else if (sync.error) status = t('care.team.retrying', { reason: t(`care.errors.${sync.error}`) });
  else status = t('concertation.participants.pending');

  return (
    <section className="card stack" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('concertation.participants.heading')}</h2>
      <p className="muted">{t('concertation.participants.who')}</p>
      <TeamList
        label={t('concertation.participants.list')}
        memberIds={rows}
        owner={owner}
        me={me}
        members={members}
        notes={notes}
        removable={removable}
        onRemove={editable ? (memberId, name) => setRemoving({ memberId, name }) : undefined}
        removeLabel={(name) => t('concertation.participants.remove', { name })}
      />
      {removing ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t('concertation.participants.confirmTitle', { name: removing.name })}
            confirmLabel={t('concertation.participants.confirmButton')}
            danger
            onConfirm={() => {
              setRemoving(null);
              onRemove(removing.memberId);
            }}
            onCancel={() => setRemoving(null)}
          >
            <p>{t('concertation.participants.confirm')}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
      {status ? (
        <p className={sync && !sync.inStep ? 'notice warn' : 'muted'} role="status" data-testid="participants-status">
          {status}
        </p>
      ) : null}
      {editable ? (
        <MemberPicker
          id="meeting-participant-search"
          members={members}
          exclude={rows}
          onPick={(m) => onInvite(m.memberId)}
          addLabel={(name) => t('concertation.form.invite', { name })}
        />
      ) : null}
      {editable && canSign(workspace) ? (
        invitingOutside ? (
          <Suspense fallback={null}>
            <p className="muted">{t('concertation.participants.outsideHint')}</p>
            <InvitePanel initialRole="observer" onClose={() => setInvitingOutside(false)} />
          </Suspense>
        ) : (
          <div>
            <button type="button" onClick={() => setInvitingOutside(true)}>
              {t('concertation.participants.inviteOutside')}
            </button>
          </div>
        )
      ) : null}
    </section>
  );
}
