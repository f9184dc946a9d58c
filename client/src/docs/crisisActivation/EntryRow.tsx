// One entry of the main courante. An entry never changes once written, so a row renders again only when its mark,
// its corrections, a name or the language change: a log of thousands re-renders one row when one entry arrives.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entry, EntryCheck } from '@maillage/shared';
import { dayAtTime } from '../../workspace/dayAtTime';

interface Props {
  entry: Entry;
  /** The time of the entry this one corrects, if any. */
  correctsAt: string | null;
  authorName: string;
  checkerName: string | null;
  /** Changed after it was written, outside the layout. */
  rewritten: boolean;
  canWrite: boolean;
  language: string;
  /** Stable across renders (the list keeps the latest handler in a ref). */
  onMark: (id: string, state: EntryCheck) => void;
  onCorrect: (entry: Entry) => void;
}

export const hhmmOf = (iso: string, lang: string): string => {
  const d = dayAtTime(iso, lang);
  return `${d.day} ${d.month} ${d.hour}:${d.minute}`;
};

function Row({ entry, correctsAt, authorName, checkerName, rewritten, canWrite, language, onMark, onCorrect }: Props) {
  const { t } = useTranslation();
  const corrected = entry.correctedBy.length > 0;
  const headId = `crisis-entry-${entry.id}`;
  return (
    <li className={corrected ? 'corrected' : undefined} data-testid="crisis-entry">
      <p className="crisis-entry-head" id={headId}>
        {t('crisis.log.entryLabel', {
          time: hhmmOf(entry.at, language),
          kind: t(`crisis.log.kinds.${entry.kind}`),
          name: authorName,
        })}
        {entry.check ? (
          <span className="crisis-entry-check">
            {' · '}
            {t('crisis.log.checkedBy', {
              state: t(entry.check.state === 'a_verifier' ? 'crisis.log.toVerify' : 'crisis.log.verified'),
              name: checkerName,
              time: hhmmOf(entry.check.at, language),
            })}
          </span>
        ) : null}
      </p>
      {correctsAt ? (
        <p className="muted small">{t('crisis.log.corrects', { time: hhmmOf(correctsAt, language) })}</p>
      ) : null}
      <p className="crisis-entry-text">{entry.text}</p>
      {rewritten ? <p className="error small">{t('crisis.log.rewritten')}</p> : null}
      {corrected ? <p className="muted small">{t('crisis.log.correctedBy')}</p> : null}
      {canWrite ? (
        <div className="row wrap">
          {entry.check?.state === 'a_verifier' ? (
            <button
              type="button"
              className="ghost small"
              aria-describedby={headId}
              onClick={() => onMark(entry.id, 'verifie')}
            >
              {t('crisis.log.markVerified')}
            </button>
          ) : (
            <button
              type="button"
              className="ghost small"
              aria-describedby={headId}
              onClick={() => onMark(entry.id, 'a_verifier')}
            >
              {t('crisis.log.markToVerify')}
            </button>
          )}
          <button type="button" className="ghost small" aria-describedby={headId} onClick={() => onCorrect(entry)}>
            {t('crisis.log.correct')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

const same = (a: Props, b: Props) =>
  a.entry.id === b.entry.id &&
  a.entry.check?.state === b.entry.check?.state &&
  a.entry.check?.at === b.entry.check?.at &&
  a.entry.correctedBy.length === b.entry.correctedBy.length &&
  a.correctsAt === b.correctsAt &&
  a.authorName === b.authorName &&
  a.checkerName === b.checkerName &&
  a.rewritten === b.rewritten &&
  a.canWrite === b.canWrite &&
  a.language === b.language;

export const EntryRow = memo(Row, same);
