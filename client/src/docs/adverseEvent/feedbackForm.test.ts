import { describe, expect, it } from 'vitest';
import { feedbackForm, feedbackReducer, type FeedbackEvent, type FeedbackForm } from './feedbackForm';

const run = (form: FeedbackForm, ...events: FeedbackEvent[]) => events.reduce(feedbackReducer, form);

describe('the retour au déclarant as a référent edits it', () => {
  it('follows what a colleague saves while this référent has not typed', () => {
    const form = run(feedbackForm(''), { type: 'stored', text: 'Merci, vu en CREX.' });
    expect(form).toMatchObject({ text: 'Merci, vu en CREX.', dirty: false, changedMeanwhile: false });
  });

  it('keeps what this référent is typing, and says a colleague saved meanwhile', () => {
    const form = run(
      feedbackForm('Merci.'),
      { type: 'typed', text: 'Merci, analysé' },
      { type: 'stored', text: 'Merci, vu en CREX.' },
    );
    expect(form).toMatchObject({ text: 'Merci, analysé', stored: 'Merci, vu en CREX.', changedMeanwhile: true });
    // Saved: their text is the document's; colleagues' next saves show again.
    const saved = run(form, { type: 'saved' }, { type: 'stored', text: 'Merci, analysé' });
    expect(saved).toMatchObject({ dirty: false, changedMeanwhile: false, saved: true });
    expect(run(saved, { type: 'stored', text: 'Autre' })).toMatchObject({ text: 'Autre', saved: false });
  });

  it('says « enregistré » until the next keystroke, and a refusal until then too', () => {
    const saved = run(feedbackForm(''), { type: 'typed', text: 'Merci' }, { type: 'saved' });
    expect(saved.saved).toBe(true);
    expect(run(saved, { type: 'typed', text: 'Merci !' }).saved).toBe(false);
    const refused = run(
      feedbackForm(''),
      { type: 'typed', text: '  ' },
      {
        type: 'refused',
        error: 'errors.feedbackRequired',
      },
    );
    expect(refused).toMatchObject({ saved: false, error: 'errors.feedbackRequired' });
    expect(run(refused, { type: 'typed', text: 'Merci' }).error).toBeNull();
  });

  it('follows colleagues again once the text is back to what is stored', () => {
    const form = run(feedbackForm('Merci.'), { type: 'typed', text: 'Merci. Et' }, { type: 'typed', text: 'Merci.' });
    expect(run(form, { type: 'stored', text: 'Vu en CREX.' }).text).toBe('Vu en CREX.');
  });
});
