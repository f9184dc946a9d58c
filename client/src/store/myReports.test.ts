import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MaillageDb } from './db';
import { addMyReport, listFetchedDocs, listMyReports, markReportSent } from './myReports';

let db: MaillageDb;
let opened = 0;
beforeEach(() => {
  db = new MaillageDb(`test-my-reports-${opened++}`);
});
afterEach(() => db.delete());

const report = (docId: string) => ({
  docId,
  nonce: `nonce-${docId}`,
  createdAt: '2026-12-05T10:00:00.000Z',
  sent: false,
});

describe('my reports', () => {
  it('keeps each workspace’s reports, each once, waiting until sent', async () => {
    await addMyReport('ws-a', report('report-01'), db);
    await addMyReport('ws-a', report('report-01'), db);
    await addMyReport('ws-b', report('report-02'), db);
    await markReportSent('ws-a', 'report-01', db);
    expect(await listMyReports('ws-a', db)).toEqual([{ ...report('report-01'), sent: true }]);
    expect(await listMyReports('ws-b', db)).toEqual([report('report-02')]);
  });

  it('lists the fetched documents this member may read', async () => {
    await db.fetches.bulkPut([
      { workspaceId: 'ws-a', docId: 'read-0001', tick: 5, fetchedTick: 5, readable: true },
      { workspaceId: 'ws-a', docId: 'notyet-01', tick: 5, fetchedTick: 0, readable: true },
      { workspaceId: 'ws-a', docId: 'denied-01', tick: 5, fetchedTick: 5, readable: false },
      { workspaceId: 'ws-b', docId: 'other-001', tick: 5, fetchedTick: 5, readable: true },
    ]);
    expect(await listFetchedDocs('ws-a', db)).toEqual(['read-0001']);
  });
});
