import { describe, expect, it } from 'vitest';
import { SYNC_SUBPROTOCOL, syncProtocols, tokenOfProtocols } from './subprotocol';

const JWT = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln-_c2ln';

describe('subprotocols', () => {
  it('offers the plain one first, then the token, and reads the token back from the header', () => {
    expect(syncProtocols(JWT)).toEqual([SYNC_SUBPROTOCOL, `${SYNC_SUBPROTOCOL}.token.${JWT}`]);
    expect(tokenOfProtocols(syncProtocols(JWT).join(', '))).toBe(JWT);
    expect(tokenOfProtocols(`${SYNC_SUBPROTOCOL}.token.${JWT},${SYNC_SUBPROTOCOL}`)).toBe(JWT);
  });

  it('offers no token that a handshake could not carry, and reads none from an empty or foreign header', () => {
    for (const bad of ['', 'a b', 'a,b', 'é', 'a..b']) expect(syncProtocols(bad)).toEqual([SYNC_SUBPROTOCOL]);
    for (const header of [undefined, '', SYNC_SUBPROTOCOL, `${SYNC_SUBPROTOCOL}.token.`, 'other.token.x', 'token'])
      expect(tokenOfProtocols(header)).toBeNull();
  });
});
