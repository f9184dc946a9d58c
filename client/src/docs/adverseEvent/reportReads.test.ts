import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { createReport, writeQualification } from '@maillage/shared';
import { db } from '../../store/db';
import { docStore } from '../../store/docStore';
import { loadSummaries } from './reportReads';
import { forgetReadReports, readReportsOnDevice } from './useReportsOnDevice';

const WS = 'ws-report-reads';
const REFERENT = 'member-regine';
const input = {
  occurredAt: '2026-12-01T08:30:00.000Z',
  place: 'domicile',
  description: 'Pilulier préparé avec la dose du soir dans la case du matin.',
  nature: 'epr',
  consequences: 'aucune',
  severity: 2,
  patientInformed: false,
} as const;

async function write(docId: string, edit: (doc: Y.Doc) => void, workspace = WS) {
  const doc = await docStore.acquire(workspace, docId);
  edit(doc);
  await docStore.flushed(workspace, docId);
  await docStore.release(workspace, docId);
}

afterEach(() => {
  vi.restoreAllMocks();
  forgetReadReports();
});

describe('the reports read on this device', () => {
  it('are kept as summaries: after a reload only the copies that changed are opened again', async () => {
    await write('report-one-000000001', (doc) => createReport(doc, input, 'member-elsa01'));
    await write('report-two-000000002', (doc) => createReport(doc, { ...input, severity: 4 }, 'member-elsa01'));
    await write('protocol-00000000003', (doc) => doc.getMap('other').set('x', 1));
    const ids = ['report-one-000000001', 'report-two-000000002', 'protocol-00000000003'];

    const first = await readReportsOnDevice(WS, ids);
    expect(first.map((r) => r.row.severity).sort()).toEqual([2, 4]);
    expect([...(await loadSummaries(WS)).byDoc.keys()].sort()).toEqual([...ids].sort());
    // No free text is kept in them.
    expect(JSON.stringify((await db.settings.get(`reportReads:${WS}`))?.value)).not.toContain('Pilulier');

    // A reload: nothing in memory; nothing changed, so no copy is opened.
    forgetReadReports();
    const acquire = vi.spyOn(docStore, 'acquire');
    expect(await readReportsOnDevice(WS, ids)).toEqual(first);
    expect(acquire).not.toHaveBeenCalled();

    // One copy changes (a référent qualifies it): that one only is opened again, and read as it is now.
    acquire.mockRestore();
    await write('report-two-000000002', (doc) =>
      writeQualification(
        doc,
        { category: 'medicament', severity: 3, avoidability: 'evitable', eigs: false },
        REFERENT,
        new Set([REFERENT]),
      ),
    );
    forgetReadReports();
    const again = vi.spyOn(docStore, 'acquire');
    const read = await readReportsOnDevice(WS, ids);
    expect(again.mock.calls.map((c) => c[1])).toEqual(['report-two-000000002']);
    expect(read.find((r) => r.docId === 'report-two-000000002')?.qualification?.category).toBe('medicament');
  });

  it('are not trusted when the stored row is not what this version writes', async () => {
    await db.settings.put({ key: `reportReads:${WS}-bad`, value: { x: { seq: 'one', read: 3 } } });
    expect((await loadSummaries(`${WS}-bad`)).byDoc.size).toBe(0);
  });

  it('say which copies still hold an analysis an earlier version wrote in the report, and keep none of its text', async () => {
    // A workspace of its own: the first test counts every summary of WS, in whatever order the tests run.
    const ws = `${WS}-legacy`;
    await write(
      'report-old-000000004',
      (doc) => {
        createReport(doc, input, 'member-elsa01');
        doc.getText('alarm.rootCauses').insert(0, 'Double vérification absente');
      },
      ws,
    );
    await write('report-new-000000005', (doc) => createReport(doc, input, 'member-elsa01'), ws);
    const read = await readReportsOnDevice(ws, ['report-old-000000004', 'report-new-000000005']);
    expect(Object.fromEntries(read.map((r) => [r.docId, r.legacyAnalysis]))).toEqual({
      'report-old-000000004': true,
      'report-new-000000005': false,
    });
    expect(JSON.stringify((await db.settings.get(`reportReads:${ws}`))?.value)).not.toContain('Double');
    // A row written before the mark existed is read again whole, so no old analysis goes unnoticed.
    const { upTo, byDoc } = (await db.settings.get(`reportReads:${ws}`))!.value as {
      upTo: number;
      byDoc: Record<string, { seq: number; read: Record<string, unknown> | null }>;
    };
    for (const summary of Object.values(byDoc)) delete summary.read?.legacyAnalysis;
    await db.settings.put({ key: `reportReads:${ws}-before`, value: { upTo, byDoc } });
    expect((await loadSummaries(`${ws}-before`)).byDoc.size).toBe(0);
  });
});
