// `pnpm bench`: relay benchmarks, ours against the reference @y/websocket-server 0.1.1, servers interleaved, medians printed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { parseWorkload, runOnce, type RunResult } from './relayBench';
import { relayTable } from './table';
import { TARGETS, type TargetName } from './targets';
import { benchAccess } from './access';
import { DEFAULT_NOISE_POLICY, waitForQuiet } from './quiet';
import { summarizeProfile, type Profile } from './cpuProfile';
import { describeStalls, probeStalls, type StallReport } from './stallProbe';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    workloads: { type: 'string', default: '100x10,1000x100,2000x200' },
    targets: { type: 'string', default: TARGETS.join(',') },
    runs: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '10' },
    quick: { type: 'boolean', default: false },
    // A CPU profile of our relay in each run (V8's --cpu-prof, written when it exits), and its top functions by self time.
    profile: { type: 'boolean', default: false },
    // Other processes' CPU % (of one core) past which a run is redone (after waiting for a quiet moment); 0 keeps every run.
    'max-noise': { type: 'string', default: String(DEFAULT_NOISE_POLICY.maxOthersCpuPct) },
  },
});

const workloads = (values.quick ? '100x10' : values.workloads).split(',').map(parseWorkload);
const targets = values.targets.split(',') as TargetName[];
const runs = values.quick ? 1 : Number(values.runs);
const seconds = values.quick ? 5 : Number(values.seconds);
const results: RunResult[] = [];
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const profileDir = new URL(`./results/relay-profile-${stamp}/`, import.meta.url).pathname;
if (values.profile) {
  mkdirSync(profileDir, { recursive: true });
  process.env.OURS_NODE_FLAGS = `${process.env.OURS_NODE_FLAGS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`;
}
const access = await benchAccess();
execFileSync(process.execPath, ['scripts/build-relay.mjs'], { cwd: new URL('..', import.meta.url), stdio: 'inherit' });

// The machine's own stalls, before and after the runs, core by core (stallProbe.ts says why).
const stalls: StallReport[] = [];
const probeMachine = async (when: string) => {
  for (const core of [0, 1]) {
    const report = await probeStalls(core, values.quick ? 2 : 5);
    stalls.push(report);
    process.stderr.write(`machine noise ${when}, idle process on ${describeStalls(report)}\n`);
  }
};
await probeMachine('before');

const maxNoise = Number(values['max-noise']);
let retries = 0;
for (const workload of workloads) {
  for (let run = 1; run <= runs; run++) {
    // Interleaved (ref, ours, ref, ours…) so a noisy minute hurts every server alike.
    for (const target of targets) {
      let result: RunResult;
      for (let attempt = 0; ; attempt++) {
        // The previous run's disk writes (LevelDB's, ours) are flushed first: a durable server's writes would otherwise
        // be throttled behind them (one 4,000-client run right after the reference with LevelDB: p99 129 ms, others 6-9).
        execFileSync('sync');
        const waited = await waitForQuiet(10, 45_000);
        result = await runOnce(target, workload, seconds, access);
        const line = `${workload.name} run ${run}/${runs} ${target}: p50 ${result.p50.toFixed(1)} p99 ${result.p99.toFixed(1)} ms, delivered ${result.deliveredPct.toFixed(2)} %, RSS ${result.rssPeakMb.toFixed(0)} MB, CPU ${result.cpuPct.toFixed(0)} %, loadgen ${result.loadgenCpuPct.toFixed(0)} % lag ${result.loadgenLagP99.toFixed(1)}/${result.loadgenLagMax.toFixed(1)} ms; others' CPU ${result.othersCpuPct.toFixed(0)} %, waited for a core: server ${result.serverWaitMs.toFixed(0)} ms, loadgen ${result.loadgenWaitMs.toFixed(0)} ms${result.commitsPerSecond ? `; ${result.commitsPerSecond.toFixed(0)} commits/s of ${result.updatesPerCommit!.toFixed(1)} updates, ${result.commitMeanMs!.toFixed(3)} ms each` : ''}${waited > 2000 ? ` (waited ${(waited / 1000).toFixed(0)} s for quiet)` : ''}`;
        if (maxNoise > 0 && result.othersCpuPct > maxNoise && attempt < DEFAULT_NOISE_POLICY.maxRetries) {
          retries++;
          process.stderr.write(`${line} — machine busy, run redone\n`);
          continue;
        }
        process.stderr.write(`${line}\n`);
        break;
      }
      results.push(result);
    }
  }
}
process.stderr.write(`${retries} run(s) redone because other processes used more than ${maxNoise} % of a core\n`);
await probeMachine('after');

const table = relayTable(results);
process.stdout.write(
  `\n${table}\n\nThe machine's own noise (an idle process on each core, before and after):\n${stalls.map((r) => `- ${describeStalls(r)}`).join('\n')}\n`,
);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL(`./results/relay-${stamp}.json`, import.meta.url),
  JSON.stringify({ runs, seconds, retries, maxNoise, stalls, results }, null, 2),
);
if (values.profile) {
  // One profile per run of ours, in run order; each covers the process's life (connections, warm-up, measure, drain).
  for (const file of readdirSync(profileDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()) {
    const profile = JSON.parse(readFileSync(`${profileDir}${file}`, 'utf8')) as Profile;
    process.stdout.write(
      `\nWhere our relay's time went (self time), ${profileDir}${file}:\n${summarizeProfile(profile, 25)}\n`,
    );
  }
}
