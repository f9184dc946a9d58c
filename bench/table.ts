// Medians of the runs as a Markdown table, with ours/reference ratios.
import { median } from './stats';
import type { RunResult } from './relayBench';

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

export function relayTable(results: RunResult[]): string {
  const lines = [
    '| workload | server | runs | p50 ms | p99 ms (min–max) | delivered % | RSS connected MB | RSS peak MB | server CPU % | loadgen CPU % | loadgen lag p99/max ms | others CPU % | p99 ours/ref-mem | RSS ours/ref-mem |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const workloads = [...new Set(results.map((r) => r.workload))];
  for (const workload of workloads) {
    const of = (target: string) => results.filter((r) => r.workload === workload && r.target === target);
    const med = (rs: RunResult[], key: keyof RunResult) => median(rs.map((r) => r[key] as number));
    const ref = of('ref-mem');
    for (const target of [...new Set(results.filter((r) => r.workload === workload).map((r) => r.target))]) {
      const rs = of(target);
      const p99s = rs.map((r) => r.p99);
      const ratio = (key: keyof RunResult) =>
        target === 'ours' && ref.length ? fmt(med(rs, key) / med(ref, key), 2) : '';
      lines.push(
        `| ${workload} | ${target} | ${rs.length} | ${fmt(med(rs, 'p50'))} | ${fmt(med(rs, 'p99'))} (${fmt(Math.min(...p99s))}–${fmt(Math.max(...p99s))}) | ${fmt(med(rs, 'deliveredPct'), 2)} | ${fmt(med(rs, 'rssConnectedMb'))} | ${fmt(med(rs, 'rssPeakMb'))} | ${fmt(med(rs, 'cpuPct'))} | ${fmt(med(rs, 'loadgenCpuPct'))} | ${fmt(med(rs, 'loadgenLagP99'))}/${fmt(med(rs, 'loadgenLagMax'))} | ${fmt(med(rs, 'othersCpuPct'), 0)} | ${ratio('p99')} | ${ratio('rssPeakMb')} |`,
      );
    }
  }
  return lines.join('\n');
}
