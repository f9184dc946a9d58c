import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PackedUpdates } from './packedUpdates';

describe('packed updates', () => {
  it('gives back every update, in order and intact, however they grew the buffer', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 40 }), (updates) => {
        const packed = new PackedUpdates();
        for (const update of updates) packed.push(update);
        expect(packed.count).toBe(updates.length);
        expect(packed.takeAll().map((u) => [...u])).toEqual(updates.map((u) => [...u]));
        expect(packed.count).toBe(0);
        expect(packed.takeAll()).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('copies what it is given: a reused read buffer cannot change a queued update', () => {
    const packed = new PackedUpdates();
    const socketBuffer = new Uint8Array([1, 2, 3, 4]);
    packed.push(socketBuffer.subarray(0, 2));
    socketBuffer.fill(9);
    packed.push(socketBuffer.subarray(2));
    expect(packed.takeAll().map((u) => [...u])).toEqual([
      [1, 2],
      [9, 9],
    ]);
  });
});
