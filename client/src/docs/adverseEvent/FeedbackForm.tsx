// The référent's retour au déclarant: refused in French where typed when blank, « enregistré » until the next
// keystroke, and following what colleagues save while this référent has not started typing.
import { useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { writeFeedback } from '@maillage/shared';
import { Field } from '../../ui/Field';
import { feedbackForm, feedbackReducer } from './feedbackForm';

interface Props {
  doc: Y.Doc;
  /** What the document holds now ('' when nothing). */
  stored: string;
  me: string;
  referents: ReadonlySet<string>;
}

export function FeedbackForm({ doc, stored, me, referents }: Props) {
  const { t } = useTranslation();
  const [form, dispatch] = useReducer(feedbackReducer, stored, feedbackForm);
  useEffect(() => dispatch({ type: 'stored', text: stored }), [stored]);

  return (
    <form
      className="stack report-feedback"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const result = writeFeedback(doc, form.text, me, referents);
        dispatch(result.ok ? { type: 'saved' } : { type: 'refused', error: result.errors[0]!.message });
      }}
    >
      <Field id="feedback-text" label={t('adverse.detail.feedbackLabel')} error={form.error ? t(form.error) : false}>
        <textarea
          id="feedback-text"
          value={form.text}
          maxLength={2000}
          onChange={(e) => dispatch({ type: 'typed', text: e.target.value })}
        />
      </Field>
      {form.changedMeanwhile ? (
        <p className="feedback-changed" role="status">
          {t('adverse.detail.feedbackChanged')}
        </p>
      ) : null}
      <div className="row">
        <button type="submit">{t('adverse.detail.feedbackSave')}</button>
      </div>
      {form.saved ? <p role="status">{t('adverse.detail.feedbackSaved')}</p> : null}
    </form>
  );
}
