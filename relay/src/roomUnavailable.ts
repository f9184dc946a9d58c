// The error Rooms.read throws for a room it had to quarantine.

/** Thrown by Rooms.read for a room whose state could not be read: it is quarantined, and never the client's fault. */
export class RoomUnavailable extends Error {
  constructor(readonly room: string) {
    super(`room ${room} is unavailable`);
  }
}
