import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import fc from 'fast-check';
import { createReport, readStatus, writeQualification } from './layout';
import { REPORT_STATUSES, type ReportStatus } from './schema';
import { allowedReportMoves, moveReportStatus } from './workflow';
import { DENIS, ELSA, NOW, REGINE, referents, reportInput } from './testing';

const qualified = () => {
  const doc = new Y.Doc();
  createReport(doc, reportInput(), ELSA, NOW);
  writeQualification(
    doc,
    { category: 'parcours', severity: 2, avoidability: 'evitable', eigs: false },
    REGINE,
    referents,
    NOW,
  );
  return doc;
};

describe('report status', () => {
  it('goes qualifié → à analyser → analysé → clos, one step at a time, by a référent', () => {
    const doc = qualified();
    expect(moveReportStatus(doc, 'analyse', REGINE, referents).ok).toBe(false);
    for (const to of ['a_analyser', 'analyse', 'clos'] as const) {
      expect(moveReportStatus(doc, to, DENIS, referents).ok).toBe(false);
      expect(moveReportStatus(doc, to, REGINE, referents)).toEqual({ ok: true, value: to });
    }
    expect(allowedReportMoves('clos', REGINE, referents)).toEqual([]);
  });

  it('a declared report is qualified before anything else', () => {
    const doc = new Y.Doc();
    createReport(doc, reportInput(), ELSA, NOW);
    expect(allowedReportMoves('declare', REGINE, referents)).toEqual([]);
    expect(moveReportStatus(doc, 'qualifie', REGINE, referents).ok).toBe(false);
    expect(readStatus(doc)).toBe('declare');
  });

  it('property: whatever moves anyone asks for, the status only ever steps forward', () => {
    const actor = fc.constantFrom(REGINE, DENIS, ELSA);
    const move = fc.record({ to: fc.constantFrom(...REPORT_STATUSES), actor });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 20 }), (moves) => {
        const doc = qualified();
        let index = REPORT_STATUSES.indexOf('qualifie');
        for (const { to, actor } of moves) {
          const before = readStatus(doc);
          const r = moveReportStatus(doc, to as ReportStatus, actor, referents);
          const after = REPORT_STATUSES.indexOf(readStatus(doc));
          expect(after).toBe(r.ok ? index + 1 : index);
          if (r.ok)
            expect(referents.has(actor) && REPORT_STATUSES[REPORT_STATUSES.indexOf(before) + 1] === to).toBe(true);
          index = after;
        }
      }),
    );
  });
});
