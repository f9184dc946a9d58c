// `pnpm bench`: relay benchmarks, ours against the reference @y/websocket-server 0.1.1, servers interleaved, medians printed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { parseWorkload, runOnce, type RunResult } from './relayBench';
import { relayTable } from './table';
import { TARGETS, type TargetName } from './targets';
import { benchAccess } from './access';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    workloads: { type: 'string', default: '100x10,1000x100,2000x200' },
    targets: { type: 'string', default: TARGETS.join(',') },
    runs: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '10' },
    quick: { type: 'boolean', default: false },
  },
});

const workloads = (values.quick ? '100x10' : values.workloads).split(',').map(parseWorkload);
const targets = values.targets.split(',') as TargetName[];
const runs = values.quick ? 1 : Number(values.runs);
const seconds = values.quick ? 5 : Number(values.seconds);
const results: RunResult[] = [];
const access = await benchAccess();
execFileSync(process.execPath, ['scripts/build-relay.mjs'], { cwd: new URL('..', import.meta.url), stdio: 'inherit' });

for (const workload of workloads) {
  for (let run = 1; run <= runs; run++) {
    // Interleaved (ref, ours, ref, ours…) so a noisy minute hurts every server alike.
    for (const target of targets) {
      const result = await runOnce(target, workload, seconds, access);
      results.push(result);
      process.stderr.write(`${workload.name} run ${run}/${runs} ${target}: p99 ${result.p99.toFixed(1)} ms, delivered ${result.deliveredPct.toFixed(2)} %, RSS ${result.rssPeakMb.toFixed(0)} MB\n`);
    }
  }
}

const table = relayTable(results);
process.stdout.write(`\n${table}\n`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./results/relay-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url), JSON.stringify({ runs, seconds, results }, null, 2));
