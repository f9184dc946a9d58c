// Invitations sent but not used yet: for whom, which role, made by whom, until when; each can be withdrawn, which
// revokes the access its link would give (asked first, in place).
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceInvitation } from '@maillage/shared';
import { formatDate } from '../i18n';

const ConfirmDialog = lazy(() => import('../ui/ConfirmDialog'));

interface Props {
  pending: WorkspaceInvitation[];
  canAct: boolean;
  nameOf: (memberId: string) => string;
  onWithdraw: (invitation: WorkspaceInvitation) => Promise<boolean>;
}

export function PendingInvitations({ pending, canAct, nameOf, onWithdraw }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const forWhom = (i: WorkspaceInvitation) => i.name || t('access.invitationUnnamed');

  return (
    <section className="stack" aria-labelledby="access-pending">
      <h2 id="access-pending">{t('access.pending')}</h2>
      {pending.length === 0 ? (
        <p className="empty">{t('access.pendingEmpty')}</p>
      ) : (
        <ul className="list" aria-label={t('access.pending')}>
          {pending.map((i) => (
            <li key={i.member}>
              <span className="list-title">{forWhom(i)}</span>
              <span className="badge">{t(`roles.${i.role}`)}</span>
              <span className="muted grow">
                {t('access.invitedOn', {
                  by: nameOf(i.by),
                  date: formatDate(i.issuedAt, false),
                  expires: formatDate(i.expiresAt, false),
                })}
              </span>
              {canAct ? (
                <button
                  type="button"
                  className="small"
                  aria-label={t('access.withdrawWho', { name: forWhom(i) })}
                  onClick={() => setAsking(i.member)}
                >
                  {t('access.withdraw')}
                </button>
              ) : null}
              {asking === i.member ? (
                <Suspense fallback={null}>
                  <ConfirmDialog
                    title={t('access.withdrawWho', { name: forWhom(i) })}
                    confirmLabel={t('access.withdrawYes')}
                    danger
                    busy={busy}
                    onCancel={() => setAsking(null)}
                    onConfirm={() => {
                      setBusy(true);
                      void onWithdraw(i).then(() => {
                        setBusy(false);
                        setAsking(null);
                      });
                    }}
                  >
                    <p>{t('access.confirmWithdraw', { name: forWhom(i) })}</p>
                  </ConfirmDialog>
                </Suspense>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
