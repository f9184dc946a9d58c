// « Pour vous », the day before a meeting: the meetings still planned that start within 24 hours, of which this member
// is a participant, with their agenda's neutral references. Read from the meetings' copies on this device (the
// catalogue lists every meeting to every member, not who is invited): a meeting this device holds no copy of is not
// one its owner was invited to, or not yet synced, and is not reminded.
import { isMeetingSoon, readAgenda, readMeeting, type CatalogueItem, type ConcertationType } from '@maillage/shared';
import { docStore as defaultStore, type DocStore } from '../../store/docStore';

export interface MeetingForMe {
  docId: string;
  type: ConcertationType;
  date: string;
  start: string;
  /** The agenda's references, as the meeting shows them to its participants (never a patient's identity). */
  cases: string[];
}

export async function meetingsForMe(
  workspaceId: string,
  items: readonly CatalogueItem[],
  memberId: string,
  now: Date,
  store: DocStore = defaultStore,
): Promise<MeetingForMe[]> {
  const found: MeetingForMe[] = [];
  for (const item of items) {
    if (!isMeetingSoon(item, now) || !(await store.hasCopy(workspaceId, item.docId))) continue;
    const doc = await store.acquire(workspaceId, item.docId);
    try {
      const meeting = readMeeting(doc);
      if (!meeting || meeting.status !== 'planifiee' || !meeting.participants.includes(memberId)) continue;
      const { type, date, start } = meeting;
      found.push({ docId: item.docId, type, date, start, cases: readAgenda(doc).map((i) => i.label) });
    } finally {
      await store.release(workspaceId, item.docId);
    }
  }
  return found.sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`));
}
