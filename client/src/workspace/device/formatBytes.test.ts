import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes';

describe('sizes', () => {
  it('reads in French and English units', () => {
    expect(formatBytes(23_412_000, 'fr')).toBe('23,4\u202fMo');
    expect(formatBytes(1_200_000_000, 'fr')).toBe('1,2\u202fGo');
    expect(formatBytes(512_000, 'fr')).toBe('512\u202fko');
    expect(formatBytes(23_412_000, 'en')).toBe('23.4 MB');
  });
});
