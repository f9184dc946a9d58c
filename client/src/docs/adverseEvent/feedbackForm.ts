// The retour au déclarant as a référent edits it: what the document holds shows until they type, a colleague's save
// replaces it while they have not, and is pointed out once they have (their save would replace it).
export interface FeedbackForm {
  text: string;
  /** What the document held when last seen. */
  stored: string;
  /** The text differs from what is stored: a colleague's change no longer replaces it. */
  dirty: boolean;
  /** A colleague saved while this one was typing. */
  changedMeanwhile: boolean;
  saved: boolean;
  /** An i18n key: why the last save was refused. */
  error: string | null;
}

export type FeedbackEvent =
  | { type: 'stored'; text: string }
  | { type: 'typed'; text: string }
  | { type: 'saved' }
  | { type: 'refused'; error: string };

export const feedbackForm = (stored: string): FeedbackForm => ({
  text: stored,
  stored,
  dirty: false,
  changedMeanwhile: false,
  saved: false,
  error: null,
});

export function feedbackReducer(form: FeedbackForm, event: FeedbackEvent): FeedbackForm {
  switch (event.type) {
    case 'stored':
      if (event.text === form.stored) return form;
      // « Enregistré » stays for this référent's own save coming back, not for a colleague's text replacing it.
      if (!form.dirty)
        return { ...form, text: event.text, stored: event.text, saved: form.saved && event.text === form.text.trim() };
      return {
        ...form,
        stored: event.text,
        dirty: event.text !== form.text,
        changedMeanwhile: event.text !== form.text,
      };
    case 'typed': {
      const dirty = event.text !== form.stored;
      return {
        ...form,
        text: event.text,
        dirty,
        changedMeanwhile: form.changedMeanwhile && dirty,
        saved: false,
        error: null,
      };
    }
    case 'saved':
      return { ...form, dirty: false, changedMeanwhile: false, saved: true, error: null };
    case 'refused':
      return { ...form, saved: false, error: event.error };
  }
}
