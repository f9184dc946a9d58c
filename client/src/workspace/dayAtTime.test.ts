import { describe, expect, it } from 'vitest';
import { dayAtTime } from './dayAtTime';
import { personSeen } from './devicesSeen';

describe('dayAtTime', () => {
  it('reads a UTC instant as Paris time, winter and summer', () => {
    expect(dayAtTime('2026-12-03T13:05:00Z', 'fr')).toEqual({ day: '3', month: 'déc.', hour: '14', minute: '05' });
    expect(dayAtTime('2026-07-14T22:30:00Z', 'fr')).toEqual({ day: '15', month: 'juil.', hour: '00', minute: '30' });
    expect(dayAtTime('2026-12-03T13:05:00Z', 'en')).toMatchObject({ day: '3', month: 'Dec', hour: '14' });
  });
});

describe('personSeen', () => {
  const entry = (t: string, device: string | null, role = 'member') => ({
    t,
    ws: 'w',
    room: null,
    member: 'm',
    device,
    role,
    address: null,
    event: 'open' as const,
    reason: null,
    bytes: 0,
  });
  it('keeps each device once, at its latest use, newest first, and says whether the person coordinates', () => {
    const seen = personSeen([
      entry('2026-12-01T08:00:00Z', 'phone-0001'),
      entry('2026-12-03T13:05:00Z', 'laptop-001', 'coordinator'),
      entry('2026-12-02T08:00:00Z', 'phone-0001'),
      entry('2026-12-04T08:00:00Z', null),
    ]);
    expect(seen).toEqual({
      devices: [
        { device: 'laptop-001', lastSeen: '2026-12-03T13:05:00Z' },
        { device: 'phone-0001', lastSeen: '2026-12-02T08:00:00Z' },
      ],
      coordinator: true,
    });
  });
});
