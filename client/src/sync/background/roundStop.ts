// What ends a background round for good: the relay no longer admits this device. The member must act.

/** refused: this device's access no longer holds (expired, another relay); revoked: a coordinator revoked it. */
export class Stop extends Error {
  constructor(readonly phase: 'refused' | 'revoked') {
    super(phase);
  }
}

/** An answer 401 or 403 from the relay's HTTP routes, as the end of the round it means. */
export async function refusal(response: Response): Promise<Stop> {
  const { error } = (await response.json().catch(() => ({}))) as { error?: string };
  return new Stop(error === 'revoked' ? 'revoked' : 'refused');
}
