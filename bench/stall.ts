// `pnpm bench:stall`: the machine's own stalls on each core (stallProbe.ts says why), and first a check that the probe
// sees a stall it is given: frozen with SIGSTOP for 200 ms, it must report one that long. Exits 1 when it does not.
import { parseArgs } from 'node:util';
import { probeStalls, type StallReport } from './stallProbe';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    seconds: { type: 'string', default: '5' },
    cores: { type: 'string', default: '0,1' },
  },
});

const FROZEN_MS = 200;
const frozen = await probeStalls(0, 1.5, 3, (pid) => {
  // Frozen as a hypervisor or a kernel thread would freeze it.
  process.kill(pid, 'SIGSTOP');
  setTimeout(() => process.kill(pid, 'SIGCONT'), FROZEN_MS);
});
const idle: StallReport[] = [];
for (const core of values.cores.split(',').map(Number)) idle.push(await probeStalls(core, Number(values.seconds)));

const row = (what: string, r: StallReport) =>
  `| ${what} | ${r.core} | ${r.seconds} | ${r.stallsPerSecond.toFixed(1)} | ${r.longestMs.toFixed(1)} | ${r.stalledPct.toFixed(2)} |`;
process.stdout.write(
  [
    '| probe | core | seconds | stalls > 3 ms a second | longest ms | % of the time stalled |',
    '|---|---|---|---|---|---|',
    row(`check: frozen ${FROZEN_MS} ms`, frozen),
    ...idle.map((r) => row('idle', r)),
  ].join('\n') + '\n',
);
// Its length, not the probe's age: loose above, since a loaded machine may resume it late.
if (frozen.longestMs < FROZEN_MS - 10 || frozen.longestMs > 2000) {
  process.stderr.write(`the probe missed a ${FROZEN_MS} ms freeze: longest stall ${frozen.longestMs.toFixed(1)} ms\n`);
  process.exitCode = 1;
}
