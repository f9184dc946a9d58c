// The main courante: the entries in time order (an entry written offline falls into place when it arrives), a form
// to append one, a correction that points to an earlier entry, and the cell's « à vérifier / vérifié » marks.
// Nothing here edits or removes an entry: the layout only appends.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ENTRY_KINDS,
  type DirectoryMember,
  type Entry,
  type EntryCheck,
  type EntryInput,
  type EntryKind,
  type FieldError,
} from '@maillage/shared';
import { ChoiceGroup } from '../adverseEvent/ChoiceGroup';
import { TimeField } from '../../ui/TimeField';
import { Field } from '../../ui/Field';
import { parisInstant } from '../adverseEvent/eventTime';
import { parisToday } from '@maillage/shared';
import { dayAtTime } from '../../workspace/dayAtTime';

interface Props {
  entries: Entry[];
  members: DirectoryMember[];
  /** False for observers and once the crisis is ended: the log is read only. */
  canWrite: boolean;
  onAppend: (input: EntryInput) => FieldError[] | null;
  onMark: (id: string, state: EntryCheck) => void;
}

export function MainCourante({ entries, members, canWrite, onAppend, onMark }: Props) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<EntryKind>('information');
  const [time, setTime] = useState('');
  const [correcting, setCorrecting] = useState<Entry | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? t(e.message) : false;
  };
  const hhmm = (iso: string) => {
    const d = dayAtTime(iso, i18n.language);
    return `${d.day} ${d.month} ${d.hour}:${d.minute}`;
  };
  const name = (id: string) => members.find((m) => m.memberId === id)?.name ?? t('crisis.someone');
  const byId = new Map(entries.map((e) => [e.id, e]));

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
      {entries.length === 0 ? (
        <p className="empty">{t('crisis.log.empty')}</p>
      ) : (
        <ol aria-labelledby="crisis-log-heading" data-testid="crisis-log">
          {entries.map((entry) => {
            const corrected = entry.correctedBy.length > 0;
            const target = entry.corrects ? byId.get(entry.corrects) : undefined;
            return (
              <li key={entry.id} className={corrected ? 'corrected' : undefined} data-testid="crisis-entry">
                <p className="crisis-entry-head">
                  {t('crisis.log.entryLabel', {
                    time: hhmm(entry.at),
                    kind: t(`crisis.log.kinds.${entry.kind}`),
                    name: name(entry.author),
                  })}
                  {entry.check ? (
                    <span className="crisis-entry-check">
                      {' · '}
                      {t('crisis.log.checkedBy', {
                        state: t(entry.check.state === 'a_verifier' ? 'crisis.log.toVerify' : 'crisis.log.verified'),
                        name: name(entry.check.by),
                        time: hhmm(entry.check.at),
                      })}
                    </span>
                  ) : null}
                </p>
                {target ? <p className="muted small">{t('crisis.log.corrects', { time: hhmm(target.at) })}</p> : null}
                <p className="crisis-entry-text">{entry.text}</p>
                {corrected ? <p className="muted small">{t('crisis.log.correctedBy')}</p> : null}
                {canWrite ? (
                  <div className="row wrap">
                    {entry.check?.state !== 'a_verifier' ? (
                      <button type="button" className="ghost small" onClick={() => onMark(entry.id, 'a_verifier')}>
                        {t('crisis.log.markToVerify')}
                      </button>
                    ) : null}
                    {entry.check?.state === 'a_verifier' ? (
                      <button type="button" className="ghost small" onClick={() => onMark(entry.id, 'verifie')}>
                        {t('crisis.log.markVerified')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="ghost small"
                      onClick={() => {
                        setCorrecting(entry);
                        document.getElementById('crisis-entry-text')?.focus();
                      }}
                    >
                      {t('crisis.log.correct')}
                    </button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
