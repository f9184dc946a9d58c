import { describe, expect, it } from 'vitest';
import type { AclRecord } from '@maillage/shared/sync';
import { asReadNow, withoutReporter } from './reportAnonymity';
import type { JournalEntry } from './journal';

const ws = 'a'.repeat(52);
const list = (room: string, kind: AclRecord['kind']): AclRecord => ({
  room,
  kind,
  owner: 'reporter-01',
  members: ['referent-01', 'reporter-01'],
  updatedAt: '2026-12-05T09:00:00.000Z',
  updatedBy: 'reporter-01',
});
const lists = new Map([
  [`${ws}/report-room-01`, list(`${ws}/report-room-01`, 'report')],
  [`${ws}/case-room-001`, list(`${ws}/case-room-001`, 'team')],
]);
const shape = withoutReporter({ get: (room: string) => lists.get(room) ?? null });
const entry = (room: string | null, member: string, event: JournalEntry['event'] = 'open') => ({
  ws,
  room,
  member,
  device: 'device-0001',
  role: 'member',
  address: '127.0.0.1',
  event,
  reason: event === 'refused' ? 'forbidden' : null,
  bytes: 12,
});
const anonymous = { member: null, device: null, role: null, address: null };

describe("the journal's entries on report rooms", () => {
  it('name nobody on the list, whatever the event; keep the event, the reason and the bytes', () => {
    for (const event of ['open', 'close', 'acl', 'writeDropped', 'refused'] as const)
      for (const member of ['reporter-01', 'referent-01'])
        expect(shape(entry(`${ws}/report-room-01`, member, event))).toEqual({
          ...entry(`${ws}/report-room-01`, member, event),
          ...anonymous,
        });
  });

  it('name whoever off the list was refused, and everyone in other rooms', () => {
    const refused = entry(`${ws}/report-room-01`, 'coord-000001', 'refused');
    expect(shape(refused)).toEqual(refused);
    for (const e of [entry(`${ws}/case-room-001`, 'reporter-01'), entry(null, 'reporter-01', 'fetch')])
      expect(shape(e)).toEqual(e);
  });
});

describe('the journal as a coordinator reads it', () => {
  const lists = new Map([[`${ws}/report-room-01`, list(`${ws}/report-room-01`, 'report')]]);
  const acls = { get: (room: string) => lists.get(room) ?? null };
  // Written while the room was a care team's, before its reporter made it a report's.
  const t = '2026-12-01T08:00:00.000Z';
  const written = [
    { t, ...entry(`${ws}/report-room-01`, 'reporter-01') },
    { t, ...entry(`${ws}/case-room-001`, 'reporter-01') },
  ];

  it("name nobody in a room that is a report's now, whenever the entry was written", () => {
    expect(asReadNow(acls, written, undefined)).toEqual([{ ...written[0], ...anonymous }, written[1]]);
  });

  it("find a report room's entries under no member's name", () => {
    expect(asReadNow(acls, written, 'reporter-01')).toEqual([written[1]]);
  });
});
