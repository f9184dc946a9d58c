import { describe, expect, it } from 'vitest';
import { eigsDeadline } from './deadlines';
import type { QualificationRecord } from './schema';
import { REGINE } from './testing';

const eigs = (over: Partial<QualificationRecord> = {}): QualificationRecord => ({
  category: 'medicament',
  severity: 4,
  avoidability: 'evitable',
  eigs: true,
  eigsCriteria: ['mise_en_jeu_pronostic_vital'],
  portalReference: '',
  qualifiedBy: REGINE,
  qualifiedAt: '2026-12-05T10:00:00.000Z',
  volet2Due: '2027-03-05',
  ...over,
});

describe('EIGS deadlines under « Pour vous »', () => {
  it('asks for volet 1 at once, with the volet 2 day, until the portal reference is entered', () => {
    expect(eigsDeadline('r1', eigs(), 'qualifie', '2026-12-05')).toEqual({
      docId: 'r1',
      volet1Pending: true,
      volet2Due: '2027-03-05',
      volet2State: null,
    });
    expect(eigsDeadline('r1', eigs({ portalReference: 'ARS-2026-123' }), 'qualifie', '2026-12-05')).toBeNull();
  });

  it('shows volet 2 thirty days before, and as overdue once the day has passed', () => {
    const sent = eigs({ portalReference: 'ARS-2026-123' });
    expect(eigsDeadline('r1', sent, 'a_analyser', '2027-02-02')).toBeNull();
    expect(eigsDeadline('r1', sent, 'a_analyser', '2027-02-03')?.volet2State).toBe('soon');
    expect(eigsDeadline('r1', sent, 'a_analyser', '2027-03-05')?.volet2State).toBe('soon');
    expect(eigsDeadline('r1', sent, 'a_analyser', '2027-03-06')?.volet2State).toBe('overdue');
  });

  it('says nothing of a report that is not an EIGS, or once analysed', () => {
    expect(eigsDeadline('r1', null, 'declare', '2026-12-05')).toBeNull();
    expect(
      eigsDeadline('r1', eigs({ eigs: false, eigsCriteria: [], volet2Due: null }), 'qualifie', '2026-12-05'),
    ).toBeNull();
    expect(eigsDeadline('r1', eigs(), 'analyse', '2027-04-01')).toBeNull();
    expect(eigsDeadline('r1', eigs(), 'clos', '2027-04-01')).toBeNull();
  });
});
