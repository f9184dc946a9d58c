import { describe, expect, it } from 'vitest';
import { relayOfMeasurer, relayOfSender } from './relaySplit';

describe('clients split over two relays', () => {
  for (const rooms of [200, 7]) {
    it(`puts half of each room's senders on its measurer's relay (${rooms} rooms)`, () => {
      const senders = rooms * 10;
      for (let room = 0; room < rooms; room++) {
        const mine = Array.from({ length: senders }, (_, i) => i).filter((i) => i % rooms === room);
        const local = mine.filter((i) => relayOfSender(i, rooms, 2) === relayOfMeasurer(room, 2));
        expect(local.length).toBe(mine.length / 2);
      }
    });
  }

  it('puts every client on the one relay there is', () => {
    expect(relayOfSender(12345, 200, 1)).toBe(0);
    expect(relayOfMeasurer(17, 1)).toBe(0);
  });
});
