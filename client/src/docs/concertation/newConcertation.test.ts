// Planning offline: the meeting stays on the device, its id unpublished, until the relay holds its participants; then
// its catalogue entry lists it for every member (day, type, status), never restricted to them (decision 0033).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCatalogueEntry, readMeeting, WELL_KNOWN_DOCS } from '@maillage/shared';
import type { WorkspaceRow } from '../../store/db';
import { docStore } from '../../store/docStore';
import { listPendingCases } from '../../store/pendingShares';
import { pendingCaseItem, publishPendingCase } from '../patientCase/publishCase';
import { newConcertation } from './newConcertation';

const CLAIRE = 'member-claire';
const DENIS = 'member-denis1';
const row = { id: 'ws-planning-offline', memberId: CLAIRE, token: 'not-used-offline' } as WorkspaceRow;
const input = {
  type: 'rcp_patient' as const,
  date: '2099-01-06',
  start: '12:30',
  end: '14:00',
  modality: 'presentiel' as const,
  place: 'Maison de santé',
  coordonnateur: CLAIRE,
  animateur: CLAIRE,
  secretaire: null,
  participants: [DENIS],
};
const annuaire = new Set([CLAIRE, DENIS]);

afterEach(() => vi.unstubAllGlobals());

async function catalogueEntry(docId: string) {
  const catalogue = await docStore.acquire(row.id, WELL_KNOWN_DOCS.catalogue);
  try {
    return readCatalogueEntry(catalogue, docId);
  } finally {
    await docStore.release(row.id, WELL_KNOWN_DOCS.catalogue);
  }
}

describe('planning a meeting offline', () => {
  it('keeps it on the device, unpublished, then lists it for everyone once its list is on the relay', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const planned = await newConcertation(row, input, annuaire, () => 'Concertation · RCP patient · 6 janv. 2099');
    if (!planned.ok) throw new Error('not planned');
    const { docId, shared } = planned.value;
    expect(shared).toBe(false);
    const doc = await docStore.acquire(row.id, docId);
    expect(readMeeting(doc)?.participants).toEqual([CLAIRE, DENIS]);
    await docStore.release(row.id, docId);

    const [pending] = await listPendingCases(row.id);
    expect(pending).toMatchObject({ docId, kind: 'concertation', meetingDate: '2099-01-06', meetingStart: '12:30' });
    expect(await catalogueEntry(docId)).toBeNull();
    // Its planner's list shows it meanwhile, as a meeting.
    expect(pendingCaseItem(pending!, CLAIRE)).toMatchObject({ kind: 'concertation', meetingDate: '2099-01-06' });

    await publishPendingCase(row.id, docId, [CLAIRE, DENIS]);
    const entry = await catalogueEntry(docId);
    expect(entry).toMatchObject({ kind: 'concertation', status: 'planifiee', meetingDate: '2099-01-06' });
    expect(entry?.restrictedTo).toBeUndefined();
  });

  it('refuses bad input and keeps nothing', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const before = (await listPendingCases(row.id)).length;
    const refused = await newConcertation(row, { ...input, end: '11:00' }, annuaire, () => 'x');
    expect(refused.ok).toBe(false);
    expect(await listPendingCases(row.id)).toHaveLength(before);
  });
});
