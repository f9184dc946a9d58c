// The documents of `pnpm bench:adverse`: adverse-event reports at the stages a year's reports reach, written with the
// app's own layout functions (its concertations: meetingSeed.ts).
import * as Y from 'yjs';
import { createReport, EVENT_CATEGORIES, moveReportStatus, writeQualification } from '@maillage/shared';

/** The member who declares every report (not the référent who opens the screen). */
export const REPORTER = 'member-elsa01';

/** A report as a nurse makes it; three in four qualified by a référent, half of those analysed. */
export function reportDoc(i: number, referent: string): Y.Doc {
  const doc = new Y.Doc();
  const referents = new Set([referent]);
  const month = String((i % 11) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  createReport(
    doc,
    {
      occurredAt: `2026-${month}-${day}T08:30:00.000Z`,
      place: 'domicile',
      description: `Événement ${i} : pilulier préparé avec la dose du soir dans la case du matin.`,
      nature: i % 3 === 0 ? 'dommage' : 'epr',
      consequences: 'aucune',
      severity: (i % 5) + 1,
      professions: ['infirmier'],
      immediateMeasures: 'Pilulier refait.',
      patientInformed: false,
    },
    REPORTER,
    new Date('2026-11-30T12:00:00.000Z'),
  );
  if (i % 4 !== 0) {
    const eigs = i % 50 === 0;
    const qualification = {
      category: EVENT_CATEGORIES[i % EVENT_CATEGORIES.length],
      severity: (i % 5) + 1,
      avoidability: 'evitable',
      eigs,
      eigsCriteria: eigs ? ['deces'] : [],
    };
    writeQualification(doc, qualification, referent, referents, new Date('2026-12-01T12:00:00.000Z'));
    if (i % 2 === 0) {
      moveReportStatus(doc, 'a_analyser', referent, referents);
      moveReportStatus(doc, 'analyse', referent, referents);
    }
  }
  return doc;
}
