import { describe, expect, it } from 'vitest';
import { probeStalls } from './stallProbe';

describe('stall probe', () => {
  it('reports a stall of the probe process itself (stopped for 200 ms), and its length', async () => {
    const report = await probeStalls(0, 1.5, 3, (pid) => {
      // Frozen as a hypervisor or a kernel thread would freeze it.
      process.kill(pid, 'SIGSTOP');
      setTimeout(() => process.kill(pid, 'SIGCONT'), 200);
    });
    expect(report.longestMs).toBeGreaterThanOrEqual(190);
    // Its length, not the probe's age: loose above, since a loaded machine may resume it late.
    expect(report.longestMs).toBeLessThan(2000);
    expect(report.stallsPerSecond).toBeGreaterThan(0);
    expect(report.stalledPct).toBeGreaterThanOrEqual((100 * 190) / 1500);
  });
});
