import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeviceRevision, withChanged } from './deviceRevision';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('DeviceRevision', () => {
  it('moves once per interval however many documents change, and tells listeners', () => {
    const device = new DeviceRevision(1000);
    let told = 0;
    device.subscribe(() => told++);
    for (let i = 0; i < 50; i++) device.changed(`doc-${i}`);
    expect(device.current()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(device.current()).toBe(1);
    expect(told).toBe(1);
  });

  it('says which documents changed since a revision a reader read', () => {
    const device = new DeviceRevision(1000);
    device.changed('a');
    device.changed('b');
    vi.advanceTimersByTime(1000);
    device.changed('b');
    device.changed('c');
    vi.advanceTimersByTime(1000);
    expect([...device.changedSince(0)!].sort()).toEqual(['a', 'b', 'c']);
    expect([...device.changedSince(1)!].sort()).toEqual(['b', 'c']);
    expect(device.changedSince(2)!.size).toBe(0);
    // A change not signalled yet belongs to the next revision.
    device.changed('d');
    expect(device.changedSince(2)!.size).toBe(0);
  });

  it('sends a reader too far behind to read everything again', () => {
    const device = new DeviceRevision(10);
    for (let i = 0; i < 100; i++) {
      device.changed(`doc-${i}`);
      vi.advanceTimersByTime(10);
    }
    expect(device.current()).toBe(100);
    expect(device.changedSince(0)).toBeNull();
    expect([...device.changedSince(98)!]).toEqual(['doc-98', 'doc-99']);
  });
});

describe('withChanged', () => {
  it('replaces the changed rows read again and drops those no longer found', () => {
    const previous = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const next = withChanged(
      previous,
      ['b', 'c', 'd'],
      new Map([
        ['b', 20],
        ['d', 40],
      ]),
    );
    expect([...next]).toEqual([
      ['a', 1],
      ['b', 20],
      ['d', 40],
    ]);
    expect(previous.get('b')).toBe(2);
  });
});
