// Noise control for wall-clock runs on a shared machine: wait for a quiet moment, and redo a run that other
// processes disturbed. Applied to every server alike, and reported (retries, others' CPU), so nothing is hidden.
import { cpuPressure } from './procStats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (up to maxMs) until CPU pressure from other processes is low; returns how long it waited. */
export async function waitForQuiet(maxPressure: number, maxMs: number): Promise<number> {
  const started = Date.now();
  while (cpuPressure() > maxPressure && Date.now() - started < maxMs) await sleep(2000);
  return Date.now() - started;
}

export interface NoisePolicy {
  /** A run during which other processes used more than this CPU % (of one core) is redone. */
  maxOthersCpuPct: number;
  /** Redone at most this many times; the last attempt is kept whatever the noise, and flagged. */
  maxRetries: number;
}

export const DEFAULT_NOISE_POLICY: NoisePolicy = { maxOthersCpuPct: 15, maxRetries: 3 };
