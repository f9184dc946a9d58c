import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createReport } from '@maillage/shared';
import { draftInput, emptyDraft } from './reportDraft';

const NOW = new Date('2026-12-05T10:00:00.000Z');

describe('report draft', () => {
  it('an untouched form names every unanswered question and writes nothing', () => {
    const doc = new Y.Doc();
    const result = createReport(doc, draftInput(emptyDraft(NOW)), 'member-elsa01', NOW);
    expect(result.ok ? [] : result.errors.map((e) => e.message).sort()).toEqual([
      'errors.consequences',
      'errors.descriptionRequired',
      'errors.eventNature',
      'errors.eventPlace',
      'errors.patientInformed',
      'errors.severity',
    ]);
    expect(doc.share.size).toBe(0);
  });

  it('a filled form is saved, dated now in Paris', () => {
    const draft = {
      ...emptyDraft(NOW),
      place: 'officine' as const,
      description: 'Erreur de délivrance repérée au comptoir.',
      nature: 'epr' as const,
      consequences: 'aucune' as const,
      severity: '1',
      professions: ['pharmacien' as const],
      informed: 'no' as const,
    };
    const result = createReport(new Y.Doc(), draftInput(draft), 'member-elsa01', NOW);
    expect(result.ok && result.value).toMatchObject({
      occurredAt: '2026-12-05T10:00:00.000Z',
      patientInformedOn: null,
    });
  });
});
