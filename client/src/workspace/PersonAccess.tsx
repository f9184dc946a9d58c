// One person in « Accès »: their devices and coordination key, and the three ways to take access away, each confirmed.
import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinatorKey, RevokeRequest } from '@maillage/shared';
import { dayAtTime } from './dayAtTime';
import type { PersonSeen } from './devicesSeen';

const ConfirmDialog = lazy(() => import('../ui/ConfirmDialog'));

export interface RevokedSets {
  members: Set<string>;
  devices: Set<string>;
  delegations: Set<string>;
}

interface Props {
  /** `detail`: what follows the name (profession, or « observateur·rice » and organisation). */
  member: { memberId: string; name: string; detail: string };
  isMe: boolean;
  /** Whether this device holds a key that may sign a revocation. */
  canAct: boolean;
  thisDevice: string;
  revoked: RevokedSets;
  /** The coordination keys recorded for this person. */
  keys: CoordinatorKey[];
  /** The names of the people a coordination key invited. */
  inviteesOf: (delegation: string) => string[];
  loadPerson: (memberId: string) => Promise<PersonSeen | null>;
  onRevoke: (kind: RevokeRequest['kind'], target: string, notice: string) => Promise<boolean>;
}

type Asking = { kind: RevokeRequest['kind']; target: string; lastSeen?: string };

export function PersonAccess({
  member,
  isMe,
  canAct,
  thisDevice,
  revoked,
  keys,
  inviteesOf,
  loadPerson,
  onRevoke,
}: Props) {
  const { t, i18n } = useTranslation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState<PersonSeen | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [busy, setBusy] = useState(false);
  const name = member.name;
  const when = (iso: string) => t('access.dayAtTime', { ...dayAtTime(iso, i18n.language) });
  const gone = revoked.members.has(member.memberId);

  const toggle = async () => {
    setOpen(!open);
    if (!open) setSeen(await loadPerson(member.memberId));
  };

  const cutOff = (delegations: string[]): ReactNode => {
    const names = delegations.flatMap(inviteesOf);
    return names.length > 0 ? <p>{t('access.invitedCutOff', { names: names.join(', ') })}</p> : null;
  };

  /** What the confirmation says, worked out at each render: names synced meanwhile show up in it. */
  const messageOf = (a: Asking): ReactNode => {
    if (a.kind === 'member') {
      return (
        <>
          <p>
            {t('access.confirmRemovePerson', { name })}
            {keys.length > 0 ? ` ${t('access.confirmRemovePersonKey')}` : ''}
          </p>
          {cutOff(keys.map((k) => k.delegation))}
        </>
      );
    }
    if (a.kind === 'device') {
      const liveKey = keys.some((k) => !revoked.delegations.has(k.delegation));
      return (
        <p>
          {t('access.confirmRemoveDevice', { name, when: when(a.lastSeen ?? '') })}
          {liveKey ? ` ${t('access.deviceKeyHint')}` : ''}
        </p>
      );
    }
    return (
      <>
        <p>{t('access.confirmRemoveKey', { name })}</p>
        {cutOff([a.target])}
      </>
    );
  };
  const NOTICE = {
    member: 'access.revokedNotice',
    device: 'access.deviceRemoved',
    delegation: 'access.keyRemovedNotice',
  } as const;

  const confirm = async () => {
    if (!asking) return;
    setBusy(true);
    // Done or not, the dialog closes: a failure is said on the page, with what to do, and the button is still there.
    await onRevoke(asking.kind, asking.target, t(NOTICE[asking.kind], { name }));
    setBusy(false);
    setAsking(null);
  };
  const TITLE = {
    member: 'access.revokeWho',
    device: 'access.removeDevice',
    delegation: 'access.removeKeyWho',
  } as const;

  const mayAct = canAct && !gone;
  const full = { flexBasis: '100%' };

  return (
    <li>
      <span className="list-title">{name}</span>
      <span className="muted">{member.detail}</span>
      {gone ? (
        <span className="badge revoked">{t('access.revoked')}</span>
      ) : isMe ? (
        <span className="muted">{t('presence.you')}</span>
      ) : null}
      {!gone ? (
        <button
          type="button"
          className="ghost small"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={t('access.manageWho', { name })}
          onClick={() => void toggle()}
        >
          {t('access.manage')}
        </button>
      ) : null}
      {mayAct && !isMe ? (
        <button
          type="button"
          className="small"
          aria-label={t('access.revokeWho', { name })}
          onClick={() => setAsking({ kind: 'member', target: member.memberId })}
        >
          {t('access.revoke')}
        </button>
      ) : null}
      {asking ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            title={t(TITLE[asking.kind], { name })}
            confirmLabel={t('access.confirmYes')}
            danger
            busy={busy}
            onConfirm={() => void confirm()}
            onCancel={() => setAsking(null)}
          >
            {messageOf(asking)}
          </ConfirmDialog>
        </Suspense>
      ) : null}
      {open && !gone ? (
        <div id={panelId} className="stack" style={full}>
          {seen === null ? (
            <p className="muted">{t('access.loading')}</p>
          ) : seen.devices.length === 0 ? (
            <p className="muted">{t('access.noDevices')}</p>
          ) : (
            <ul className="list" aria-label={t('access.devices', { name })}>
              {seen.devices.map((d) => (
                <li key={d.device}>
                  <span className="grow">{t('access.deviceLastUsed', { when: when(d.lastSeen) })}</span>
                  {revoked.devices.has(d.device) ? (
                    <span className="badge revoked">{t('access.deviceRemovedBadge')}</span>
                  ) : isMe && d.device === thisDevice ? (
                    <span className="muted">{t('access.thisDevice')}</span>
                  ) : mayAct ? (
                    <button
                      type="button"
                      className="small"
                      aria-label={t('access.removeDeviceWho', { name, when: when(d.lastSeen) })}
                      onClick={() => setAsking({ kind: 'device', target: d.device, lastSeen: d.lastSeen })}
                    >
                      {t('access.removeDevice')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {keys.map((k) => (
            <div className="row" key={k.delegation}>
              <span>{t('access.key', { when: when(k.issuedAt) })}</span>
              {revoked.delegations.has(k.delegation) ? (
                <span className="badge revoked">{t('access.keyRemovedBadge')}</span>
              ) : mayAct && !isMe ? (
                <button
                  type="button"
                  className="small"
                  aria-label={t('access.removeKeyWho', { name })}
                  onClick={() => setAsking({ kind: 'delegation', target: k.delegation })}
                >
                  {t('access.removeKey')}
                </button>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
    </li>
  );
}
