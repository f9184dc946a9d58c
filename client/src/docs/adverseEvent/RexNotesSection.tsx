// The REX notes every member reads; each register row with a lesson links to its anchor here.
import { useTranslation } from 'react-i18next';
import type { RexNote } from '@maillage/shared';
import { formatDate } from '../../i18n';

export function RexNotesSection({ notes }: { notes: RexNote[] }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="rex-title">
      <h2 id="rex-title">{t('adverse.rex.title')}</h2>
      <p className="muted">{t('adverse.rex.intro')}</p>
      {notes.length === 0 ? <p className="empty">{t('adverse.rex.empty')}</p> : null}
      {notes.map((n) => (
        <article
          key={n.reportId}
          id={`rex-${n.reportId}`}
          className="card stack tight"
          aria-labelledby={`rex-h-${n.reportId}`}
        >
          <h3 id={`rex-h-${n.reportId}`}>{n.title}</h3>
          <p className="pre-wrap">{n.lesson}</p>
          <p className="muted small">{t('adverse.rex.publishedOn', { date: formatDate(n.publishedAt, false) })}</p>
        </article>
      ))}
    </section>
  );
}
