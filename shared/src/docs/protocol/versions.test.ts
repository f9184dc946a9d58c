import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createProtocol, protocolBody, protocolPlainText, readProtocolHeader, updateProtocolHeader } from './layout';
import { createVersion, listVersions, protocolAtVersion, restoreVersion } from './versions';
import { addRow, readRows, rowText } from './rows';
import { STEPS } from './tables';
import { exchange, replica } from './testing';

const alice = { memberId: 'member-alice01', name: 'Alice Martin' };

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

describe('protocol versions', () => {
  it('names a version and reads the protocol as it was, body, header and steps', () => {
    const doc = new Y.Doc({ gc: false });
    createProtocol(doc, { title: 'Plaies chroniques', version: '0.1' });
    protocolBody(doc).insert(0, [paragraph('Pansement à J+2.')]);
    const step = addRow(doc, STEPS, { quoi: 'Bilan' });
    if (!step.ok) throw new Error('row');
    const v1 = createVersion(
      doc,
      { name: 'v1 soumise à l’équipe', reason: 'Première relecture' },
      alice,
      'named',
      new Date('2026-11-24T10:00:00Z'),
    );
    if (!v1.ok) throw new Error('version');
    expect(v1.value).toMatchObject({
      name: 'v1 soumise à l’équipe',
      reason: 'Première relecture',
      kind: 'named',
      by: alice.memberId,
      label: '0.1',
      status: 'brouillon',
    });
    expect(v1.value.snapshot.byteLength).toBeLessThan(200);
    protocolBody(doc).insert(1, [paragraph('Puis à J+5.')]);
    updateProtocolHeader(doc, { title: 'Plaies chroniques à domicile' });
    rowText(doc, STEPS, step.id, 'quoi')!.insert(5, ' infirmier');
    const past = protocolAtVersion(doc, v1.value.id)!;
    expect(protocolPlainText(past)).toBe('Pansement à J+2.');
    expect(readProtocolHeader(past).title).toBe('Plaies chroniques');
    expect(readRows(past, STEPS)[0]!.texts.quoi).toBe('Bilan');
  });

  it('restores an earlier version as a new edit, keeping the state it replaced as a version of its own', () => {
    const doc = new Y.Doc({ gc: false });
    createProtocol(doc, { title: 'Diabète gestationnel' });
    protocolBody(doc).insert(0, [paragraph('Dépistage à 24 SA.')]);
    const v1 = createVersion(doc, { name: 'v1' }, alice);
    if (!v1.ok) throw new Error('version');
    protocolBody(doc).delete(0, 1);
    protocolBody(doc).insert(0, [paragraph('Texte réécrit.')]);
    const colleague = replica(doc);
    const restored = restoreVersion(doc, v1.value.id, alice, 'Réécriture abandonnée');
    expect(restored.ok).toBe(true);
    expect(protocolPlainText(doc)).toBe('Dépistage à 24 SA.');
    const versions = listVersions(doc);
    expect(versions.map((v) => [v.kind, v.name, v.reason])).toEqual([
      ['named', 'v1', ''],
      ['beforeRestore', 'v1', 'Réécriture abandonnée'],
    ]);
    expect(protocolPlainText(protocolAtVersion(doc, versions[1]!.id)!)).toBe('Texte réécrit.');
    // A colleague's replica converges on the restored content.
    exchange(doc, colleague);
    expect(protocolPlainText(colleague)).toBe('Dépistage à 24 SA.');
  });

  it('refuses a nameless version or an unknown one, and writes nothing', () => {
    const doc = new Y.Doc({ gc: false });
    createProtocol(doc, { title: 'Titre' });
    const before = Y.encodeStateVector(doc);
    const nameless = createVersion(doc, { name: '  ' }, alice);
    expect(nameless.ok ? null : nameless.errors[0]!.message).toBe('errors.versionNameRequired');
    expect(restoreVersion(doc, 'inconnue-0001', alice, '').ok).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    const v1 = createVersion(doc, { name: 'v1' }, alice);
    if (!v1.ok) throw new Error('version');
    const afterV1 = Y.encodeStateVector(doc);
    const tooLong = restoreVersion(doc, v1.value.id, alice, 'x'.repeat(501));
    expect(tooLong.ok ? null : tooLong.errors[0]!.message).toBe('errors.tooLong');
    expect(Y.encodeStateVector(doc)).toEqual(afterV1);
  });
});
