// While the member types, a large message waits for a gap between keystrokes, and no message overtakes another.
import { describe, expect, it, vi } from 'vitest';
import { holdLargeMessages, LARGE_MESSAGE_BYTES } from './heldMessages';

const message = (bytes: number, tag: string) => ({ data: new ArrayBuffer(bytes), tag }) as unknown as MessageEvent;
const tagOf = (event: MessageEvent) => (event as unknown as { tag: string }).tag;

/** A handler holding large messages, a gap the test opens by hand, and what was delivered so far. */
function socket(typing: boolean) {
  const delivered: string[] = [];
  const gaps: (() => void)[] = [];
  const wait = () => new Promise<void>((resolve) => gaps.push(resolve));
  const handle = holdLargeMessages(
    (event) => delivered.push(tagOf(event)),
    wait,
    () => typing,
  );
  const openGap = async () => {
    gaps.shift()!();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { delivered, gaps, handle, openGap };
}

describe('holdLargeMessages', () => {
  it('delivers every message at once when the member is not typing', () => {
    const { delivered, handle } = socket(false);
    handle(message(10, 'small'));
    handle(message(LARGE_MESSAGE_BYTES * 4, 'large'));
    expect(delivered).toEqual(['small', 'large']);
  });

  it('holds a large message while the member types, and what comes after it', async () => {
    const { delivered, gaps, handle, openGap } = socket(true);
    handle(message(10, 'before'));
    handle(message(LARGE_MESSAGE_BYTES, 'large'));
    handle(message(10, 'after'));
    expect(delivered).toEqual(['before']);
    expect(gaps).toHaveLength(1);
    await openGap();
    expect(delivered).toEqual(['before', 'large', 'after']);
    // Nothing held any more: a small message goes through at once again.
    handle(message(10, 'later'));
    expect(delivered).toEqual(['before', 'large', 'after', 'later']);
  });

  it('gives each large message its own gap', async () => {
    const { delivered, handle, openGap } = socket(true);
    handle(message(LARGE_MESSAGE_BYTES, 'first'));
    handle(message(10, 'between'));
    handle(message(LARGE_MESSAGE_BYTES, 'second'));
    await openGap();
    expect(delivered).toEqual(['first', 'between']);
    await openGap();
    expect(delivered).toEqual(['first', 'between', 'second']);
  });

  it('keeps delivering after a handler throws', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const gaps: (() => void)[] = [];
    const delivered: string[] = [];
    const handle = holdLargeMessages(
      (event) => {
        if (tagOf(event) === 'bad') throw new Error('malformed');
        delivered.push(tagOf(event));
      },
      () => new Promise<void>((resolve) => gaps.push(resolve)),
      () => true,
    );
    handle(message(LARGE_MESSAGE_BYTES, 'bad'));
    handle(message(10, 'next'));
    gaps.shift()!();
    await vi.waitFor(() => expect(delivered).toEqual(['next']));
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });
});
