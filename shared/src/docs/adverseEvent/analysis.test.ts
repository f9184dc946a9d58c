import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ANALYSIS_PARTS, analysisText, hasAnalysis, linkCrex, readAnalysis, readCrexLink } from './analysis';
import { createReport } from './layout';
import { DENIS, ELSA, NOW, REGINE, referents, reportInput } from './testing';

const reportDoc = () => {
  const doc = new Y.Doc();
  createReport(doc, reportInput(), ELSA, NOW);
  return doc;
};

describe('the ALARM analysis', () => {
  it('has the timeline, care failures, the seven families, root causes and barriers, in that order', () => {
    expect(ANALYSIS_PARTS).toEqual([
      'timeline',
      'careFailures',
      'factor_patient',
      'factor_tache',
      'factor_individu',
      'factor_equipe',
      'factor_environnement',
      'factor_organisation',
      'factor_institution',
      'rootCauses',
      'barriers',
    ]);
  });

  it('merges two référents typing into the same part at once', () => {
    const a = reportDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(hasAnalysis(a)).toBe(false);
    analysisText(a, 'timeline').insert(0, '8 h : pilulier préparé. ');
    analysisText(b, 'timeline').insert(0, '9 h : appel de la pharmacie.');
    analysisText(b, 'factor_equipe').insert(0, 'Pas de transmission écrite.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const read = readAnalysis(a);
    expect(read.timeline).toContain('8 h : pilulier préparé.');
    expect(read.timeline).toContain('9 h : appel de la pharmacie.');
    expect(read.factor_equipe).toBe('Pas de transmission écrite.');
    expect(readAnalysis(b)).toEqual(read);
    expect(hasAnalysis(a)).toBe(true);
  });

  it('links a report to its CREX: référents only, a real id, a report that exists', () => {
    const doc = reportDoc();
    expect(linkCrex(doc, 'crex-meeting-01', DENIS, referents, NOW).ok).toBe(false);
    expect(linkCrex(doc, '', REGINE, referents, NOW)).toEqual({
      ok: false,
      errors: [{ field: 'crex', message: 'errors.crexRequired' }],
    });
    expect(linkCrex(new Y.Doc(), 'crex-meeting-01', REGINE, referents, NOW).ok).toBe(false);
    expect(readCrexLink(doc)).toBeNull();
    expect(linkCrex(doc, 'crex-meeting-01', REGINE, referents, NOW).ok).toBe(true);
    expect(readCrexLink(doc)).toBe('crex-meeting-01');
  });
});
