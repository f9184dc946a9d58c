// The coordinator makes an invitation link for a person, a role and a validity; it is copied and sent by the
// coordinator's own means. The link says which CPTS and who invites; the invitation is written down for « Accès ».
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INVITATION_DAYS,
  recordCoordinatorKey,
  recordInvitation,
  recordKeyInvitation,
  ROLES,
  type Role,
} from '@maillage/shared';
import { canSign, invitationLink } from '../../workspace/access';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { useProfile } from '../../workspace/ProfileContext';
import { useGroups } from '../groups/GroupsContext';
import { QrCode } from '../../ui/QrCode';
import { Field } from '../../ui/Field';
import '../../workspace/peopleStrings';

const VALIDITY_DAYS = INVITATION_DAYS;

/** `initialRole`: the role proposed first (a meeting's screen invites an outside professional as an observer). */
export default function InvitePanel({ onClose, initialRole = 'member' }: { onClose: () => void; initialRole?: Role }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const profile = useProfile();
  const { governance } = useGroups();
  const [role, setRole] = useState<Role>(initialRole);
  const [days, setDays] = useState<number>(7);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  if (!canSign(workspace)) return null;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    // An observer cannot write their own entry in the annuaire: the name given here is how colleagues see them.
    if (role === 'observer' && !name.trim()) return setError(t('invite.nameRequired'));
    const invitation = await invitationLink(workspace, role, days, {
      cpts: workspace.name.slice(0, 120),
      by: profile.name,
      byp: profile.profession,
      ...(name.trim() ? { to: name.trim().slice(0, 80) } : {}),
      ...(role === 'observer' && organisation.trim() ? { org: organisation.trim().slice(0, 120) } : {}),
    });
    if (governance) {
      recordInvitation(governance.doc, invitation.member, {
        role,
        name: name.trim().slice(0, 80),
        organisation: role === 'observer' ? organisation.trim().slice(0, 120) : '',
        by: workspace.memberId,
        issuedAt: new Date().toISOString(),
        expiresAt: invitation.expiresAt,
      });
      // Written down so « Accès » can say which key a person holds and whom a key let in (decision 0017).
      if (invitation.givesKey) recordCoordinatorKey(governance.doc, invitation.givesKey, invitation.member);
      if (invitation.signedWith) recordKeyInvitation(governance.doc, invitation.member, invitation.signedWith);
    }
    setLink(invitation.link);
    setCopied(false);
  };

  return (
    <section className="card stack" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <form onSubmit={create} noValidate className="stack">
        <div className="row">
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
        </div>
        <Field
          id="invite-name"
          label={t(role === 'observer' ? 'invite.nameObserver' : 'invite.name')}
          error={error ?? undefined}
        >
          <input
            id="invite-name"
            value={name}
            maxLength={80}
            autoComplete="off"
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
        </Field>
        {role === 'observer' ? (
          <Field id="invite-organisation" label={t('invite.organisation')}>
            <input
              id="invite-organisation"
              value={organisation}
              maxLength={120}
              placeholder={t('invite.organisationPlaceholder')}
              onChange={(e) => setOrganisation(e.target.value)}
            />
          </Field>
        ) : null}
        <div className="row">
          <button type="submit" className="primary">
            {t('invite.create')}
          </button>
          <button type="button" className="ghost" onClick={onClose}>
            {t('invite.close')}
          </button>
        </div>
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
