import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../testing/memoryStorage';
import { emptyDraft, type ReportDraft } from './reportDraft';
import { dropReportDraft, keepReportDraft, loadReportDraft } from './reportDraftStore';

const NOW = new Date('2026-12-05T10:00:00.000Z');
const typed: ReportDraft = {
  ...emptyDraft(NOW),
  place: 'domicile',
  description: 'Pilulier préparé avec la dose du soir dans la case du matin.',
  severity: '2',
  professions: ['infirmier'],
  informed: 'no',
};

describe('the report form’s draft on this device', () => {
  it('comes back as typed, for its workspace only, until the report is saved', () => {
    const storage = new MemoryStorage();
    keepReportDraft('ws-1', typed, storage);
    expect(loadReportDraft('ws-1', storage)).toEqual(typed);
    expect(loadReportDraft('ws-2', storage)).toBeNull();
    dropReportDraft('ws-1', storage);
    expect(loadReportDraft('ws-1', storage)).toBeNull();
  });

  it('starts blank from anything unreadable, and types on when the storage refuses', () => {
    const storage = new MemoryStorage();
    storage.setItem('maillage:reportDraft:ws-1', '{"place":"lune"');
    expect(loadReportDraft('ws-1', storage)).toBeNull();
    storage.setItem('maillage:reportDraft:ws-1', JSON.stringify({ ...typed, place: 'lune' }));
    expect(loadReportDraft('ws-1', storage)).toBeNull();
    const full = Object.assign(new MemoryStorage(), {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    expect(() => keepReportDraft('ws-1', typed, full)).not.toThrow();
  });
});
