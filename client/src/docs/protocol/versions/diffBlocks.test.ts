import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addRow,
  createProtocol,
  createVersion,
  protocolAtVersion,
  protocolBlocks,
  protocolBody,
  rowText,
  STEPS,
  type Block,
} from '@maillage/shared';
import { diffBlocks } from './diffBlocks';

const p = (text: string): Block => ({ section: 'body', label: 'paragraph', text });

describe('version diff', () => {
  it('keeps unchanged blocks, and shows inserted and deleted words inside a rewritten one', () => {
    const changes = diffBlocks(
      [p('Objectifs'), p('Pansement à J+2 par l’infirmier.'), p('Fin.')],
      [p('Objectifs'), p('Pansement à J+3 par l’infirmier.'), p('Fin.')],
    );
    expect(changes.map((c) => c.type)).toEqual(['same', 'changed', 'same']);
    const changed = changes[1]!;
    if (changed.type !== 'changed') throw new Error('changed');
    expect(changed.parts.filter((w) => w.change === 'removed').map((w) => w.text)).toEqual(['J+2']);
    expect(changed.parts.filter((w) => w.change === 'added').map((w) => w.text)).toEqual(['J+3']);
  });

  it('reports blocks added and removed where they stand', () => {
    const changes = diffBlocks(
      [p('A'), p('B'), p('C')],
      [p('A'), p('C'), { section: 'steps', label: '1', text: 'J+2 | Infirmier·ère' }],
    );
    expect(changes.map((c) => [c.type, c.block.text])).toEqual([
      ['same', 'A'],
      ['removed', 'B'],
      ['same', 'C'],
      ['added', 'J+2 | Infirmier·ère'],
    ]);
  });

  it('compares two versions of a real protocol: body, header and steps', () => {
    const doc = new Y.Doc({ gc: false });
    createProtocol(doc, { title: 'Plaies' });
    const para = new Y.XmlElement('paragraph');
    para.insert(0, [new Y.XmlText('Évaluer la plaie.')]);
    protocolBody(doc).insert(0, [para]);
    const step = addRow(doc, STEPS, { quoi: 'Bilan' });
    const v1 = createVersion(doc, { name: 'v1' }, { memberId: 'member-alice01', name: 'Alice' });
    if (!v1.ok || !step.ok) throw new Error('setup');
    (para.get(0) as Y.XmlText).insert(17, ' Photographier.');
    rowText(doc, STEPS, step.id, 'qui')!.insert(0, 'IDE');
    const changes = diffBlocks(protocolBlocks(protocolAtVersion(doc, v1.value.id)!), protocolBlocks(doc)).filter(
      (c) => c.type !== 'same',
    );
    expect(changes.map((c) => [c.type, c.block.section])).toEqual([
      ['changed', 'body'],
      ['changed', 'steps'],
    ]);
  });
});
