// `pnpm bench:scale-out` (decision 0040): 2,000 clients / 200 rooms on two relays sharing Redis and Postgres, each
// room's clients split between both so that half of the deliveries cross relays, against one relay with SQLite
// (README command 1's store); runs interleaved, medians printed. `--runs 1 --seconds 3` for a quick look. With
// BENCH_BASE_ENTRY=<another build's main.js>, that build's two shared relays run too, interleaved: an A/B of a change.
// The relays' log lines go to a file, named at the end.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchEnv } from './env';
import { startSharedStore } from '../test/support/sharedStore';
import { parseWorkload } from './relayBench';
import { runScaleOut, type ScaleOutResult, type Setting } from './scaleOutRun';
import { scaleOutTable } from './scaleOutTable';
import { waitForQuiet } from './quiet';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    workload: { type: 'string', default: '2000x200' },
    runs: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '10' },
  },
});
const workload = parseWorkload(values.workload);
const runs = Number(values.runs);
const seconds = Number(values.seconds);

execFileSync(process.execPath, ['scripts/build-relay.mjs'], { cwd: new URL('..', import.meta.url), stdio: 'inherit' });
const store = await startSharedStore();
const logFile = join(tmpdir(), `scale-out-relays-${process.pid}.log`);
const settings: Setting[] = benchEnv.baseEntry() ? ['sqlite', 'shared-base', 'shared'] : ['sqlite', 'shared'];
const results: ScaleOutResult[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    // Interleaved, and in turn first, so that a noisy minute or a warm cache favours neither.
    const order = run % 2 ? settings : [...settings].reverse();
    for (const setting of order) {
      execFileSync('sync');
      const waited = await waitForQuiet(10, runs > 1 ? 45_000 : 0);
      const r = await runScaleOut(setting, workload, seconds, store, logFile);
      // A run's relays stop within the minute their streams keep, so the trims they planned come due during the runs
      // after (decision 0040). The streams and those trims are removed here, so that no run pays for the runs before it.
      store.redis(
        'EVAL',
        "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end redis.call('DEL', ARGV[2])",
        '0',
        'maillage:room:*',
        'maillage:trims',
      );
      results.push(r);
      process.stderr.write(
        `${workload.name} run ${run}/${runs} ${setting}: p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} ms, delivered ${r.deliveredPct.toFixed(2)} %, ${r.messages} messages, CPU µs/msg relays ${r.relaysUs.toFixed(0)} (each waiting for a core ${r.relaysWaitPct.toFixed(0)} %) Redis ${r.redisUs.toFixed(0)} Postgres ${r.postgresUs.toFixed(0)}, Redis ops/msg ${r.redisOps.toFixed(2)} (${r.topRedisOps}), others' CPU ${r.othersCpuPct.toFixed(0)} %${waited > 2000 ? ` (waited ${(waited / 1000).toFixed(0)} s for quiet)` : ''}\n`,
      );
    }
  }
} finally {
  await store.stop();
}
process.stdout.write(`\n${scaleOutTable(results)}\n\nThe relays' log lines: ${logFile}\n`);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL(`./results/scale-out-${stamp}.json`, import.meta.url),
  JSON.stringify({ workload: workload.name, runs, seconds, results }, null, 2),
);
