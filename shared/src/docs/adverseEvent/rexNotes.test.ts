import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { publishRexNote, readRexNotes } from './rexNotes';
import { DENIS, ELSA, NOW, REGINE, referents } from './testing';

const names = ['Denis Martin', 'Elsa Moreau'];
const lesson = {
  title: 'Piluliers : un second regard',
  lesson: 'Un pilulier préparé le soir est relu le matin par la personne qui le donne.',
};

describe('REX notes', () => {
  it('publishes a lesson every member reads, without its author', () => {
    const doc = new Y.Doc();
    const result = publishRexNote(doc, 'report-abcdefgh', lesson, REGINE, referents, names, NOW);
    expect(result.ok).toBe(true);
    expect(readRexNotes(doc)).toEqual([{ reportId: 'report-abcdefgh', ...lesson, publishedAt: NOW.toISOString() }]);
    expect(JSON.stringify(doc.getMap('rexNotes').toJSON())).not.toContain(REGINE);
  });

  it.each([
    ['not a référent', lesson, DENIS, 'actor', 'errors.referentOnly'],
    ['no title', { ...lesson, title: ' ' }, REGINE, 'title', 'errors.rexTitleRequired'],
    ['no lesson', { ...lesson, lesson: '' }, REGINE, 'lesson', 'errors.rexLessonRequired'],
    ['a member’s name', { ...lesson, lesson: 'Elsa a vu l’erreur.' }, REGINE, 'lesson', 'errors.rexIdentifying'],
    ['a phone number', { ...lesson, lesson: 'Appeler le 06 12 34 56 78.' }, REGINE, 'lesson', 'errors.rexIdentifying'],
  ])('refuses %s in French and writes nothing', (_name, input, actor, field, message) => {
    const doc = new Y.Doc();
    expect(publishRexNote(doc, 'report-abcdefgh', input, actor, referents, names, NOW)).toEqual({
      ok: false,
      errors: [{ field, message }],
    });
    expect(readRexNotes(doc)).toEqual([]);
  });

  it('needs a report id', () => {
    expect(publishRexNote(new Y.Doc(), 'x', lesson, REGINE, referents, names, NOW).ok).toBe(false);
    expect(ELSA).toBeTruthy();
  });
});
