import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import fc from 'fast-check';
import { readMeta } from '../meta';
import {
  ADVERSE_EVENT_LAYOUT_VERSION,
  createReport,
  readFeedback,
  readQualification,
  readReport,
  registerRow,
  volet2DueDate,
  writeFeedback,
  writeQualification,
} from './layout';
import { DENIS, ELSA, NOW, PAUL, REGINE, referents, reportInput } from './testing';

const reported = () => {
  const doc = new Y.Doc();
  const result = createReport(doc, reportInput(), ELSA, NOW);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return doc;
};
const messages = (r: { ok: boolean; errors?: { field: string; message: string }[] }) =>
  r.ok ? [] : r.errors!.map((e) => `${e.field}:${e.message}`).sort();
const qualification = { category: 'medicament', severity: 3, avoidability: 'evitable', eigs: false } as const;

describe('adverse-event layout', () => {
  it('lays out a declared report stamped with its kind, with its reporter', () => {
    const doc = reported();
    expect(readMeta(doc)).toEqual({ kind: 'adverseEvent', layoutVersion: ADVERSE_EVENT_LAYOUT_VERSION });
    expect(readReport(doc)).toMatchObject({ status: 'declare', reportedBy: ELSA, severity: 2, reporterName: '' });
  });

  it('drops any field it does not know, such as a patient', () => {
    const doc = new Y.Doc();
    createReport(doc, { ...reportInput(), patient: 'Jeanne Dupont' }, ELSA, NOW);
    expect(JSON.stringify(doc.getMap('report').toJSON())).not.toContain('Dupont');
  });

  it('refuses a report dated in the future and writes nothing', () => {
    const doc = new Y.Doc();
    const r = createReport(doc, reportInput({ occurredAt: '2026-12-05T10:00:01.000Z' }), ELSA, NOW);
    expect(messages(r)).toEqual(['occurredAt:errors.eventInFuture']);
    expect(doc.share.size).toBe(0);
  });

  it('refuses a severity outside 1–5, an unknown place, an empty text; nothing written', () => {
    for (const severity of [0, 6, 2.5, -1]) {
      const doc = new Y.Doc();
      expect(messages(createReport(doc, reportInput({ severity }), ELSA, NOW))).toEqual(['severity:errors.severity']);
      expect(doc.share.size).toBe(0);
    }
    const doc = new Y.Doc();
    const r = createReport(doc, reportInput({ place: 'lune' as never, description: '   ' }), ELSA, NOW);
    expect(messages(r)).toEqual(['description:errors.descriptionRequired', 'place:errors.eventPlace']);
    expect(doc.share.size).toBe(0);
  });

  it('refuses a date of information without « oui », and one in the future', () => {
    const no = createReport(new Y.Doc(), reportInput({ patientInformed: false }), ELSA, NOW);
    expect(messages(no)).toEqual(['patientInformedOn:errors.informedDateWithoutYes']);
    const later = createReport(new Y.Doc(), reportInput({ patientInformedOn: '2026-12-06' }), ELSA, NOW);
    expect(messages(later)).toEqual(['patientInformedOn:errors.dateInFuture']);
  });

  it('property: any instant after now is refused, any before is kept', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5 * 365 * 86_400_000, max: 5 * 365 * 86_400_000 }), (offset) => {
        const at = new Date(NOW.getTime() + offset).toISOString();
        const doc = new Y.Doc();
        const r = createReport(
          doc,
          reportInput({ occurredAt: at, patientInformed: false, patientInformedOn: null }),
          ELSA,
          NOW,
        );
        expect(r.ok).toBe(offset <= 0);
        expect(doc.share.size > 0).toBe(offset <= 0);
      }),
    );
  });

  it('property: only integer severities 1 to 5 are kept', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double()), (severity) => {
        const r = createReport(new Y.Doc(), reportInput({ severity }), ELSA, NOW);
        expect(r.ok).toBe(Number.isInteger(severity) && severity >= 1 && severity <= 5);
      }),
    );
  });

  it('a référent qualifies; the status becomes « qualifié » and the register shows the category', () => {
    const doc = reported();
    expect(messages(writeQualification(doc, qualification, DENIS, referents, NOW))).toEqual([
      'actor:errors.referentOnly',
    ]);
    const r = writeQualification(doc, qualification, REGINE, referents, NOW);
    expect(r.ok && r.value).toMatchObject({ category: 'medicament', severity: 3, volet2Due: null });
    expect(registerRow('doc-1234567', doc)).toEqual({
      docId: 'doc-1234567',
      day: '2026-12-05',
      severity: 3,
      status: 'qualifie',
      category: 'medicament',
      nature: 'epr',
      eigs: false,
    });
  });

  it('an EIGS needs its criteria; volet 2 falls due at J+90 and keeps its date when requalified', () => {
    const doc = reported();
    const bare = writeQualification(doc, { ...qualification, eigs: true }, REGINE, referents, NOW);
    expect(messages(bare)).toEqual(['eigsCriteria:errors.eigsCriteria']);
    expect(readQualification(doc)).toBeNull();
    const eigs = { ...qualification, severity: 5, eigs: true, eigsCriteria: ['deces'] };
    writeQualification(doc, eigs, REGINE, referents, NOW);
    expect(readQualification(doc)?.volet2Due).toBe('2027-03-05');
    writeQualification(doc, { ...eigs, portalReference: 'ARS-2026-0042' }, PAUL, referents, new Date('2027-01-10'));
    expect(readQualification(doc)).toMatchObject({ volet2Due: '2027-03-05', portalReference: 'ARS-2026-0042' });
  });

  it('counts J+90 across month ends and leap years', () => {
    expect(volet2DueDate('2027-12-01')).toBe('2028-02-29');
    expect(volet2DueDate('2026-01-31')).toBe('2026-05-01');
  });

  it('the retour au déclarant is written by a référent only', () => {
    const doc = reported();
    expect(writeFeedback(doc, 'Merci', ELSA, referents, NOW).ok).toBe(false);
    expect(readFeedback(doc)).toBeNull();
    writeFeedback(doc, '  Merci, analysé en CREX.  ', PAUL, referents, NOW);
    expect(readFeedback(doc)).toEqual({ text: 'Merci, analysé en CREX.', at: NOW.toISOString() });
  });

  it('a blank retour au déclarant is refused and leaves the one written', () => {
    const doc = reported();
    writeFeedback(doc, 'Merci, analysé en CREX.', PAUL, referents, NOW);
    for (const blank of ['', '   \n ', undefined])
      expect(messages(writeFeedback(doc, blank, REGINE, referents, NOW))).toEqual(['feedback:errors.feedbackRequired']);
    expect(messages(writeFeedback(doc, 'x'.repeat(2001), REGINE, referents, NOW))).toEqual(['feedback:errors.tooLong']);
    expect(readFeedback(doc)).toEqual({ text: 'Merci, analysé en CREX.', at: NOW.toISOString() });
  });

  it('the register row carries no free text and no reporter', () => {
    const doc = new Y.Doc();
    createReport(doc, reportInput({ reporterName: 'Elsa Roux' }), ELSA, NOW);
    const row = JSON.stringify(registerRow('doc-1234567', doc));
    for (const secret of ['Elsa', ELSA, 'Pilulier', 'pharmacie']) expect(row).not.toContain(secret);
  });

  it('a reporter writing offline and a référent qualifying merge', () => {
    const reporter = reported();
    const referent = new Y.Doc();
    Y.applyUpdate(referent, Y.encodeStateAsUpdate(reporter));
    writeQualification(referent, qualification, REGINE, referents, NOW);
    writeFeedback(referent, 'Merci', REGINE, referents, NOW);
    Y.applyUpdate(reporter, Y.encodeStateAsUpdate(referent));
    expect(readReport(reporter)?.status).toBe('qualifie');
    expect(readFeedback(reporter)?.text).toBe('Merci');
  });
});
