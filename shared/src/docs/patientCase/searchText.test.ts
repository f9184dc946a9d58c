import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction } from './actions';
import { createPatientCase } from './layout';
import { patientCaseSearchText } from './searchText';
import { testPatient } from './testing';
import { addTimelineEntry } from './timeline';

const NOW = new Date('2026-03-10T10:00:00Z');

describe('patientCaseSearchText', () => {
  it('reads the patient first, then the notes and the actions', () => {
    const doc = new Y.Doc();
    createPatientCase(
      doc,
      { patient: { ...testPatient, pathway: 'Insuffisance cardiaque' }, team: [], patientInformed: true },
      'member-alice1',
      NOW,
    );
    addTimelineEntry(doc, { kind: 'note', date: '2026-03-09', text: 'Œdèmes des chevilles' }, 'member-alice1', NOW);
    addAction(doc, { text: 'Pesée quotidienne' }, 'member-alice1', NOW);
    expect(patientCaseSearchText(doc)).toBe(
      'MD · 1948 · Tulle · Insuffisance cardiaque\nŒdèmes des chevilles\nPesée quotidienne',
    );
  });

  it('is empty for a document that is not a case yet', () => {
    expect(patientCaseSearchText(new Y.Doc())).toBe('');
  });
});
