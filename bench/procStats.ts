// A process's resident memory and CPU time, read from /proc (Linux).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

export function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

/** A /proc stat line's name and user + system CPU seconds (the name, in parentheses, may itself hold spaces). */
function parseStat(stat: string): { name: string; cpuSeconds: number } {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
  };
}

/** User + system CPU seconds used so far. */
export function cpuSeconds(pid: number): number {
  return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8')).cpuSeconds;
}

/**
 * Milliseconds the process's main thread has spent runnable but waiting for a core (its event loop could not run):
 * what other processes on the machine, or the process's own helper threads on its pinned core, cost it.
 */
export function runQueueWaitMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ');
    return Number(fields[1]) / 1e6;
  } catch {
    return Number.NaN; // a kernel without scheduler statistics: the figure reads n/a
  }
}

/**
 * CPU seconds the whole machine spent busy, summed over cores. Interrupts count: loopback networking runs as softirq
 * in the sending process's context, charged to that process's system time but to "softirq" here. Steal counts too:
 * time the hypervisor gave this machine's cores to another guest is time our processes could not run.
 */
export function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

/** "some avg10" of /proc/pressure/cpu: the share of the last 10 s in which some task waited for a core (0–100). */
export function cpuPressure(): number {
  try {
    return Number(/some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** CPU seconds per thread (name:tid), for a profiling session: which of a process's threads used its core. */
export function threadCpuSeconds(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const { name, cpuSeconds } = parseStat(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
      out.set(`${name}:${tid}`, cpuSeconds);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** User + system CPU seconds of a process and its live children (a PostgreSQL postmaster and its backends). */
export function treeCpuSeconds(pid: number): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (Number(entry) === pid || ppid === pid) total += parseStat(stat).cpuSeconds;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}
