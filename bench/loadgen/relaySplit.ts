// Which relay each client of a room connects to when several relays share every room (scaleOutBench.ts).

/** Room r's measurer is on relay r mod n. */
export const relayOfMeasurer = (room: number, relays: number): number => room % relays;

/**
 * Sender i is the k-th of room i mod rooms (k = i div rooms), on relay (room + k) mod n: with two relays, every other
 * sender of a room is on its measurer's relay, so half of the room's deliveries cross relays.
 */
export const relayOfSender = (sender: number, rooms: number, relays: number): number =>
  ((sender % rooms) + Math.floor(sender / rooms)) % relays;
