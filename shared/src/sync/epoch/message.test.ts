import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeClosing, decodeEpochNotice, encodeEpochNotice, MESSAGE_EPOCH, type EpochNotice } from './message';

/** The bytes a client's message handler sees: after the message type. */
const body = (message: Uint8Array) => {
  expect(message[0]).toBe(MESSAGE_EPOCH);
  return message.subarray(1);
};

describe('the epoch notice', () => {
  it('round-trips both kinds, large client ids and a real closing', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const closing = Y.encodeSnapshot(Y.snapshot(doc));
    const notices: EpochNotice[] = [
      { kind: 'current', epoch: 0, rewriter: null },
      { kind: 'current', epoch: 3, rewriter: 0xffffffff },
      { kind: 'migrate', epoch: 200, rewriter: 0, closing },
      { kind: 'migrate', epoch: 1, rewriter: 12345, closing: null },
    ];
    for (const notice of notices) expect(decodeEpochNotice(body(encodeEpochNotice(notice)))).toEqual(notice);
    const decoded = decodeEpochNotice(body(encodeEpochNotice(notices[2]!)));
    expect(
      Y.equalSnapshots(decodeClosing(decoded?.kind === 'migrate' ? decoded.closing : null)!, Y.snapshot(doc)),
    ).toBe(true);
  });

  it('reads nothing from truncated, trailing or unknown bytes', () => {
    const whole = body(encodeEpochNotice({ kind: 'migrate', epoch: 2, rewriter: 7, closing: new Uint8Array([0, 0]) }));
    expect(decodeEpochNotice(whole.subarray(0, whole.length - 1))).toBeNull();
    expect(decodeEpochNotice(new Uint8Array([...whole, 0]))).toBeNull();
    expect(decodeEpochNotice(new Uint8Array([9, 1, 0, 0]))).toBeNull();
    expect(decodeEpochNotice(new Uint8Array([0, 0x80, 0x80]))).toBeNull();
    expect(decodeClosing(new Uint8Array([0xff]))).toBeNull();
  });
});
