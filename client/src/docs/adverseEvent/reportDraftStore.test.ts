import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../testing/memoryStorage';
import { emptyDraft, type ReportDraft } from './reportDraft';
import { DRAFT_KEPT_DAYS, dropReportDraft, keepReportDraft, loadReportDraft } from './reportDraftStore';

const NOW = new Date('2026-12-05T10:00:00.000Z');
const typed: ReportDraft = {
  ...emptyDraft(NOW),
  place: 'domicile',
  description: 'Pilulier préparé avec la dose du soir dans la case du matin.',
  severity: '2',
  professions: ['infirmier'],
  informed: 'no',
};

const ALICE = { workspaceId: 'ws-1', memberId: 'member-alice1' };
const BRUNO = { workspaceId: 'ws-1', memberId: 'member-bruno1' };
const DAY = 24 * 3600 * 1000;

describe('the report form’s draft on this device', () => {
  it('comes back as typed, for its member and workspace only, until the report is saved', () => {
    const storage = new MemoryStorage();
    keepReportDraft(ALICE, typed, NOW, storage);
    expect(loadReportDraft(ALICE, NOW, storage)).toEqual(typed);
    expect(loadReportDraft({ ...ALICE, workspaceId: 'ws-2' }, NOW, storage)).toBeNull();
    // The device handed to a colleague of the same workspace: hers is not his.
    expect(loadReportDraft(BRUNO, NOW, storage)).toBeNull();
    dropReportDraft(ALICE, storage);
    expect(loadReportDraft(ALICE, NOW, storage)).toBeNull();
  });

  it('is kept a month, not longer', () => {
    const storage = new MemoryStorage();
    keepReportDraft(ALICE, typed, NOW, storage);
    const later = (days: number) => new Date(NOW.getTime() + days * DAY);
    expect(loadReportDraft(ALICE, later(DRAFT_KEPT_DAYS), storage)).toEqual(typed);
    expect(loadReportDraft(ALICE, later(DRAFT_KEPT_DAYS + 1), storage)).toBeNull();
    // Not given back is not kept: it may name a patient.
    expect(loadReportDraft(ALICE, NOW, storage)).toBeNull();
  });

  it('deletes a draft kept before drafts were kept per member', () => {
    const storage = new MemoryStorage();
    storage.setItem('maillage:reportDraft:ws-1', JSON.stringify(typed));
    expect(loadReportDraft(ALICE, NOW, storage)).toBeNull();
    expect(storage.getItem('maillage:reportDraft:ws-1')).toBeNull();
  });

  it('clears only a field it cannot read, starts blank from anything else unreadable, types on when refused', () => {
    const storage = new MemoryStorage();
    const stored = (draft: unknown) => JSON.stringify({ savedAt: NOW.toISOString(), draft });
    storage.setItem(`maillage:reportDraft:ws-1:${ALICE.memberId}`, stored({ ...typed, place: 'lune' }));
    expect(loadReportDraft(ALICE, NOW, storage)).toEqual({ ...typed, place: null });
    storage.setItem(`maillage:reportDraft:ws-1:${ALICE.memberId}`, '{"savedAt":');
    expect(loadReportDraft(ALICE, NOW, storage)).toBeNull();
    expect(storage.getItem(`maillage:reportDraft:ws-1:${ALICE.memberId}`)).toBeNull();
    storage.setItem(`maillage:reportDraft:ws-1:${ALICE.memberId}`, JSON.stringify(typed));
    expect(loadReportDraft(ALICE, NOW, storage)).toBeNull();
    const full = Object.assign(new MemoryStorage(), {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    expect(() => keepReportDraft(ALICE, typed, NOW, full)).not.toThrow();
  });
});
