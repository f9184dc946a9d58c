// A relay answers 429 when this member has asked it for too much at once (its httpAnswerBudgets.ts): the same
// request goes again after the seconds it says, and the round carries on.

/** A 429's Retry-After in milliseconds: a second when it says nothing readable, a minute at most. */
export function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Math.min(60, Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000;
}

/** Sends `request` until the relay answers anything but 429, waiting each time as long as it asks. */
export async function askUntilAllowed(request: () => Promise<Response>): Promise<Response> {
  for (;;) {
    const response = await request();
    if (response.status !== 429) return response;
    await new Promise((resolve) => setTimeout(resolve, retryAfterMs(response)));
  }
}
