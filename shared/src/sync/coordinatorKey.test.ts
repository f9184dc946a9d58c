import { describe, expect, it } from 'vitest';
import { decodeKeyBundle, encodeKeyBundle } from './coordinatorKey';

const key = { kty: 'EC' as const, crv: 'P-256' as const, x: 'a'.repeat(43), y: 'b'.repeat(43), d: 'c'.repeat(43) };

describe('coordinator key bundle', () => {
  it('round-trips through the URL-safe encoding', () => {
    const text = encodeKeyBundle({ dlg: 'eyJ.header.sig', key });
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeyBundle(text)).toEqual({ dlg: 'eyJ.header.sig', key });
  });

  it('turns anything else into null, never a half key', () => {
    expect(decodeKeyBundle('not base64 !')).toBeNull();
    expect(decodeKeyBundle(encodeKeyBundle({ dlg: 'x', key }).slice(0, -5))).toBeNull();
    expect(decodeKeyBundle(btoa(JSON.stringify({ dlg: 'x', key: { ...key, d: undefined } })))).toBeNull();
    expect(decodeKeyBundle(btoa(JSON.stringify({ dlg: 'x' })))).toBeNull();
  });

  it('carries a device key, or who owns the device, alone', () => {
    expect(decodeKeyBundle(encodeKeyBundle({ dk: key }))).toEqual({ dk: key });
    const me = { name: 'Alice Martin', profession: 'pharmacien' };
    expect(decodeKeyBundle(encodeKeyBundle({ me }))).toEqual({ me });
  });
});
