// A shift handover: what the next shift must pick up — the entries still « à vérifier », and the decisions taken since
// the time the outgoing shift chooses (the activation by default).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parisToday, type Entry } from '@maillage/shared';
import { TimeField } from '../../ui/TimeField';
import { parisInstant } from '../adverseEvent/eventTime';
import { dayAtTime } from '../../workspace/dayAtTime';

/** Each list shows its latest items first drawn; « Tout afficher » draws the rest (a long crisis has hundreds). */
const FIRST = 20;

interface Props {
  handover: (since: string) => { toVerify: Entry[]; decisions: Entry[] };
  activatedAt: string;
}

export function HandoverPanel({ handover, activatedAt }: Props) {
  const { t, i18n } = useTranslation();
  const [since, setSince] = useState('');
  const from = (since && parisInstant(parisToday(), since)) || activatedAt;
  const summary = useMemo(() => handover(from), [handover, from]);
  const [all, setAll] = useState(false);
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
        <>
          {!all && items.length > FIRST ? (
            <div className="row">
              <button type="button" className="ghost small" onClick={() => setAll(true)}>
                {t('crisis.handover.showAll', { count: items.length })}
              </button>
            </div>
          ) : null}
          <ul>
            {(all ? items : items.slice(-FIRST)).map((e) => (
              <li key={e.id}>
                {hhmm(e.at)} · {e.text}
              </li>
            ))}
          </ul>
        </>
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
