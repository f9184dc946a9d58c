// French strings, patient cases, what the first screen needs: the catalogue's action, titles and statuses. Their
// error messages are in errors.ts; the case screens' own strings (careScreens.ts) load with their code.
export const frCare = {
  care: {
    newCase: 'Nouveau dossier de coordination',
    catalogueTitle: 'Dossier de coordination · réf. {{reference}}',
    statuses: { en_cours: 'En cours', clos: 'Clos' },
  },
};
