// Every environment variable the relay bench reads, in one place. None is needed for a normal run: they are the knobs
// of an A/B comparison or a profiling session (docs/decisions/0008, 0009).

/** Node flags from a space-separated variable. */
const flags = (name: string): string[] => (process.env[name] ?? '').split(' ').filter(Boolean);

export const benchEnv = {
  /** OURS_NODE_FLAGS: extra Node flags for our relay, after relay/launch.json's (V8 keeps a flag's last value). */
  oursNodeFlags: () => flags('OURS_NODE_FLAGS'),
  /** BASE_NODE_FLAGS: the same for the `base` target (ours again, for an A/B); OURS_NODE_FLAGS when unset. */
  baseNodeFlags: () =>
    process.env.BASE_NODE_FLAGS !== undefined ? flags('BASE_NODE_FLAGS') : flags('OURS_NODE_FLAGS'),
  /** BENCH_BASE_ENTRY=path/to/main.js: the `base` target's bundle, another build of the relay. */
  baseEntry: () => process.env.BENCH_BASE_ENTRY,
  /** REF_NODE_FLAGS: Node flags for the reference servers. */
  refNodeFlags: () => flags('REF_NODE_FLAGS'),
  /** LOADGEN_NODE_FLAGS: Node flags for the load generator, after its --single-threaded-gc. */
  loadgenNodeFlags: () => flags('LOADGEN_NODE_FLAGS'),
  /** BENCH_NO_TASKSET=1: no pinning (a machine without taskset, or with one core). */
  noTaskset: () => Boolean(process.env.BENCH_NO_TASKSET),
  /** BENCH_SERVER_STDOUT=<file>: keep the server's stdout (e.g. --trace-gc from OURS_NODE_FLAGS). */
  serverStdout: () => process.env.BENCH_SERVER_STDOUT,
  /** LOADGEN_STDOUT=<file>: keep the load generator's lines other than its phases and result (e.g. --trace-gc). */
  loadgenStdout: () => process.env.LOADGEN_STDOUT,
  /** BENCH_THREADS=1: print the server's CPU per thread over the window (main loop, GC helpers, workers). */
  threads: () => Boolean(process.env.BENCH_THREADS),
  /** BENCH_MEMORY=1: print where ours' memory is at the end of the window (V8 heap, external, RSS). */
  memory: () => Boolean(process.env.BENCH_MEMORY),
  /** LOADGEN_DUMP=<file>: every recorded send's time and latency, to line spikes up with GC traces (read by the load generator). */
  loadgenDump: () => process.env.LOADGEN_DUMP,
};
