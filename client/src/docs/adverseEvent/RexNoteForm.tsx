// The référent's REX note: a short anonymised lesson every member reads, linked from the register. A text that names
// an annuaire member, a birth date or a number is refused until rephrased.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { publishRexNote, type FieldError } from '@maillage/shared';
import { Field } from '../../ui/Field';
import { useDirectory } from '../directory/DirectoryContext';
import { useGroups } from '../groups/GroupsContext';
import { useRexNotes } from './useRexNotes';

interface Props {
  reportId: string;
  me: string;
  referents: ReadonlySet<string>;
}

export function RexNoteForm({ reportId, me, referents }: Props) {
  const { t } = useTranslation();
  const { members } = useDirectory();
  const { governance } = useGroups();
  const current = useRexNotes().find((n) => n.reportId === reportId);
  const [title, setTitle] = useState(current?.title ?? '');
  const [lesson, setLesson] = useState(current?.lesson ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const errorOf = (field: string) => {
    const found = errors.find((e) => e.field === field);
    return found ? t(found.message) : false;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!governance) return;
    const names = members.map((m) => m.name);
    const result = publishRexNote(governance.doc, reportId, { title, lesson }, me, referents, names);
    setErrors(result.ok ? [] : result.errors);
    setSaved(result.ok);
  };

  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="rex-write-title">
      <h2 id="rex-write-title">{t('adverse.rex.write')}</h2>
      <p className="muted">{t('adverse.rex.writeIntro')}</p>
      <Field id="rex-title" label={t('adverse.rex.noteTitle')} error={errorOf('title')}>
        <input id="rex-title" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field id="rex-lesson" label={t('adverse.rex.lesson')} error={errorOf('lesson')}>
        <textarea id="rex-lesson" value={lesson} maxLength={1500} onChange={(e) => setLesson(e.target.value)} />
      </Field>
      <div className="row">
        <button type="submit">{t('adverse.rex.publish')}</button>
      </div>
      {saved ? <p role="status">{t('adverse.rex.published')}</p> : null}
    </form>
  );
}
