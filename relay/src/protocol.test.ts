import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessage,
  updateMessageLength,
  updatePrefix,
} from './protocol';

describe('y-websocket frames', () => {
  it('decodes what it encodes', () => {
    const payload = new Uint8Array([1, 2, 3]);
    expect(decodeMessage(encodeSyncStep1(payload))).toEqual({ type: 'syncStep1', stateVector: payload });
    expect(decodeMessage(encodeSyncStep2(payload))).toEqual({ type: 'syncStep2', update: payload });
    expect(decodeMessage(encodeUpdate(payload))).toEqual({ type: 'update', update: payload });
    expect(decodeMessage(encodeAwareness(payload))).toEqual({ type: 'awareness', update: payload });
    expect(decodeMessage(new Uint8Array([3]))).toEqual({ type: 'queryAwareness' });
  });

  it('refuses unknown types, truncated frames and trailing bytes', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 2);
    expect(() => decodeMessage(encoding.toUint8Array(e))).toThrow(MalformedMessage);
    expect(() => decodeMessage(new Uint8Array([]))).toThrow(MalformedMessage);
    expect(() => decodeMessage(new Uint8Array([0, 0, 5, 1]))).toThrow(MalformedMessage);
    expect(() => decodeMessage(new Uint8Array([0, 9, 0]))).toThrow(MalformedMessage);
    expect(() => decodeMessage(new Uint8Array([...encodeUpdate(new Uint8Array([1])), 7]))).toThrow(MalformedMessage);
  });

  it('never throws anything but MalformedMessage on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          decodeMessage(bytes);
        } catch (err) {
          expect(err).toBeInstanceOf(MalformedMessage);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('update prefix', () => {
  it('is the start of the update message lib0 writes, for every length of varint', () => {
    for (const length of [0, 1, 127, 128, 16383, 16384, 2 ** 21, 2 ** 28, 8 * 1024 * 1024]) {
      const written = encodeUpdate(new Uint8Array(length));
      expect([...updatePrefix(length)]).toEqual([...written.subarray(0, written.length - length)]);
      expect(updateMessageLength(length)).toBe(written.length);
    }
    // A 256 MiB message is encoded for the five-byte varint: seconds on a busy machine.
  }, 60_000);
});
