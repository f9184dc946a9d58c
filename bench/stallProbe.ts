// The machine's own noise, apart from any server: an idle process pinned to a core, woken every millisecond, counts
// the times it woke more than 3 ms late. On this kind of machine an idle process sees such stalls on its own (the
// hypervisor, kernel threads): at 1,000 messages a second, stalls of ~4 ms on either core are enough to hold up about
// 1 % of messages, the p99 itself, whatever the server. The bench prints it so ratios near that floor read as noise.
import { spawn } from 'node:child_process';
import { pinned } from './targets';

/** Runs in the probe process: a 1 ms interval, the gaps past `thresholdMs`; a first line once it runs, one JSON line at the end. */
const PROBE_SOURCE = `
const [seconds, thresholdMs] = process.argv.slice(1).map(Number);
const gaps = [];
let last = performance.now();
const timer = setInterval(() => {
  const now = performance.now();
  if (now - last > thresholdMs) gaps.push(now - last);
  last = now;
}, 1);
process.stdout.write('ready\\n');
setTimeout(() => {
  clearInterval(timer);
  process.stdout.write(JSON.stringify({ seconds, gaps }));
}, seconds * 1000);
`;

/** The probe's gaps, or an error naming what it printed instead. */
function gapsOf(stdout: string): number[] {
  const parsed: unknown = JSON.parse(stdout);
  const gaps = (parsed as { gaps?: unknown } | null)?.gaps;
  if (!Array.isArray(gaps) || !gaps.every((g) => typeof g === 'number'))
    throw new Error(`stall probe: unexpected output ${stdout.slice(0, 200)}`);
  return gaps;
}

export interface StallReport {
  core: number;
  seconds: number;
  thresholdMs: number;
  /** Wake-ups later than the threshold, per second. */
  stallsPerSecond: number;
  longestMs: number;
  /** Share of the time spent in such stalls, in %. */
  stalledPct: number;
}

/** onWatching: told the probe's pid once it is watching (with taskset, taskset execs it: the same pid). */
export async function probeStalls(
  core: number,
  seconds: number,
  thresholdMs = 3,
  onWatching?: (pid: number) => void,
): Promise<StallReport> {
  const [cmd, args] = pinned(core, process.execPath, ['-e', PROBE_SOURCE, String(seconds), String(thresholdMs)]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], timeout: (seconds + 10) * 1000 });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const told = stdout.includes('\n');
    stdout += chunk;
    if (!told && stdout.includes('\n') && child.pid) onWatching?.(child.pid);
  });
  const code = await new Promise<number | null>((resolve, reject) =>
    child.once('error', reject).once('close', resolve),
  );
  if (code !== 0) throw new Error(`stall probe exited with ${code}`);
  const gaps = gapsOf(stdout.slice(stdout.indexOf('\n') + 1));
  const stalled = gaps.reduce((sum, gap) => sum + gap, 0);
  return {
    core,
    seconds,
    thresholdMs,
    stallsPerSecond: gaps.length / seconds,
    longestMs: gaps.length ? Math.max(...gaps) : 0,
    stalledPct: (100 * stalled) / (seconds * 1000),
  };
}

export const describeStalls = (r: StallReport) =>
  `core ${r.core}: ${r.stallsPerSecond.toFixed(1)} stalls > ${r.thresholdMs} ms a second, ` +
  `longest ${r.longestMs.toFixed(1)} ms, ${r.stalledPct.toFixed(2)} % of the time`;
