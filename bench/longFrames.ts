// What ran in the frames of a measured tap, from the Long Animation Frames API (Chromium): each frame over 50 ms,
// with the scripts it ran (who called them, which function, where in which file) and its rendering. Counts and
// attributions survive a loaded machine better than the milliseconds do: the same script shows up whatever the load.
import type { Page } from '@playwright/test';

interface FrameScript {
  invoker: string;
  invokerType: string;
  fn: string;
  url: string;
  char: number;
  duration: number;
  forcedLayout: number;
}
export interface LongFrame {
  start: number;
  duration: number;
  blocking: number;
  /** From the frame's rendering start (style, layout, paint) to its end; 0 when it did not render. */
  rendering: number;
  scripts: FrameScript[];
}

/** Every page this context loads keeps its long frames, from its first one, in `window.__longFrames`. */
export async function watchLongFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const kept: unknown[] = [];
    Object.assign(window, { __longFrames: kept });
    if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as {
        startTime: number;
        duration: number;
        blockingDuration: number;
        renderStart: number;
        scripts: {
          invoker: string;
          invokerType: string;
          sourceFunctionName: string;
          sourceURL: string;
          sourceCharPosition: number;
          duration: number;
          forcedStyleAndLayoutDuration: number;
        }[];
      }[])
        kept.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          rendering: e.renderStart > 0 ? e.startTime + e.duration - e.renderStart : 0,
          scripts: e.scripts.map((s) => ({
            invoker: s.invoker,
            invokerType: s.invokerType,
            fn: s.sourceFunctionName,
            url: s.sourceURL,
            char: s.sourceCharPosition,
            duration: s.duration,
            forcedLayout: s.forcedStyleAndLayoutDuration,
          })),
        });
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
}

/** The page's clock now: pass it to `framesBetween` with the measured time to get the tap's frames. */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** The long frames that overlap [from, from + ms], once the observer has been told of the last of them. */
export async function framesBetween(page: Page, from: number, ms: number): Promise<LongFrame[]> {
  // The observer hears of a frame after it ends: two frames later, every frame of the window has been reported.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))),
  );
  const all = (await page.evaluate(
    () => (window as unknown as { __longFrames: unknown[] }).__longFrames,
  )) as LongFrame[];
  return all.filter((f) => f.start < from + ms && f.start + f.duration > from);
}

/** A summary of the frames of several runs of one measure: how many, how long, and the scripts that took longest. */
export function summarizeFrames(label: string, runs: LongFrame[][], top = 12): string {
  const frames = runs.flat();
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const byScript = new Map<string, { ms: number; count: number }>();
  for (const s of frames.flatMap((f) => f.scripts)) {
    const file = s.url.replace(/^.*\//, '');
    const key = `${s.invokerType} ${s.invoker} → ${s.fn || '(anonymous)'} @ ${file}:${s.char}`;
    const was = byScript.get(key) ?? { ms: 0, count: 0 };
    byScript.set(key, { ms: was.ms + s.duration, count: was.count + 1 });
  }
  const scripts = [...byScript].sort((a, b) => b[1].ms - a[1].ms).slice(0, top);
  const perRun = runs.map((r) => `${r.length} (${sum(r.map((f) => f.duration)).toFixed(0)} ms)`).join(', ');
  return [
    `${label}: ${frames.length} long frames over ${runs.length} runs [per run: ${perRun}]; ` +
      `blocking ${sum(frames.map((f) => f.blocking)).toFixed(0)} ms, ` +
      `scripts ${sum(frames.flatMap((f) => f.scripts.map((s) => s.duration))).toFixed(0)} ms, ` +
      `rendering ${sum(frames.map((f) => f.rendering)).toFixed(0)} ms`,
    ...scripts.map(([key, { ms, count }]) => `  ${ms.toFixed(0).padStart(6)} ms ×${count}  ${key}`),
  ].join('\n');
}
