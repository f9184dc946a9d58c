import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMeta } from '../meta';
import { exchange, replica } from '../protocol/testing';
import {
  addSheetAction,
  cellMembers,
  createCrisisPlan,
  crisisPlaces,
  listSheetActions,
  planBody,
  readAlertChain,
  readCrisisPlanHeader,
  readGovernance,
  readTypologySheet,
  typologySheetIsEmpty,
  updateAlertChain,
  updateGovernance,
  updateSheetAction,
  updateTypologySheet,
} from './layout';
import { crisisPlanBlocks } from './blocks';
import { CRISIS_TYPOLOGIES } from './typologies';

const annuaire = new Set(['member-titu0001', 'member-supp0001']);
const planned = () => {
  const doc = new Y.Doc({ gc: false });
  createCrisisPlan(doc, 'Plan SSE 2026', 'member-titu0001', new Date('2026-03-02T10:00:00Z'));
  return doc;
};

describe('crisis plan layout', () => {
  it('lays out a draft from the national template: sections as headings, five empty sheets', () => {
    const doc = planned();
    expect(readMeta(doc)).toEqual({ kind: 'crisisPlan', layoutVersion: 1 });
    expect(readCrisisPlanHeader(doc)).toMatchObject({ title: 'Plan SSE 2026', status: 'brouillon', version: '2026' });
    const headings = planBody(doc)
      .toArray()
      .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'heading')
      .map((n) => [
        n.getAttribute('level'),
        n
          .toArray()
          .map((t) => (t as Y.XmlText).toString())
          .join(''),
      ]);
    expect(headings.filter(([level]) => level === '2').map(([, t]) => t)).toEqual([
      'Territoire',
      'Analyse des risques et vulnérabilités',
      'Articulation avec les autres dispositifs',
      'Matériel et équipements de protection',
      'Bénévoles',
      'Continuité des soins des patients chroniques',
    ]);
    expect(headings.filter(([level]) => level === '3').map(([, t]) => t)).toContain(
      'Plans blancs des établissements de santé',
    );
    expect(readTypologySheet(doc, 'nrc').triggers).toBe('');
  });

  it('refuses an empty title and writes nothing', () => {
    const doc = new Y.Doc();
    const result = createCrisisPlan(doc, '  ', null);
    expect(result).toEqual({ ok: false, errors: [{ field: 'title', message: 'errors.titleRequired' }] });
    expect(doc.share.size).toBe(0);
  });

  it('takes SSE référents from the annuaire only, two different people', () => {
    const doc = planned();
    expect(
      updateGovernance(doc, { referentTitulaire: 'member-titu0001', mainPlace: 'MSP de Tulle' }, annuaire).ok,
    ).toBe(true);
    const stranger = updateGovernance(doc, { referentSuppleant: 'member-nobody01', fallbackPlace: 'Mairie' }, annuaire);
    expect(stranger).toEqual({
      ok: false,
      errors: [{ field: 'referentSuppleant', message: 'errors.referentNotMember' }],
    });
    const twice = updateGovernance(doc, { referentSuppleant: 'member-titu0001' }, annuaire);
    expect(twice).toEqual({ ok: false, errors: [{ field: 'referentSuppleant', message: 'errors.referentTwice' }] });
    const unknown = updateGovernance(doc, { chef: 'moi' }, annuaire);
    expect(unknown.ok).toBe(false);
    expect(readGovernance(doc)).toEqual({
      referentTitulaire: 'member-titu0001',
      referentSuppleant: null,
      mainPlace: 'MSP de Tulle',
      fallbackPlace: '',
      videoLink: '',
      communication: '',
    });
  });

  it('checks the alert chain: known authorities, each once, a delay in minutes', () => {
    const doc = planned();
    expect(updateAlertChain(doc, { issuers: ['dg_ars', 'prefet', 'dg_ars'], onCallNumber: '06 12 34 56 78' }).ok).toBe(
      true,
    );
    expect(readAlertChain(doc).issuers).toEqual(['dg_ars', 'prefet']);
    const bad = updateAlertChain(doc, { issuers: ['maire'], escalationMinutes: 2 });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors.map((e) => e.message)).toEqual(['errors.crisisAuthority', 'errors.escalationMinutes']);
    expect(readAlertChain(doc).escalationMinutes).toBeNull();
  });

  it('keeps crisis cell members and places as rows, refusing a bad capacity', () => {
    const doc = planned();
    cellMembers.add(doc, { name: 'Centre 15', organisation: 'SAMU 19', role: 'Régulation' });
    expect(cellMembers.add(doc, { name: 'X', role: '' }).ok).toBe(false);
    expect(crisisPlaces.add(doc, { name: 'Gymnase', capacity: 0 })).toEqual({
      ok: false,
      errors: [{ field: 'capacity', message: 'errors.capacity' }],
    });
    const place = crisisPlaces.add(doc, { name: 'Gymnase', capacity: 200, typologies: ['malades_fragiles'] });
    expect(place.ok).toBe(true);
    expect(cellMembers.list(doc).map((m) => m.role)).toEqual(['Régulation']);
    expect(crisisPlaces.list(doc)).toMatchObject([
      { name: 'Gymnase', capacity: 200, typologies: ['malades_fragiles'] },
    ]);
  });

  it('removes a row and puts it back as it was, in its place, when undone', () => {
    const doc = planned();
    for (const name of ['Centre 15', 'SDIS 19', 'Mairie']) cellMembers.add(doc, { name, role: 'Cellule' });
    const before = cellMembers.list(doc);
    const undo = cellMembers.remove(doc, before[1]!.id);
    expect(cellMembers.list(doc)).toEqual([before[0], before[2]]);
    expect(cellMembers.remove(doc, before[1]!.id)).toBeNull();
    undo!();
    expect(cellMembers.list(doc)).toEqual(before);
  });

  it('writes a typology sheet and its actions; a wrong typology or an empty action writes nothing', () => {
    const doc = planned();
    expect(updateTypologySheet(doc, 'malades_fragiles', { triggers: 'Vigilance canicule rouge' }).ok).toBe(true);
    expect(updateTypologySheet(doc, 'canicule', { triggers: 'x' }).ok).toBe(false);
    const action = addSheetAction(doc, 'malades_fragiles', {
      what: 'Appeler les patients isolés',
      who: 'IDEL',
      when: 'H+4',
    });
    expect(addSheetAction(doc, 'malades_fragiles', { what: ' ' }).ok).toBe(false);
    expect(addSheetAction(doc, 'grippe', { what: 'x' }).ok).toBe(false);
    if (action.ok)
      updateSheetAction(doc, action.value.id, { what: 'Appeler les patients isolés', who: 'IDEL', when: 'H+2' });
    expect(readTypologySheet(doc, 'malades_fragiles').triggers).toBe('Vigilance canicule rouge');
    expect(listSheetActions(doc, 'malades_fragiles')).toMatchObject([{ when: 'H+2', typology: 'malades_fragiles' }]);
    expect(listSheetActions(doc, 'nrc')).toEqual([]);
  });

  it('tells an empty sheet from one with a field or an action', () => {
    const doc = planned();
    expect(CRISIS_TYPOLOGIES.every((ty) => typologySheetIsEmpty(doc, ty))).toBe(true);
    updateTypologySheet(doc, 'nrc', { objectives: '  ' });
    expect(typologySheetIsEmpty(doc, 'nrc')).toBe(true);
    updateTypologySheet(doc, 'nrc', { objectives: 'Protéger' });
    addSheetAction(doc, 'malades_fragiles', { what: 'Appeler les patients isolés' });
    expect(typologySheetIsEmpty(doc, 'nrc')).toBe(false);
    expect(typologySheetIsEmpty(doc, 'malades_fragiles')).toBe(false);
    expect(typologySheetIsEmpty(doc, 'blesses')).toBe(true);
  });

  it('merges two writers filling different parts at once', () => {
    const a = planned();
    const b = replica(a);
    updateTypologySheet(a, 'nrc', { objectives: 'Protéger' });
    updateTypologySheet(b, 'nrc', { triggers: 'Alerte préfet' });
    cellMembers.add(a, { name: 'SDIS 19', role: 'Secours' });
    cellMembers.add(b, { name: 'Mairie de Tulle', role: 'Hébergement' });
    exchange(a, b);
    expect(readTypologySheet(b, 'nrc')).toMatchObject({ objectives: 'Protéger', triggers: 'Alerte préfet' });
    expect(cellMembers.list(a)).toEqual(cellMembers.list(b));
    expect(cellMembers.list(a)).toHaveLength(2);
  });

  it('reads as blocks for the comparison, names instead of member ids', () => {
    const doc = planned();
    updateGovernance(doc, { referentTitulaire: 'member-titu0001' }, annuaire);
    addSheetAction(doc, 'nrc', { what: 'Décontaminer', who: 'ES', when: 'H0' });
    const blocks = crisisPlanBlocks(doc, {
      label: (k) => k,
      typology: (t) => `T:${t}`,
      nameOf: (id) => (id === 'member-titu0001' ? 'Dr Martin' : id),
    });
    const texts = blocks.map((b) => b.text);
    expect(texts).toContain('referentTitulaire : Dr Martin');
    expect(texts).toContain('T:nrc');
    expect(texts).toContain('Décontaminer · ES · H0');
    expect(texts.some((t) => t.includes('member-'))).toBe(false);
  });
});
