// Fixtures for concertation tests: an annuaire of four members and a valid meeting between them.
import type { NewConcertationInput } from './schema';

export const CLAIRE = 'member-claire'; // coordinatrice, animatrice
export const DENIS = 'member-denis1'; // médecin généraliste
export const ELSA = 'member-elsa01'; // infirmière
export const FARID = 'member-farid1'; // pharmacien
export const annuaire = new Set([CLAIRE, DENIS, ELSA, FARID]);

export const meetingInput = (over: Partial<NewConcertationInput> = {}): NewConcertationInput => ({
  type: 'rcp_patient',
  date: '2027-01-05',
  start: '12:30',
  end: '14:00',
  modality: 'presentiel',
  place: 'Maison de santé, salle 2',
  coordonnateur: CLAIRE,
  animateur: CLAIRE,
  secretaire: ELSA,
  participants: [DENIS, FARID],
  ...over,
});

export const caseItem = (caseId: string, over: Record<string, unknown> = {}) => ({
  caseId,
  label: 'MD · 1941',
  presenter: DENIS,
  question: 'Maintien à domicile ?',
  criterion: 'age_75',
  minutes: 15,
  ...over,
});
