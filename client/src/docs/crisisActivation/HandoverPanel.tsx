// A shift handover: what the next shift must pick up — the entries still « à vérifier », and the decisions taken since
// the time the outgoing shift chooses (the activation by default).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handoverSummary, parisToday, type Entry } from '@maillage/shared';
import { TimeField } from '../../ui/TimeField';
import { parisInstant } from '../adverseEvent/eventTime';
import { dayAtTime } from '../../workspace/dayAtTime';

export function HandoverPanel({ entries, activatedAt }: { entries: Entry[]; activatedAt: string }) {
  const { t, i18n } = useTranslation();
  const [since, setSince] = useState('');
  const from = (since && parisInstant(parisToday(), since)) || activatedAt;
  const summary = useMemo(() => handoverSummary(entries, from), [entries, from]);
  const hhmm = (iso: string) => {
    const d = dayAtTime(iso, i18n.language);
    return `${d.hour}:${d.minute}`;
  };
  const list = (id: string, heading: string, items: Entry[]) => (
    <section className="stack tight" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('crisis.handover.nothing')}</p>
      ) : (
        <ul>
          {items.map((e) => (
            <li key={e.id}>
              {hhmm(e.at)} · {e.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <section className="stack card" aria-labelledby="crisis-handover-heading" data-testid="crisis-handover">
      <h2 id="crisis-handover-heading">{t('crisis.handover.heading')}</h2>
      <TimeField id="crisis-handover-since" label={t('crisis.handover.since')} value={since} onChange={setSince} />
      {list(
        'crisis-handover-verify',
        t('crisis.handover.toVerify', { count: summary.toVerify.length }),
        summary.toVerify,
      )}
      {list(
        'crisis-handover-decisions',
        t('crisis.handover.decisions', { count: summary.decisions.length }),
        summary.decisions,
      )}
    </section>
  );
}
