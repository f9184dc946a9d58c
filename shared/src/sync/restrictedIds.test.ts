import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from './ids';
import { isBoundTo, newRestrictedNonce, restrictedDocId, restrictedNonceSchema } from './restrictedIds';
import { isWellKnownDoc } from './rooms';

const ws = 'b'.repeat(52);

describe('restricted room ids', () => {
  it('derives the same 21-character id from the same workspace, member and nonce, and another from any change', async () => {
    const nonce = newRestrictedNonce();
    expect(restrictedNonceSchema.safeParse(nonce).success).toBe(true);
    const id = await restrictedDocId(ws, 'member-alice', nonce);
    expect(id).toMatch(ID_PATTERN);
    expect(id).toHaveLength(21);
    expect(await restrictedDocId(ws, 'member-alice', nonce)).toBe(id);
    expect(await restrictedDocId(ws, 'member-bruno', nonce)).not.toBe(id);
    expect(await restrictedDocId('c'.repeat(52), 'member-alice', nonce)).not.toBe(id);
    expect(await restrictedDocId(ws, 'member-alice', newRestrictedNonce())).not.toBe(id);
    expect(await isBoundTo(ws, id, 'member-alice', nonce)).toBe(true);
    expect(await isBoundTo(ws, id, 'member-bruno', nonce)).toBe(false);
  });

  it('knows the well-known documents', () => {
    expect(['catalogue', 'directory', 'governance'].every(isWellKnownDoc)).toBe(true);
    expect(isWellKnownDoc('V1StGXR8_Z5jdHi6B-myT')).toBe(false);
  });
});
