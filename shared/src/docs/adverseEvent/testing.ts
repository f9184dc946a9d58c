// Fixtures for adverse-event tests: a reporter, two référents, another member, and a valid report.
import type { ReportInput } from './schema';

export const ELSA = 'member-elsa01'; // infirmière, reports
export const REGINE = 'member-regine'; // référente qualité
export const PAUL = 'member-paul01'; // référent qualité
export const DENIS = 'member-denis1'; // médecin, not a référent
export const referents: ReadonlySet<string> = new Set([REGINE, PAUL]);
export const NOW = new Date('2026-12-05T10:00:00.000Z');

export const reportInput = (over: Partial<ReportInput> = {}): ReportInput => ({
  occurredAt: '2026-12-05T08:30:00.000Z',
  place: 'domicile',
  description: 'Pilulier préparé avec la dose du soir dans la case du matin ; repéré avant la prise.',
  nature: 'epr',
  consequences: 'aucune',
  severity: 2,
  professions: ['infirmier', 'pharmacien'],
  immediateMeasures: 'Pilulier refait, pharmacie prévenue.',
  patientInformed: true,
  patientInformedOn: '2026-12-05',
  ...over,
});
