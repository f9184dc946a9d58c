// English strings, patient cases, what the first screen needs: the catalogue's action, titles and statuses. Their
// error messages are in errors.ts; the case screens' own strings (careScreens.ts) load with their code.
import type { Widen } from '../fr';
import type { frCare } from '../fr/care';

export const enCare: Widen<typeof frCare> = {
  care: {
    newCase: 'New coordination file',
    catalogueTitle: 'Coordination file · ref. {{reference}}',
    statuses: {
      en_cours: 'Open',
      clos: 'Closed',
    },
  },
};
