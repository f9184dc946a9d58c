// A pseudonymised patient for tests and benches: a woman born in 1948 in Tulle, with a declared médecin traitant.
import type { PatientInput } from './schema';

export const testPatient: PatientInput = {
  initials: 'MD',
  birthYear: 1948,
  sex: 'F',
  commune: 'Tulle',
  mtStatus: 'declare',
  pathway: '',
  fragility: [],
};
