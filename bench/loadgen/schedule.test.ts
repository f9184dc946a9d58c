import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSchedule } from './schedule';

afterEach(() => vi.useRealTimers());

describe('send schedule', () => {
  it('sends each sender once a period, spread evenly, and catches up after a stall without bunching later rounds', () => {
    vi.useFakeTimers();
    let clock = 0;
    const sends: [number, number][] = [];
    const schedule = startSchedule(
      4,
      100,
      (i) => sends.push([i, clock]),
      () => clock,
    );
    const advance = (ms: number) => {
      for (let t = 0; t < ms; t++) {
        clock++;
        vi.advanceTimersByTime(1);
      }
    };
    advance(200);
    expect(sends.map(([i]) => i)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0]);
    expect(sends.map(([, at]) => at)).toEqual([0, 25, 50, 75, 100, 125, 150, 175, 200]);
    // The process stalls 60 ms (its clock moves, its timer does not fire): the timer due at 225 runs at 285, sends
    // the three that fell due meanwhile at once, and the next send keeps its own time, 300.
    sends.length = 0;
    clock += 60;
    advance(40);
    expect(sends).toEqual([
      [1, 285],
      [2, 285],
      [3, 285],
      [0, 300],
    ]);
    schedule.stop();
    advance(200);
    expect(sends).toHaveLength(4);
  });
});
