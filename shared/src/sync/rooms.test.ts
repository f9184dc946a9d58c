import { describe, expect, it } from 'vitest';
import { parseRoom, roomName } from './rooms';
import { base32, newDocId, workspaceIdFromPublicKey } from './ids';

describe('room names', () => {
  it('round-trips a workspace id and a doc id', async () => {
    const workspaceId = await workspaceIdFromPublicKey(new Uint8Array([1, 2, 3]));
    const docId = newDocId();
    expect(parseRoom(roomName({ workspaceId, docId }))).toEqual({ workspaceId, docId });
  });

  it('refuses names that are not ours', () => {
    expect(parseRoom('')).toBeNull();
    expect(parseRoom('abc/def')).toBeNull();
    expect(parseRoom(`${'a'.repeat(52)}/../etc`)).toBeNull();
    expect(parseRoom(`${'a'.repeat(52)}/catalogue/x`)).toBeNull();
    expect(() => roomName({ workspaceId: 'UPPER', docId: 'catalogue' })).toThrow();
  });
});

describe('ids', () => {
  it('base32-encodes per RFC 4648 (lowercase, unpadded)', () => {
    expect(base32(new TextEncoder().encode('foobar'))).toBe('mzxw6ytboi');
  });

  it('derives a 52-character workspace id that depends on the key', async () => {
    const a = await workspaceIdFromPublicKey(new Uint8Array([1]));
    const b = await workspaceIdFromPublicKey(new Uint8Array([2]));
    expect(a).toMatch(/^[a-z2-7]{52}$/);
    expect(a).not.toBe(b);
  });

  it('makes distinct url-safe doc ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, newDocId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
  });
});
