// A CPU profile of a page through the Chrome DevTools Protocol, and its summary: the functions that took the most
// time themselves (self time), to say where a benchmark's milliseconds go.
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function startProfile(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  return session;
}

/** Stops, saves the .cpuprofile (open it in Chrome DevTools) and returns the top functions by self time. */
export async function stopProfile(session: CDPSession, file: string, top = 15): Promise<string> {
  const { profile } = (await session.send('Profiler.stop')) as { profile: Profile };
  writeFileSync(file, JSON.stringify(profile));
  return summarizeProfile(profile, top);
}

/** The top functions of a V8 CPU profile (a page's, or a Node process's `--cpu-prof` file) by self time. */
export function summarizeProfile(profile: Profile, top = 15): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return rows
    .map(([name, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
}
