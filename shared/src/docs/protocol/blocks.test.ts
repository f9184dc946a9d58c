import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createProtocol, protocolBody } from './layout';
import { protocolBlocks, protocolSearchText } from './blocks';
import { addRow } from './rows';
import { INDICATORS, REFERENCES, STEPS } from './tables';

const el = (name: string, children: (Y.XmlElement | Y.XmlText)[]) => {
  const node = new Y.XmlElement(name);
  node.insert(0, children);
  return node;
};
const p = (text: string) => el('paragraph', [new Y.XmlText(text)]);

describe('protocol blocks', () => {
  it('reads a protocol in order: header, each paragraph, list item and table row, then the tables’ filled cells', () => {
    const doc = new Y.Doc({ gc: false });
    createProtocol(doc, { title: 'Plaies', theme: 'Parcours', professions: ['infirmier'] });
    protocolBody(doc).insert(0, [
      el('heading', [new Y.XmlText('Objectifs')]),
      el('bulletList', [el('listItem', [p('Repérer')]), el('listItem', [p('Orienter')])]),
      el('table', [el('tableRow', [el('tableCell', [p('Qui')]), el('tableCell', [p('Quoi')])])]),
    ]);
    addRow(doc, STEPS, { delai: 'J0', quoi: 'Bilan' });
    addRow(doc, REFERENCES, { source: 'HAS 2015', type: 'reco_has' });
    addRow(doc, INDICATORS, { libelle: 'Taux', cible: '80 %', type: 'resultat' });
    expect(protocolBlocks(doc)).toEqual([
      { section: 'header', label: 'title', text: 'Plaies' },
      { section: 'header', label: 'theme', text: 'Parcours' },
      { section: 'header', label: 'professions', text: 'infirmier' },
      { section: 'body', label: 'heading', text: 'Objectifs' },
      { section: 'body', label: 'listItem', text: 'Repérer' },
      { section: 'body', label: 'listItem', text: 'Orienter' },
      { section: 'body', label: 'tableRow', text: 'Qui | Quoi' },
      { section: 'steps', label: '1', text: 'J0 · Bilan' },
      { section: 'references', label: 'reco_has', text: 'HAS 2015' },
      { section: 'indicators', label: 'resultat', text: 'Taux · 80 %' },
    ]);
  });

  it('gives search the body and the tables, not the header (searched apart)', () => {
    const doc = new Y.Doc({ gc: false });
    createProtocol(doc, { title: 'Canicule' });
    protocolBody(doc).insert(0, [p('Appeler les patients isolés.')]);
    addRow(doc, STEPS, { qui: 'Pharmacien·ne', quoi: 'Vérifier les traitements' });
    expect(protocolSearchText(doc)).toBe('Appeler les patients isolés.\nPharmacien·ne · Vérifier les traitements');
  });
});
