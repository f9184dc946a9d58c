// GET /healthz and GET /metrics: what the relay holds and has refused, for the operator and Prometheus.
import type { ServerResponse } from 'node:http';
import type { Metrics } from './metrics';

export interface StatusSources {
  metrics: Metrics;
  rooms: { size: number; loads: number };
  connections: () => number;
  journal: { waiting: number; dropped: number };
  refusalBudget: { skipped: number };
  addressLimit: { dropped: number };
  /** The shared store's gauges (docs/decisions/0040), when there is one. */
  sharedGauges?: { render(): string };
}

export function createStatusRoutes(sources: StatusSources) {
  const startedAt = Date.now();
  const { metrics, rooms, journal } = sources;

  const healthz = (res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const mb = (n: number) => Math.round(n / 1048576);
    res.end(
      JSON.stringify({
        status: 'ok',
        rooms: rooms.size,
        connections: sources.connections(),
        roomLoads: rooms.loads,
        startedAt: new Date(startedAt).toISOString(),
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        memoryMb: { rss: mb(rss), heapUsed: mb(heapUsed), external: mb(external), arrayBuffers: mb(arrayBuffers) },
      }),
    );
  };

  const prometheus = (res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4', 'Cache-Control': 'no-store' });
    res.end(
      metrics.render({
        connections: sources.connections(),
        rooms: rooms.size,
        roomLoads: rooms.loads,
        journalWaiting: journal.waiting,
        journalDropped: journal.dropped,
        refusalsNotJournaled: sources.refusalBudget.skipped,
        addressLimitDropped: sources.addressLimit.dropped,
      }) + (sources.sharedGauges?.render() ?? ''),
    );
  };

  return { healthz, metrics: prometheus };
}
