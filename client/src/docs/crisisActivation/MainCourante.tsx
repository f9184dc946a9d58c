// The main courante: the entries in time order (an entry written offline falls into place when it arrives), a form
// to append one, a correction that points to an earlier entry, and the cell's « à vérifier / vérifié » marks.
// Nothing here edits or removes an entry: the layout only appends.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ENTRY_KINDS,
  parisToday,
  type DirectoryMember,
  type Entry,
  type EntryCheck,
  type EntryLog,
  type EntryInput,
  type EntryKind,
  type FieldError,
} from '@maillage/shared';
import { ChoiceGroup } from '../adverseEvent/ChoiceGroup';
import { TimeField } from '../../ui/TimeField';
import { Field } from '../../ui/Field';
import { parisInstant } from '../adverseEvent/eventTime';
import { EntryRow, hhmmOf } from './EntryRow';

/**
 * The latest entries shown at first, and how many more each tap shows: a phone need not draw thousands, and only the
 * entries drawn are read and checked (decision 0035).
 */
const PAGE = 50;

interface Props {
  log: EntryLog;
  latest: (count: number) => Entry[];
  altered: { rewritten: string[]; removed: string[] };
  members: DirectoryMember[];
  /** False for observers and once the crisis is ended: the log is read only. */
  canWrite: boolean;
  onAppend: (input: EntryInput) => FieldError[] | null;
  onMark: (id: string, state: EntryCheck) => void;
}

export function MainCourante({ log, latest, altered, members, canWrite, onAppend, onMark }: Props) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<EntryKind>('information');
  const [time, setTime] = useState('');
  const [correcting, setCorrecting] = useState<Entry | null>(null);
  const [shown, setShown] = useState(PAGE);
  const total = log.order.length;
  const hidden = Math.max(0, total - shown);
  const entries = useMemo(() => latest(shown), [latest, shown]);
  const timeOf = useMemo(() => new Map(log.order.map((r) => [r.id, r.at])), [log]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? t(e.message) : false;
  };
  const hhmm = (iso: string) => hhmmOf(iso, i18n.language);
  // The rows are memoised: they get handlers that never change, which call the latest ones.
  const latestMark = useRef(onMark);
  latestMark.current = onMark;
  const mark = useCallback((id: string, state: EntryCheck) => latestMark.current(id, state), []);
  const correct = useCallback((entry: Entry) => {
    setCorrecting(entry);
    document.getElementById('crisis-entry-text')?.focus();
  }, []);
  const names = useMemo(() => new Map(members.map((m) => [m.memberId, m.name])), [members]);
  const name = (id: string) => names.get(id) ?? t('crisis.someone');
  const rewritten = new Set(altered.rewritten);

  const submit = () => {
    const input: EntryInput = {
      text,
      kind,
      ...(time ? { at: parisInstant(parisToday(), time) ?? 'invalid' } : {}),
      ...(correcting ? { corrects: correcting.id } : {}),
    };
    const refused = onAppend(input);
    setErrors(refused ?? []);
    if (!refused) {
      setText('');
      setTime('');
      setCorrecting(null);
    }
  };

  return (
    <section className="stack card crisis-log" aria-labelledby="crisis-log-heading">
      <h2 id="crisis-log-heading">{t('crisis.log.heading')}</h2>
      <p className="muted">{t('crisis.log.intro')}</p>
      {altered.rewritten.length + altered.removed.length > 0 ? (
        <p className="crisis-altered" role="alert" data-testid="crisis-log-altered">
          {t('crisis.log.altered', { rewritten: altered.rewritten.length, removed: altered.removed.length })}
        </p>
      ) : null}
      {canWrite ? (
        <form
          className="stack"
          aria-label={t('crisis.log.submit')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {correcting ? (
            <p role="status">
              {t('crisis.log.correcting', { time: hhmm(correcting.at), text: correcting.text })}{' '}
              <button type="button" className="ghost small" onClick={() => setCorrecting(null)}>
                {t('crisis.log.cancelCorrection')}
              </button>
            </p>
          ) : null}
          <Field id="crisis-entry-text" label={t('crisis.log.text')} error={errorOf('text')}>
            <textarea id="crisis-entry-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <ChoiceGroup
            name="crisis-entry-kind"
            legend={t('crisis.log.kind')}
            options={ENTRY_KINDS.map((value) => ({ value, label: t(`crisis.log.kinds.${value}`) }))}
            selected={kind}
            onChange={(value) => setKind(value)}
            error={errorOf('kind')}
          />
          <TimeField
            id="crisis-entry-time"
            label={t('crisis.log.time')}
            value={time}
            onChange={setTime}
            error={errorOf('at')}
          />
          {errorOf('actor') || errorOf('activation') || errorOf('corrects') ? (
            <p className="error" role="alert">
              {errorOf('actor') || errorOf('activation') || errorOf('corrects')}
            </p>
          ) : null}
          <div className="row">
            <button type="submit" className="primary">
              {t('crisis.log.submit')}
            </button>
          </div>
        </form>
      ) : null}
      {total === 0 ? (
        <p className="empty">{t('crisis.log.empty')}</p>
      ) : (
        <>
          {hidden > 0 ? (
            <div className="row">
              <button type="button" className="ghost small" onClick={() => setShown(shown + PAGE)}>
                {t('crisis.log.earlier', { count: Math.min(PAGE, hidden), total: hidden })}
              </button>
            </div>
          ) : null}
          <ol aria-labelledby="crisis-log-heading" data-testid="crisis-log">
            {entries.map((entry) => (
              <EntryRow
                key={entry.id}
                entry={entry}
                correctsAt={(entry.corrects && timeOf.get(entry.corrects)) || null}
                authorName={name(entry.author)}
                checkerName={entry.check ? name(entry.check.by) : null}
                rewritten={rewritten.has(entry.id)}
                canWrite={canWrite}
                language={i18n.language}
                onMark={mark}
                onCorrect={correct}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
