// Work that can wait for the member waits for a pause in their typing, but never for long.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inputRests, MAX_WAIT_MS, noteInput, QUIET_MS } from './inputRests';
import { settledAfter } from '../testing/settledAfter';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] }));
afterEach(() => vi.useRealTimers());

describe('inputRests', () => {
  it('waits for a pause after the last keystroke, however many came', async () => {
    noteInput();
    const rest = inputRests();
    expect(await settledAfter(rest, QUIET_MS - 100)).toBe(false);
    noteInput();
    expect(await settledAfter(rest, QUIET_MS - 100)).toBe(false);
    expect(await settledAfter(rest, 100)).toBe(true);
    // No input since: at once.
    expect(await settledAfter(inputRests(), 0)).toBe(true);
  });

  it('goes ahead after the longest wait when the member never pauses', async () => {
    noteInput();
    const rest = inputRests();
    for (let t = 0; t < MAX_WAIT_MS - QUIET_MS; t += QUIET_MS / 2) {
      noteInput();
      expect(await settledAfter(rest, QUIET_MS / 2)).toBe(false);
    }
    expect(await settledAfter(rest, QUIET_MS)).toBe(true);
  });
});
