// Medians of the scale-out runs as a Markdown table, shared store against the single relay.
import { median } from './stats';
import type { ScaleOutResult, Setting } from './scaleOutRun';

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const LABELS: Record<Setting, string> = {
  sqlite: 'one relay, SQLite',
  shared: 'two relays, Redis + Postgres',
  'shared-base': 'two relays, Redis + Postgres (BENCH_BASE_ENTRY)',
};

export function scaleOutTable(results: ScaleOutResult[]): string {
  const lines = [
    '| setting | runs | p50 ms | p99 ms (min–max) | delivered % | relays CPU µs/msg | a relay waiting for a core % | Redis CPU µs/msg | Postgres CPU µs/msg | Redis ops/msg (top 3) | Redis B/room | Postgres B/room | others CPU % | p99 / single |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const of = (setting: Setting) => results.filter((r) => r.setting === setting);
  const med = (rs: ScaleOutResult[], key: keyof ScaleOutResult) => median(rs.map((r) => r[key] as number));
  const single = of('sqlite');
  for (const setting of ['sqlite', 'shared-base', 'shared'] as const) {
    const rs = of(setting);
    if (!rs.length) continue;
    const p99s = rs.map((r) => r.p99);
    const shared = setting !== 'sqlite';
    const store = (key: keyof ScaleOutResult, digits = 1) => (shared ? fmt(med(rs, key), digits) : '—');
    // The top commands of the median run by operations per message.
    const top = shared
      ? [...rs].sort((a, b) => a.redisOps - b.redisOps)[Math.floor((rs.length - 1) / 2)]!.topRedisOps
      : '';
    lines.push(
      `| ${LABELS[setting]} | ${rs.length} | ${fmt(med(rs, 'p50'))} | ${fmt(med(rs, 'p99'))} (${fmt(Math.min(...p99s))}–${fmt(Math.max(...p99s))}) | ${fmt(med(rs, 'deliveredPct'), 2)} | ${fmt(med(rs, 'relaysUs'))} | ${fmt(med(rs, 'relaysWaitPct'), 0)} | ${store('redisUs')} | ${store('postgresUs')} | ${shared ? `${fmt(med(rs, 'redisOps'), 2)} (${top})` : '—'} | ${store('redisBytesPerRoom', 0)} | ${store('postgresBytesPerRoom', 0)} | ${fmt(med(rs, 'othersCpuPct'), 0)} | ${shared && single.length ? fmt(med(rs, 'p99') / med(single, 'p99'), 2) : ''} |`,
    );
  }
  return lines.join('\n');
}
