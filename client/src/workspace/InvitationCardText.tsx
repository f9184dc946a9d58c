// What an invitation says, in a sentence or two: which CPTS, who invites (and their profession), with what role and
// what it allows, for whom, until when; or, for a link to one's own device, whose access this device joins with.
import { useTranslation } from 'react-i18next';
import { professionSchema } from '@maillage/shared';
import { formatDate } from '../i18n';
import type { ReadInvitation } from './joinWithInvitation';

export function InvitationCardText({ invitation }: { invitation: ReadInvitation }) {
  const { t } = useTranslation();
  const { claims, owner } = invitation;
  const card = claims.inv;
  const profession = (code: string | undefined) =>
    professionSchema.safeParse(code).success ? t(`professions.${code}`).toLocaleLowerCase('fr') : null;
  const role = t(`join.roleNames.${claims.role}`);
  if (owner) {
    return (
      <div className="card stack" data-testid="invitation-card">
        <p>
          {t('join.ownText', {
            cpts: card?.cpts || t('join.title'),
            name: owner.name,
            profession: profession(owner.profession),
          })}
        </p>
        {!card?.own ? <p className="muted">{t('join.ownShared')}</p> : null}
      </div>
    );
  }
  const by = card?.by;
  const byProfession = profession(card?.byp);
  const sentence = !card?.cpts
    ? t('join.invitedUnnamed', { role })
    : by && byProfession
      ? t('join.invitedByProfession', { by, profession: byProfession, cpts: card.cpts, role })
      : by
        ? t('join.invitedBy', { by, cpts: card.cpts, role })
        : t('join.invitedTo', { cpts: card.cpts, role });
  return (
    <div className="card stack" data-testid="invitation-card">
      <p className="lead">{sentence}</p>
      <p>{t(`join.roleMeans.${claims.role}`)}</p>
      {card?.to ? <p className="muted">{t('join.forWhom', { name: card.to })}</p> : null}
      <p className="muted">
        {t('join.validUntil', { date: formatDate(new Date(claims.exp * 1000).toISOString(), false) })}
      </p>
    </div>
  );
}
