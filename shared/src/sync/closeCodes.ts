// Why the relay closed a socket: named codes (4000-4999 are the application's) and their reasons.
export const CloseCode = {
  malformedMessage: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  unknownRoom: 4404,
  tokenExpired: 4405,
  revoked: 4406,
  workspaceNotServed: 4407,
  protocolVersion: 4426,
  messageTooLarge: 4413,
  // In 4400-4499, so a stock client stops: its copy is of a closed epoch and only our client can migrate it (0027).
  epochChanged: 4409,
  // Transient: outside 4400-4499, which stock y-websocket clients take as final and never retry.
  slowReader: 4530,
  tooManyConnections: 4531,
  storeUnavailable: 4503,
  roomUnavailable: 4422,
  quotaExceeded: 4507,
  shuttingDown: 1001,
} as const;

export type CloseCodeName = keyof typeof CloseCode;

/** Short English reasons sent in the close frame (must stay under 123 bytes). */
export const closeReasons: Record<CloseCodeName, string> = {
  malformedMessage: 'malformed message',
  unauthorized: 'missing or invalid token',
  forbidden: 'not allowed in this room',
  unknownRoom: 'unknown room',
  tokenExpired: 'token expired',
  revoked: 'access revoked',
  workspaceNotServed: 'workspace not served by this relay',
  protocolVersion: 'protocol version not supported',
  messageTooLarge: 'message too large',
  epochChanged: 'document rewritten: this copy is of a closed epoch',
  slowReader: 'reader too slow',
  tooManyConnections: 'too many connections',
  storeUnavailable: 'store unavailable',
  roomUnavailable: 'room unavailable: its stored state cannot be read',
  quotaExceeded: "workspace's storage quota reached",
  shuttingDown: 'relay shutting down',
};

const byCode = new Map<number, CloseCodeName>(
  (Object.entries(CloseCode) as [CloseCodeName, number][]).map(([name, code]) => [code, name]),
);

/** The name of a close code, for the client's messages; null for codes that are not ours. */
export function closeCodeName(code: number): CloseCodeName | null {
  return byCode.get(code) ?? null;
}
