// A concertation of the year as the quality and adverse-event benchmarks read it: six cases, five discussed, four
// signatures, its compte rendu validated (one in ten only held).
import * as Y from 'yjs';
import { addAgendaItem, createConcertation, setAgendaItemDiscussed, signSheet } from '@maillage/shared';

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
