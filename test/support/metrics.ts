// Reads one sample of the relay's /metrics, as a test or an operator would.
import type { RelayProcess } from './relayProcess';

/** The value of one metric line (name and labels, e.g. `maillage_paced_total`), 0 when the relay has not shown it yet. */
export async function metricValue(relay: RelayProcess, line: string): Promise<number> {
  const text = await (await fetch(`${relay.url}metrics`)).text();
  return Number(new RegExp(`^${line.replace(/[{}]/g, '\\$&')} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
}
