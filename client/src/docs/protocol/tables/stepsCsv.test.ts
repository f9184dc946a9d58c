import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRow, STEPS } from '@maillage/shared';
import { stepsCsv } from './stepsCsv';

const headers = {
  order: 'Ordre',
  delai: 'Délai',
  qui: 'Qui',
  quoi: 'Quoi',
  ou: 'Où',
  comment: 'Comment',
  pourquoi: 'Pourquoi',
  outils: 'Outils',
};

describe('steps CSV', () => {
  it('numbers the steps in their order and quotes what a spreadsheet would split', () => {
    const doc = new Y.Doc();
    addRow(doc, STEPS, { quoi: 'Bilan', qui: 'Infirmier·ère', delai: 'J+2' });
    addRow(doc, STEPS, { quoi: 'Repérage; orientation', comment: 'Appel "direct"' }, 0);
    expect(stepsCsv(doc, headers)).toBe(
      '\uFEFFOrdre;Délai;Qui;Quoi;Où;Comment;Pourquoi;Outils\r\n' +
        '1;;;"Repérage; orientation";;"Appel ""direct""";;\r\n' +
        '2;J+2;Infirmier·ère;Bilan;;;;\r\n',
    );
  });
});
