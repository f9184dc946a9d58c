// The case's follow-up: add a dated note or decision; everyone on the team sees it arrive.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addTimelineEntry, parisToday, TIMELINE_KINDS, type TimelineEntry } from '@maillage/shared';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatDate } from '../../i18n';

interface TimelineProps {
  doc: Y.Doc;
  entries: TimelineEntry[];
  names: ReadonlyMap<string, string>;
  me: string;
  readOnly: boolean;
}

export function Timeline({ doc, entries, names, me, readOnly }: TimelineProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ kind: 'note' as (typeof TIMELINE_KINDS)[number], date: parisToday(), text: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const text = useRef<HTMLTextAreaElement>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const result = addTimelineEntry(doc, form, me);
    if (!result.ok) return setErrors(Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
    setErrors({});
    setForm({ ...form, text: '' });
    text.current?.focus();
  };

  return (
    <section className="card stack" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('care.timeline.heading')}</h2>
      {!readOnly ? (
        <form className="stack" noValidate onSubmit={add} aria-label={t('care.timeline.add')}>
          <div className="row">
            <fieldset className="plain row">
              <legend className="visually-hidden">{t('care.timeline.kind')}</legend>
              {TIMELINE_KINDS.map((k) => (
                <label key={k} className="check">
                  <input
                    type="radio"
                    name="timeline-kind"
                    value={k}
                    checked={form.kind === k}
                    onChange={() => setForm({ ...form, kind: k })}
                  />
                  {t(`care.timeline.kinds.${k}`)}
                </label>
              ))}
            </fieldset>
            <DateField
              id="timeline-date"
              label={t('care.timeline.date')}
              error={errors.date && t(errors.date)}
              value={form.date}
              max={parisToday()}
              onChange={(date) => setForm({ ...form, date })}
            />
          </div>
          <Field id="timeline-text" label={t('care.timeline.text')} error={errors.text && t(errors.text)}>
            <textarea
              id="timeline-text"
              ref={text}
              rows={3}
              value={form.text}
              onChange={(e) => setForm({ ...form, text: e.target.value })}
            />
          </Field>
          <div>
            <button type="submit" className="primary">
              {t('care.timeline.submit')}
            </button>
          </div>
        </form>
      ) : null}
      {entries.length === 0 ? <p className="empty">{t('care.timeline.empty')}</p> : null}
      <ol className="list timeline" aria-label={t('care.timeline.list')}>
        {entries.map((e) => (
          <li key={e.id} className={`entry-${e.kind}`}>
            <div className="stack tight grow">
              <span className="row">
                <span className={`badge kind-${e.kind}`}>{t(`care.timeline.kinds.${e.kind}`)}</span>
                <span className="muted">
                  {t('care.timeline.by', {
                    name: names.get(e.author) ?? t('care.team.unknown'),
                    date: formatDate(`${e.date}T12:00:00Z`, false),
                  })}
                </span>
              </span>
              <p className="entry-text">{e.text}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
