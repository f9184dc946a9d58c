// English strings, documents: the catalogue and the health professions.
import type { Widen } from '../fr';
import type { frDocuments } from '../fr/documents';

export const enDocuments: Widen<typeof frDocuments> = {
  professions: {
    medecin_generaliste: 'General practitioner',
    medecin_specialiste: 'Specialist physician',
    chirurgien_dentiste: 'Dentist',
    sage_femme: 'Midwife',
    pharmacien: 'Pharmacist',
    infirmier: 'Nurse',
    masseur_kinesitherapeute: 'Physiotherapist',
    pedicure_podologue: 'Podiatrist',
    ergotherapeute: 'Occupational therapist',
    psychomotricien: 'Psychomotor therapist',
    orthophoniste: 'Speech therapist',
    orthoptiste: 'Orthoptist',
    dieteticien: 'Dietitian',
    audioprothesiste: 'Hearing-aid specialist',
    opticien_lunetier: 'Optician',
    manipulateur_radio: 'Radiographer',
    technicien_laboratoire: 'Lab technician',
    psychologue: 'Psychologist',
    assistant_social: 'Social worker',
    coordinateur: 'Coordinator',
    autre: 'Other',
  },
};
