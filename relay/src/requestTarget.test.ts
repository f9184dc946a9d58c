import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loggablePath, parseTarget } from './requestTarget';

describe('parseTarget', () => {
  it('reads origin-form and absolute-form targets', () => {
    expect(parseTarget('/sync/a/b?v=1.0&token=x')).toMatchObject({ pathname: '/sync/a/b', path: '/sync/a/b' });
    expect(parseTarget('/sync/a/b?v=1.0')?.query.get('v')).toBe('1.0');
    expect(parseTarget('http://elsewhere:80/healthz?x=1')?.path).toBe('/healthz');
    expect(parseTarget('/caf%C3%A9')).toMatchObject({ pathname: '/caf%C3%A9', path: '/café' });
    expect(parseTarget('/a/../../etc/passwd')?.path).toBe('/etc/passwd');
  });

  it('keeps `//` a path instead of reading a host from it', () => {
    expect(parseTarget('//')?.path).toBe('//');
    expect(parseTarget('//evil.example/x')?.path).toBe('//evil.example/x');
  });

  it('answers null for what it cannot read', () => {
    for (const raw of [
      undefined,
      '',
      '/%',
      '/%zz',
      '/%C3%28',
      '/%FF',
      '/%E2%82',
      '/a%00b',
      '*',
      'example.org:443',
      'relay',
      'ftp://x/',
      'http://',
      'http://[::1/',
    ]) {
      expect(parseTarget(raw), String(raw)).toBeNull();
    }
  });

  it('never throws, whatever the bytes', () => {
    const percent = fc
      .tuple(fc.constantFrom('%', '%%', '%C', '%C3', '%C3%28', '%FF', '%E2%82', '%00', '%2F', '%2e%2e'), fc.string())
      .map(([a, b]) => a + b);
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      percent,
      fc.constantFrom('/', '//', '?', '#', 'http://', '../', '\\', '@', ':'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        parseTarget(pieces.join(''));
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('logs no query and no fragment', () => {
    expect(loggablePath('/sync/a/b?token=eyJsecret')).toBe('/sync/a/b');
    expect(loggablePath('/%#token=eyJ')).toBe('/%');
    expect(loggablePath(`/${'a'.repeat(500)}`)).toHaveLength(120);
  });
});
