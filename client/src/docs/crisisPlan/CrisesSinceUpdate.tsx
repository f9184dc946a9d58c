// The crises and exercises ended since the plan's last yearly update, each with its RETEX to take into the next one:
// what links a RETEX to the plan's update (issue 22). Read from the catalogue, so nothing is opened to list them.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogueItem } from '@maillage/shared';

interface Props {
  workspaceId: string;
  items: readonly CatalogueItem[];
  /** The day of the last yearly update (YYYY-MM-DD), or of the plan's creation. */
  since: string;
}

/** Ended activations (crises and exercises) activated on or after `since`, oldest first. */
export const crisesSince = (items: readonly CatalogueItem[], since: string): CatalogueItem[] =>
  items
    .filter((i) => i.kind === 'crisisActivation' && i.status === 'terminee' && !i.deletedAt && i.createdAt >= since)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));

export function CrisesSinceUpdate({ workspaceId, items, since }: Props) {
  const { t } = useTranslation();
  const ended = crisesSince(items, since);
  return (
    <section className="card stack" aria-labelledby="plan-retex-title" data-testid="plan-retex">
      <h2 id="plan-retex-title">{t('crisisPlan.retex.title')}</h2>
      {ended.length === 0 ? (
        <p className="empty">{t('crisisPlan.retex.none')}</p>
      ) : (
        <ul>
          {ended.map((i) => (
            <li key={i.docId}>
              <Link to="/w/$workspaceId/crise/$docId" params={{ workspaceId, docId: i.docId }}>
                {i.title}
              </Link>{' '}
              {i.crisisExercise ? <span className="badge">{t('crisisPlan.retex.exercise')}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
