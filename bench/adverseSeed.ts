// The documents of `pnpm bench:adverse`: adverse-event reports at the stages a year's reports reach, and concertations
// of the year with their compte rendu, written with the app's own layout functions.
import * as Y from 'yjs';
import {
  addAgendaItem,
  createConcertation,
  createReport,
  EVENT_CATEGORIES,
  moveReportStatus,
  setAgendaItemDiscussed,
  signSheet,
  writeQualification,
} from '@maillage/shared';

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

const PEOPLE = ['member-claire', 'member-denis1', 'member-elsa01', 'member-farid1'];
const PROFESSIONS = ['medecin_generaliste', 'medecin_generaliste', 'infirmier', 'pharmacien'];

/** A concertation of the year held with a validated CR (one in ten without): six cases, five discussed, four signed. */
export function meetingDoc(m: number): { doc: Y.Doc; date: string; status: string } {
  const doc = new Y.Doc();
  const annuaire = new Set(PEOPLE);
  const date = `2026-${String((m % 11) + 1).padStart(2, '0')}-${String((m % 27) + 1).padStart(2, '0')}`;
  const input = {
    type: 'rcp_patient',
    date,
    start: '12:30',
    end: '14:00',
    modality: 'presentiel',
    place: 'Maison de santé',
    coordonnateur: PEOPLE[0],
    animateur: PEOPLE[0],
    secretaire: PEOPLE[2],
    participants: [PEOPLE[1], PEOPLE[3]],
  };
  createConcertation(doc, input, PEOPLE[0]!, annuaire, new Date('2026-01-01T08:00:00.000Z'));
  for (let c = 0; c < 6; c++) {
    const item = {
      caseId: `case-${String(m * 6 + c).padStart(8, '0')}`,
      label: `XY · 19${40 + c}`,
      presenter: PEOPLE[1],
      question: 'Maintien à domicile ?',
      criterion: 'age_75',
      minutes: 15,
    };
    const added = addAgendaItem(doc, item, annuaire);
    if (added.ok && c < 5) setAgendaItemDiscussed(doc, added.value.id, true);
  }
  PEOPLE.forEach((memberId, p) => signSheet(doc, { memberId, name: `Membre ${p}`, profession: PROFESSIONS[p]! }));
  // The workflow's quorum and signatures are not what is measured: the compte rendu is marked validated directly.
  const status = m % 10 === 0 ? 'tenue' : 'validee';
  doc.getMap('meeting').set('status', status);
  return { doc, date, status };
}
