import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createProtocol,
  headerFieldsChanged,
  readProtocolHeader,
  setProfessionConcerned,
  updateProtocolHeader,
  protocolBody,
  protocolPlainText,
  PROTOCOL_LAYOUT_VERSION,
} from './layout';
import { migrateProtocol } from './migrate';
import { readMeta, NewerLayoutError } from '../meta';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe('protocol layout', () => {
  it('creates a protocol stamped with its kind and version', () => {
    const doc = new Y.Doc();
    const result = createProtocol(doc, { title: 'Plaies chroniques' });
    expect(result.ok).toBe(true);
    expect(readMeta(doc)).toEqual({ kind: 'protocol', layoutVersion: PROTOCOL_LAYOUT_VERSION });
    expect(readProtocolHeader(doc)).toMatchObject({ title: 'Plaies chroniques', status: 'brouillon', professions: [] });
  });

  it('writes nothing when a field is invalid', () => {
    const doc = new Y.Doc();
    createProtocol(doc, { title: 'Titre' });
    const before = Y.encodeStateVector(doc);
    const result = updateProtocolHeader(doc, { title: '   ', theme: 'x'.repeat(121) });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.message).sort()).toEqual(['errors.themeTooLong', 'errors.titleRequired']);
    // The status moves through the workflow only (its checks, its log): a patch carrying one is refused.
    expect(updateProtocolHeader(doc, { status: 'diffuse' }).ok).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readProtocolHeader(doc).title).toBe('Titre');
  });

  it('refuses an unknown profession', () => {
    const doc = new Y.Doc();
    expect(updateProtocolHeader(doc, { professions: ['sorcier'] }).ok).toBe(false);
  });

  it('merges concurrent edits of different fields and professions', () => {
    const a = new Y.Doc();
    createProtocol(a, { title: 'Diabète gestationnel' });
    const b = new Y.Doc();
    sync(a, b);
    updateProtocolHeader(a, { theme: 'Parcours' });
    setProfessionConcerned(a, 'sage_femme', true);
    updateProtocolHeader(b, { version: '0.2' });
    setProfessionConcerned(b, 'medecin_generaliste', true);
    sync(a, b);
    const expected = {
      title: 'Diabète gestationnel',
      theme: 'Parcours',
      version: '0.2',
      professions: ['medecin_generaliste', 'sage_femme'],
    };
    expect(readProtocolHeader(a)).toMatchObject(expected);
    expect(readProtocolHeader(b)).toEqual(readProtocolHeader(a));
  });

  it('extracts the body as plain text', () => {
    const doc = new Y.Doc();
    const heading = new Y.XmlElement('heading');
    heading.insert(0, [new Y.XmlText('Objectifs')]);
    const para = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, 'Réduire les <hospitalisations>');
    text.format(0, 7, { bold: true });
    para.insert(0, [text]);
    protocolBody(doc).insert(0, [heading, para]);
    expect(protocolPlainText(doc)).toBe('Objectifs\nRéduire les <hospitalisations>');
    expect(protocolPlainText(doc, 5)).toBe('Objec');
  });

  it('migrates forward and refuses a newer layout', () => {
    const old = new Y.Doc();
    old.getMap('header').set('title', 'Ancien');
    migrateProtocol(old);
    expect(readMeta(old).layoutVersion).toBe(PROTOCOL_LAYOUT_VERSION);
    const newer = new Y.Doc();
    newer.getMap('meta').set('layoutVersion', PROTOCOL_LAYOUT_VERSION + 1);
    expect(() => migrateProtocol(newer)).toThrow(NewerLayoutError);
  });

  it('says which header fields a transaction changed', () => {
    const doc = new Y.Doc();
    createProtocol(doc, { title: 'Plaies' });
    const seen: string[][] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(headerFieldsChanged(doc, tr)));
    updateProtocolHeader(doc, { title: 'Plaies chroniques', theme: 'Parcours' });
    setProfessionConcerned(doc, 'infirmier', true);
    updateProtocolHeader(doc, { title: 'Plaies chroniques' });
    expect(seen.map((s) => s.sort())).toEqual([['theme', 'title'], ['professions'], []]);
  });
});
