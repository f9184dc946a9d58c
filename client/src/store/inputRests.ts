// Work that can wait for the member: decoding a large copy for a list (« Pour vous ») takes a frame they cannot type
// or tap in, so it waits until they have done neither for a moment (docs/decisions/0029).

/** A pause in typing or tapping long enough to decode a large copy in. */
export const QUIET_MS = 600;
/** Past this the work goes ahead anyway: a list is never left stale for long. */
export const MAX_WAIT_MS = 30_000;

let lastInput = Number.NEGATIVE_INFINITY;

/** The member typed or tapped now. */
export function noteInput(): void {
  lastInput = performance.now();
}

if (typeof window !== 'undefined')
  for (const type of ['keydown', 'pointerdown', 'input'] as const)
    window.addEventListener(type, noteInput, { capture: true, passive: true });

/** Whether the member typed or tapped in the last `ms`. */
export function inputWithin(ms: number): boolean {
  return performance.now() - lastInput <= ms;
}

/** Resolves once the member has not typed nor tapped for `QUIET_MS`, or after `MAX_WAIT_MS`. */
export async function inputRests(): Promise<void> {
  const start = performance.now();
  for (;;) {
    const now = performance.now();
    const rest = Math.min(lastInput + QUIET_MS, start + MAX_WAIT_MS) - now;
    if (rest <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, rest));
  }
}
