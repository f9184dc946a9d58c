import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ANALYSIS_PARTS, analysisText, hasAnalysis, linkCrex, readAnalysis, readCrexLink } from './analysis';
import { hasLegacyAnalysis, moveLegacyAnalysis } from './analysisMigration';
import { nameAnalysisRoom, readAnalysisRoom } from './analysisRoom';
import { createReport } from './layout';
import { DENIS, ELSA, NOW, PAUL, REGINE, referents, reportInput } from './testing';

const REPORT = 'report-elsa-000000001';
const OTHER = 'report-paul-000000002';

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

  it('merges two référents typing into the same part at once; each report keeps its own', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    expect(hasAnalysis(a, REPORT)).toBe(false);
    analysisText(a, REPORT, 'timeline').insert(0, '8 h : pilulier préparé. ');
    analysisText(b, REPORT, 'timeline').insert(0, '9 h : appel de la pharmacie.');
    analysisText(b, REPORT, 'factor_equipe').insert(0, 'Pas de transmission écrite.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const read = readAnalysis(a, REPORT);
    expect(read.timeline).toContain('8 h : pilulier préparé.');
    expect(read.timeline).toContain('9 h : appel de la pharmacie.');
    expect(read.factor_equipe).toBe('Pas de transmission écrite.');
    expect(readAnalysis(b, REPORT)).toEqual(read);
    expect(hasAnalysis(a, REPORT)).toBe(true);
    expect(hasAnalysis(a, OTHER)).toBe(false);
  });

  it('links a report to its CREX: référents only, a real id', () => {
    const room = new Y.Doc();
    expect(linkCrex(room, REPORT, 'crex-meeting-01', DENIS, referents, NOW).ok).toBe(false);
    expect(linkCrex(room, REPORT, '', REGINE, referents, NOW)).toEqual({
      ok: false,
      errors: [{ field: 'crex', message: 'errors.crexRequired' }],
    });
    expect(linkCrex(room, '', 'crex-meeting-01', REGINE, referents, NOW).ok).toBe(false);
    expect(readCrexLink(room, REPORT)).toBeNull();
    expect(linkCrex(room, REPORT, 'crex-meeting-01', REGINE, referents, NOW).ok).toBe(true);
    expect(readCrexLink(room, REPORT)).toBe('crex-meeting-01');
    expect(readCrexLink(room, OTHER)).toBeNull();
  });

  it('is never written into the report: the report document holds no analysis', () => {
    const report = reportDoc();
    const room = new Y.Doc();
    analysisText(room, REPORT, 'rootCauses').insert(0, 'Double vérification absente');
    linkCrex(room, REPORT, 'crex-meeting-01', REGINE, referents, NOW);
    const bytes = Buffer.from(Y.encodeStateAsUpdate(report));
    expect(bytes.includes(Buffer.from('Double vérification'))).toBe(false);
    expect(bytes.includes(Buffer.from('crex-meeting-01'))).toBe(false);
  });
});

describe('the analysis room in governance', () => {
  it('is named once, by a référent, with a real id; the first one named stays', () => {
    const governance = new Y.Doc();
    expect(nameAnalysisRoom(governance, 'analyses-room-0000001', DENIS, referents).ok).toBe(false);
    expect(nameAnalysisRoom(governance, 'x', REGINE, referents).ok).toBe(false);
    expect(readAnalysisRoom(governance)).toBeNull();
    expect(nameAnalysisRoom(governance, 'analyses-room-0000001', REGINE, referents)).toEqual({
      ok: true,
      value: 'analyses-room-0000001',
    });
    expect(nameAnalysisRoom(governance, 'analyses-room-0000002', PAUL, referents)).toEqual({
      ok: true,
      value: 'analyses-room-0000001',
    });
    expect(readAnalysisRoom(governance)).toBe('analyses-room-0000001');
  });
});

describe('analyses written in the report before the room existed', () => {
  const legacy = () => {
    const report = reportDoc();
    report.getText('alarm.timeline').insert(0, '8 h : pilulier préparé.');
    report.getText('alarm.factor_equipe').insert(0, 'Pas de transmission écrite.');
    report.getMap('crex').set('concertationId', 'crex-meeting-01');
    report.getMap('crex').set('linkedAt', NOW.toISOString());
    return report;
  };

  it('move into the room and leave the report, once', () => {
    const report = legacy();
    const room = new Y.Doc();
    expect(hasLegacyAnalysis(report)).toBe(true);
    expect(moveLegacyAnalysis(report, room, REPORT)).toBe(true);
    expect(readAnalysis(room, REPORT).timeline).toBe('8 h : pilulier préparé.');
    expect(readAnalysis(room, REPORT).factor_equipe).toBe('Pas de transmission écrite.');
    expect(readCrexLink(room, REPORT)).toBe('crex-meeting-01');
    expect(hasLegacyAnalysis(report)).toBe(false);
    expect(moveLegacyAnalysis(report, room, REPORT)).toBe(false);
    // A reporter's fresh copy of the report, from a collecting document, holds none of it.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(report));
    const bytes = Buffer.from(Y.encodeStateAsUpdate(fresh));
    expect(bytes.includes(Buffer.from('pilulier préparé.'))).toBe(false);
    expect(bytes.includes(Buffer.from('crex-meeting-01'))).toBe(false);
  });

  it('are not copied twice when another référent moved them first', () => {
    const room = new Y.Doc();
    moveLegacyAnalysis(legacy(), room, REPORT);
    moveLegacyAnalysis(legacy(), room, REPORT);
    expect(readAnalysis(room, REPORT).timeline).toBe('8 h : pilulier préparé.');
  });
});
