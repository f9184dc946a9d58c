// The coordinator makes an invitation link for a role and a validity; it is copied and sent by the coordinator's own means.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INVITATION_DAYS, recordCoordinatorKey, recordKeyInvitation, ROLES, type Role } from '@maillage/shared';
import { canSign, invitationLink } from '../../workspace/access';
import { useWorkspace } from '../../workspace/WorkspaceScreen';
import { useGroups } from '../groups/GroupsContext';
import { QrCode } from '../../ui/QrCode';
import '../../workspace/peopleStrings';

const VALIDITY_DAYS = INVITATION_DAYS;

export default function InvitePanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { governance } = useGroups();
  const [role, setRole] = useState<Role>('member');
  const [days, setDays] = useState<number>(7);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  if (!canSign(workspace)) return null;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const invitation = await invitationLink(workspace, role, days);
    // Written down so « Accès » can say which key a person holds and whom a key let in (decision 0017).
    if (governance && invitation.givesKey) recordCoordinatorKey(governance.doc, invitation.givesKey, invitation.member);
    if (governance && invitation.signedWith)
      recordKeyInvitation(governance.doc, invitation.member, invitation.signedWith);
    setLink(invitation.link);
    setCopied(false);
  };

  return (
    <section className="card stack" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <form onSubmit={create} className="row">
        <label htmlFor="invite-role">{t('invite.role')}</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor="invite-days">{t('invite.validity')}</label>
        <select id="invite-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {VALIDITY_DAYS.map((d) => (
            <option key={d} value={d}>
              {t('invite.days', { count: d })}
            </option>
          ))}
        </select>
        <button type="submit" className="primary">
          {t('invite.create')}
        </button>
        <button type="button" className="ghost" onClick={onClose}>
          {t('invite.close')}
        </button>
      </form>
      {link ? (
        <div className="row">
          <label htmlFor="invite-link" className="visually-hidden">
            {t('invite.link')}
          </label>
          <input id="invite-link" readOnly value={link} className="grow" onFocus={(e) => e.target.select()} />
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard?.writeText(link).then(
                () => setCopied(true),
                () => undefined,
              )
            }
          >
            {copied ? t('invite.copied') : t('invite.copy')}
          </button>
          <a
            className="button"
            href={`mailto:?subject=${encodeURIComponent(t('invite.mailSubject', { name: workspace.name }))}&body=${encodeURIComponent(t('invite.mailBody', { name: workspace.name, link, days }))}`}
          >
            {t('invite.mail')}
          </a>
        </div>
      ) : null}
      {link ? <QrCode value={link} label={t('invite.qr')} /> : null}
      <p className="muted">{t('invite.hint')}</p>
      {role === 'coordinator' ? (
        <p className="muted">{t(workspace.rootKey ? 'invite.coordinatorKey' : 'invite.coordinatorNoKey')}</p>
      ) : null}
    </section>
  );
}
