// /join#<invitation>: says which CPTS, who invites, with what role, once the link is checked (on this device, then
// with the server), and only then asks who you are. A broken, expired or withdrawn link says so at once.
import { useEffect, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Layout } from '../ui/Layout';
import { acceptInvitation, readInvitation, type ReadInvitation } from './joinWithInvitation';
import { checkInvitation, type InvitationCheck } from './invitationCheck';
import { ProfileFormCard } from './ProfileForm';
import { useProfileState } from './ProfileContext';
import { saveProfile, type Profile } from './profile';
import { InvitationCardText } from './InvitationCardText';
import './joinStrings';

type Failure = 'expired' | 'invalid' | 'withdrawn';

export default function JoinScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { profile, setProfile } = useProfileState();
  const [invitation, setInvitation] = useState<ReadInvitation | null>(null);
  const [check, setCheck] = useState<InvitationCheck | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const fragment = decodeURIComponent(location.hash.slice(1));
    void readInvitation(fragment).then(async (read) => {
      if (!read.ok) return setFailure(read.code === 'expired' ? 'expired' : 'invalid');
      setInvitation(read.invitation);
      const answer = await checkInvitation(read.invitation.token);
      if (answer === 'withdrawn' || answer === 'expired' || answer === 'invalid') setFailure(answer);
      else setCheck(answer);
    });
  }, []);

  const join = async (who: Profile | null) => {
    if (!invitation) return;
    setBusy(true);
    if (who && !profile) {
      await saveProfile(who);
      setProfile(who);
    }
    const workspaceId = await acceptInvitation(invitation);
    // The token leaves the address bar (and the history) once it is stored.
    history.replaceState(null, '', '/');
    await navigate({ to: '/w/$workspaceId', params: { workspaceId }, replace: true });
  };

  const card = invitation?.claims.inv;
  const own = Boolean(invitation?.owner);
  const heading = own ? t('join.ownTitle') : card?.cpts ? t('join.titleOf', { cpts: card.cpts }) : t('join.title');
  const ready = invitation && check && !failure;

  return (
    <Layout>
      <div className="narrow stack">
        <h1>{heading}</h1>
        {failure ? (
          <>
            <p className="error" role="alert">
              {t(`join.${failure}`)}
            </p>
            <Link to="/">{t('join.home')}</Link>
          </>
        ) : null}
        {invitation && failure !== 'invalid' ? <InvitationCardText invitation={invitation} /> : null}
        {!failure && !check ? <p role="status">{t('join.checking')}</p> : null}
        {ready && check === 'unchecked' ? <p className="card muted">{t('join.notChecked')}</p> : null}
        {ready && (profile || invitation.owner) ? (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void join(profile ? null : invitation.owner)}
          >
            {own ? t('join.submitOwn') : t('join.submit')}
          </button>
        ) : null}
        {ready && !profile && !invitation.owner ? (
          <section className="stack" aria-labelledby="join-who">
            <h2 id="join-who">{t('join.whoAreYou')}</h2>
            <p className="muted">{t('join.whoAreYouHint')}</p>
            <ProfileFormCard
              initialName={card?.to ?? ''}
              submitLabel={t('join.submit')}
              busy={busy}
              onSaved={(p) => void join(p)}
            />
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
