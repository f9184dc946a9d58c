// While the member types, the work runs right after the next keystroke's frame, or after MAX_HOLD_MS at the latest.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noteInput, QUIET_MS } from '../store/inputRests';
import { betweenKeystrokes, MAX_HOLD_MS } from './betweenKeystrokes';
import { settledAfter } from '../testing/settledAfter';

/** A window's listeners, as a browser keeps them (Node's EventTarget does not remove a capturing listener). */
class Page {
  private readonly listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, (this.listeners.get(type) ?? new Set()).add(listener));
  }
  removeEventListener(type: string, listener: () => void) {
    this.listeners.get(type)?.delete(listener);
  }
  dispatch(type: string) {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

let page: Page;
let frames: (() => void)[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  page = new Page();
  frames = [];
  vi.stubGlobal('window', page);
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('betweenKeystrokes', () => {
  it('does not wait when the member is not typing', async () => {
    // The last input on this clock, not one another test file left on the real one (modules are shared).
    noteInput();
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(await settledAfter(betweenKeystrokes(), 0)).toBe(true);
  });

  it('waits for the next keystroke’s frame to be painted', async () => {
    noteInput();
    const gap = betweenKeystrokes();
    expect(await settledAfter(gap, 100)).toBe(false);
    page.dispatch('keyup');
    // The frame's callback has not run: the keystroke is not painted yet.
    expect(await settledAfter(gap, 0)).toBe(false);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(await settledAfter(gap, 0)).toBe(true);
  });

  it('goes ahead when no keystroke comes', async () => {
    noteInput();
    const gap = betweenKeystrokes();
    expect(await settledAfter(gap, MAX_HOLD_MS - 1)).toBe(false);
    expect(await settledAfter(gap, 1)).toBe(true);
    // It no longer listens.
    page.dispatch('keyup');
    expect(frames).toHaveLength(0);
  });

  it('does not wait where there is no window (a worker, or Node), though the member just typed', async () => {
    vi.unstubAllGlobals();
    noteInput();
    await expect(betweenKeystrokes()).resolves.toBeUndefined();
  });

  it('takes its listeners off the window it put them on, whatever `window` names by then', async () => {
    noteInput();
    const gap = betweenKeystrokes();
    vi.unstubAllGlobals();
    expect(await settledAfter(gap, MAX_HOLD_MS)).toBe(true);
    page.dispatch('keyup');
    expect(frames).toHaveLength(0);
  });
});
