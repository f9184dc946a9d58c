import { describe, expect, it } from 'vitest';
import type { ReportStatus } from '@maillage/shared';
import { sortReports } from './reportOrder';

const item = (docId: string, occurredAt: string, status: ReportStatus) => ({ docId, report: { occurredAt, status } });
const items = [
  item('b', '2026-11-02T08:00:00.000Z', 'clos'),
  item('d', '2026-12-01T08:00:00.000Z', 'analyse'),
  item('a', '2026-10-20T08:00:00.000Z', 'declare'),
  item('c', '2026-11-20T08:00:00.000Z', 'declare'),
];
const ids = (list: { docId: string }[]) => list.map((i) => i.docId).join(' ');

describe('report lists’ order', () => {
  it('puts the newest event first by default, the oldest first on request', () => {
    expect(ids(sortReports(items, 'recent'))).toBe('d c b a');
    expect(ids(sortReports(items, 'oldest'))).toBe('a b c d');
  });

  it('follows the workflow by status, « déclaré » first, newest first among equals', () => {
    expect(ids(sortReports(items, 'status'))).toBe('c a d b');
  });

  it('leaves the list it was given as it was', () => {
    sortReports(items, 'oldest');
    expect(ids(items)).toBe('b d a c');
  });
});
